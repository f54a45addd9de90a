import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listMyOrdersFiled, type MyOrder } from "~/domain/ordering/list-my-orders.server";
import type { PickupState } from "~/domain/ordering/my-orders-sections";
import { requireUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import type { Locale } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { SubmitButton } from "~/ui/submit-button";
import { euros, longDate, timeRange } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Mes commandes — Terre & Mer" }];

function shown({ order, state }: { order: MyOrder; state: PickupState }) {
  return {
    id: order.id,
    number: order.number,
    state,
    amountDueCents: order.amountDueCents,
    pickupPoint: order.distribution.pickupPoint.name,
    slot: order.slot,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filed = await listMyOrdersFiled(user.id, now());
  // Only what the page shows: the loader's data is sent a second time inside the page.
  return { upcoming: filed.upcoming.map(shown), past: filed.past.map(shown), cancelled: filed.cancelled.map(shown) };
}

type ShownOrder = ReturnType<typeof shown>;
type T = ReturnType<typeof useT>;

function statusText(order: ShownOrder, t: T, locale: Locale): string {
  const state = order.state;
  switch (state.status) {
    case "upcoming":
      return t("myOrders.status.upcoming", { date: longDate(order.slot.startsAt, locale), time: timeRange(order.slot.startsAt, order.slot.endsAt) });
    case "partlyCollected":
      return t("myOrders.status.partlyCollected", { collected: state.collected, producers: state.producers });
    case "awaitingPayment":
      return t("cardCheckout.myOrders.waiting", { time: timeOf(state.holdExpiresAt) });
    case "expired":
      return t("orders.status.EXPIRED");
    default:
      return t(`myOrders.status.${state.status}`);
  }
}

const SECTIONS = ["upcoming", "past", "cancelled"] as const;

/** "14:05", Paris time: the hold ends within the quarter of an hour. */
function timeOf(date: Date | string): string {
  return new Date(date).toLocaleTimeString("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });
}

export default function MyOrders() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const none = SECTIONS.every((section) => data[section].length === 0);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("orders.title")}</h1>
      {none ? <p className="mt-4">{t("orders.none")}</p> : null}
      {SECTIONS.filter((section) => data[section].length > 0).map((section) => (
        <section key={section} aria-labelledby={`orders-${section}`} className="mt-6" data-testid={`orders-${section}`}>
          <h2 id={`orders-${section}`} className="text-xl font-semibold text-sea-900">{t(`myOrders.section.${section}`)}</h2>
          <ul className="mt-3 space-y-3">
            {data[section].map((order) => (
              <li key={order.id} className="rounded-xl border border-slate-300 bg-white p-4">
                <h3 className="font-semibold">
                  <Link to={`/commandes/${order.id}`} className="text-sea-800 underline-offset-4 hover:underline">
                    {t("orders.number", { number: order.number })}
                  </Link>
                </h3>
                <p className={order.state.status === "cancelled" || order.state.status === "notCollected" || order.state.status === "awaitingPayment" ? "font-semibold text-earth-700" : "font-semibold text-slate-900"} data-testid="order-status">
                  {statusText(order, t, locale)}
                </p>
                <p className="text-slate-800">
                  {order.state.status === "upcoming" || order.state.status === "awaitingPayment"
                    ? order.pickupPoint
                    : t("myOrders.pickup", { point: order.pickupPoint, date: longDate(order.slot.startsAt, locale), time: timeRange(order.slot.startsAt, order.slot.endsAt) })}
                </p>
                {order.state.status === "cancelled" ? null : <p>{euros(order.amountDueCents, locale)}</p>}
                {order.state.status === "awaitingPayment" ? (
                  // « payer » goes to Stripe's page again (same session), « annuler » releases the hold: both the order page's actions.
                  <Form method="post" action={`/commandes/${order.id}`} className="mt-2 flex flex-wrap gap-2">
                    <SubmitButton name="intent" value="pay" busyLabel={t("cardCheckout.myOrders.pay")} aria-label={`${t("cardCheckout.myOrders.pay")} — ${t("orders.number", { number: order.number })}`}>
                      {t("cardCheckout.myOrders.pay")}
                    </SubmitButton>
                    <SubmitButton variant="secondary" name="intent" value="cancel" busyLabel={t("shop.busy.cancelling")} aria-label={`${t("cardCheckout.myOrders.cancel")} — ${t("orders.number", { number: order.number })}`}>
                      {t("cardCheckout.myOrders.cancel")}
                    </SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
