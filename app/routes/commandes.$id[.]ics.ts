import type { LoaderFunctionArgs } from "@remix-run/node";
import { idField } from "~/domain/fields";
import { pickupEventDescription, pickupEventIcs } from "~/domain/ordering/order-calendar";
import { findOwnOrder } from "~/domain/ordering/order-view.server";
import { pickupCoordinates } from "~/domain/ordering/pickup-place.server";
import { db } from "~/db.server";
import { requireUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { translate } from "~/i18n/messages";
import { placeLine } from "~/ui/format";

/**
 * "Ajouter à mon agenda": the order's pickup slot as an iCalendar file, for its customer only;
 * another person's order is "not found", as if it did not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idField.safeParse(params.id);
  const order = id.success ? await findOwnOrder(db(), id.data, user.id) : null;
  if (!order) throw new Response("Not found", { status: 404 });
  const locale = localeOf(request, user.locale);
  const point = order.distribution.pickupPoint;
  const place = await pickupCoordinates(db(), point.id);
  const ics = pickupEventIcs({
    orderId: order.id,
    startsAt: order.slot.startsAt,
    endsAt: order.slot.endsAt,
    stamp: now(),
    summary: translate(locale, "myOrders.calendar.summary", { point: point.name }),
    location: `${point.name}, ${placeLine(point.address, point.commune)}`,
    description: pickupEventDescription(order, locale),
    url: new URL(`/commandes/${order.id}`, appUrl()).toString(),
    geo: place ?? undefined,
    cancelled: order.status === "CANCELLED",
  });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="terre-et-mer-commande-${order.number}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
