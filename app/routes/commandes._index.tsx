import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMyOrders } from "~/domain/ordering/list-my-orders.server";
import { requireUser } from "~/http/auth.server";
import type { MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { euros, longDate, timeRange } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Mes commandes — Terre & Mer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const orders = await listMyOrders(user.id);
  return {
    orders: orders.map((order) => ({
      id: order.id,
      number: order.number,
      status: order.status,
      totalCents: order.totalCents,
      pickupPoint: order.distribution.pickupPoint.name,
      slot: order.slot,
      lineCount: order.lines.length,
    })),
  };
}

export default function MyOrders() {
  const { orders } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("orders.title")}</h1>
      {orders.length === 0 ? <p className="mt-4">{t("orders.none")}</p> : null}
      <ul className="mt-4 space-y-3">
        {orders.map((order) => (
          <li key={order.id} className="rounded-xl border border-slate-300 bg-white p-4">
            <h2 className="font-semibold">
              <Link to={`/commandes/${order.id}`} className="text-sea-800 underline-offset-4 hover:underline">
                {t("orders.number", { number: order.number })}
              </Link>{" "}
              — {t(`orders.status.${order.status}` as MessageKey)}
            </h2>
            <p className="text-slate-800">
              {order.pickupPoint} · <span>{longDate(order.slot.startsAt, locale)}</span>, {timeRange(order.slot.startsAt, order.slot.endsAt)}
            </p>
            <p className="font-semibold">{euros(order.totalCents, locale)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
