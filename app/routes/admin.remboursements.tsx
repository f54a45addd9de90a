import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { cardOrderIdByNumber, listFailedRefunds, readOrderRefunds } from "~/domain/payments/read-order-refunds.server";
import { requirePermission } from "~/http/auth.server";
import { refundLineAction } from "~/http/refund-line-action.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros } from "~/ui/format";
import { RefundOrderPanel, type RefundActionResult } from "~/ui/refund-order-panel";
import { SubmitButton } from "~/ui/submit-button";

export const meta: MetaFunction = () => [{ title: "Remboursements — Terre & Mer" }];

/**
 * The territory's admin refunds any line of a card-paid order at any time (decision 027 §5), the
 * order found by its number (`?commande=1042`), and sees the refunds Stripe refused.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "refund:order:any");
  const wanted = new URL(request.url).searchParams.get("commande")?.trim() ?? "";
  const number = /^\d{1,9}$/.test(wanted) ? Number(wanted) : null;
  const orderId = number === null ? null : await cardOrderIdByNumber(number);
  const order = orderId ? await readOrderRefunds(orderId, { isAdmin: true, producerIds: [] }) : null;
  return { wanted, order, notFound: wanted !== "" && !order, failed: await listFailedRefunds() };
}

export async function action({ request }: ActionFunctionArgs) {
  // A write: refunding is its own permission, not the reading of every order's.
  const user = await requirePermission(request, "refund:order:any");
  return refundLineAction(request, user);
}

export default function AdminRefundsPage() {
  const { wanted, order, notFound, failed } = useLoaderData<typeof loader>();
  const result = useActionData<RefundActionResult>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("cardRefunds.page.adminTitle")}</h1>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="commande" className="block font-semibold text-slate-900">{t("cardRefunds.page.search")}</label>
          <input id="commande" name="commande" inputMode="numeric" defaultValue={wanted} className="mt-1 block min-h-11 w-40 rounded-lg border border-slate-400 bg-white px-3 py-2 text-base" />
        </div>
        <SubmitButton busyLabel={t("cardRefunds.page.searchSubmit")}>{t("cardRefunds.page.searchSubmit")}</SubmitButton>
      </Form>
      {notFound ? <p role="status" className="mt-3 rounded-lg bg-earth-50 p-3 text-earth-700">{t("cardRefunds.page.notFound")}</p> : null}
      {order ? (
        <section aria-labelledby="admin-refund-order" className="mt-6">
          <h2 id="admin-refund-order" className="text-xl font-bold text-sea-900">{t("cardRefunds.page.title", { number: order.orderNumber })}</h2>
          <RefundOrderPanel order={order} result={result} canRefund asAdmin />
        </section>
      ) : null}
      <section aria-labelledby="failed-refunds" className="mt-8 rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="failed-refunds" className="text-lg font-bold text-sea-900">{t("cardRefunds.page.failed")}</h2>
        {failed.length === 0 ? (
          <p className="mt-2">{t("cardRefunds.page.noFailed")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {failed.map((refund) => (
              <li key={refund.number}>
                <Link to={`?commande=${refund.orderNumber}`} className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">
                  {t("creditNote.link", { number: refund.number, amount: euros(refund.amountCents, locale) })}
                </Link>{" "}
                · {dateTime(refund.createdAt, locale)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
