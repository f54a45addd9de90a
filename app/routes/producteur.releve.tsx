import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { StatementOrder } from "~/domain/preparation/sales-figures";
import { salesStatement } from "~/domain/preparation/sales-summary.server";
import { statementTotalRows } from "~/domain/preparation/statement-documents";
import { env } from "~/env.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { askedPeriod } from "~/http/sales-period.server";
import type { MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros, longDate } from "~/ui/format";
import { PeriodForm } from "~/ui/period-form";

export const meta: MetaFunction = () => [{ title: "Relevé des paiements — Terre & Mer" }];

/** The producer's statement of a period (issue 11): their orders' money, refunds, transfers, totals that reconcile to the cent. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const asked = askedPeriod(request, localeOf(request, user.locale));
  if (!asked.ok) return data({ period: asked.asked, errors: asked.errors, statement: null }, { status: 400 });
  const { statement } = await salesStatement({ actor: user, producerId: producer.id, ...asked.period, commissionBp: env().PLATFORM_COMMISSION_BP });
  return { period: asked.period, errors: {} as Record<string, string>, statement };
}

const ORDER_FIGURES: Array<{ key: keyof StatementOrder; label: MessageKey }> = [
  { key: "dueCents", label: "cardStatement.col.due" },
  { key: "paidOnlineCents", label: "cardStatement.col.paidOnline" },
  { key: "paidCashCents", label: "cardStatement.col.paidCash" },
  { key: "paidChequeCents", label: "cardStatement.col.paidCheque" },
  { key: "paidTerminalCents", label: "cardStatement.col.paidTerminal" },
  { key: "refundedCents", label: "cardStatement.col.refunded" },
  { key: "commissionCents", label: "cardStatement.col.commission" },
  { key: "feeCents", label: "cardStatement.col.fee" },
  { key: "netCents", label: "cardStatement.col.net" },
];

export default function StatementPage() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const statement = page.statement;
  const query = new URLSearchParams({ du: page.period.from, au: page.period.to }).toString();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("cardStatement.title")}</h1>
      <p className="mt-1">{t("cardStatement.intro")}</p>
      <PeriodForm idPrefix="releve" period={page.period} errors={page.errors}>
        {statement ? (
          <>
            <a href={`/producteur/releve.csv?${query}`} download className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("cardStatement.csv")}</a>
            <a href={`/producteur/releve.pdf?${query}`} download className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("cardStatement.pdf")}</a>
          </>
        ) : null}
      </PeriodForm>

      {statement ? (
        <>
          <section className="mt-6 rounded-xl border-2 border-sea-700 bg-white p-4" aria-labelledby="totaux">
            <h2 id="totaux" className="text-xl font-bold text-sea-900">{t("cardStatement.totals")}</h2>
            <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
              {statementTotalRows(statement.totals).map(([key, cents]) => (
                <div key={key} className={`contents ${key === "cardStatement.total.net" ? "font-bold" : ""}`}>
                  <dt>{t(key)}</dt>
                  <dd className="text-right tabular-nums" data-total={key}>{euros(cents, locale)}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-2 text-sm text-slate-700">{t("cardStatement.reconcile")}</p>
            {statement.totals.gapCents !== 0 ? <p role="alert" className="mt-2 font-bold text-red-800">{t("cardStatement.gap", { amount: euros(statement.totals.gapCents, locale) })}</p> : null}
          </section>

          <section className="mt-6" aria-labelledby="commandes">
            <h2 id="commandes" className="text-xl font-bold text-sea-900">{t("cardStatement.orders")}</h2>
            {statement.orders.length === 0 ? <p className="mt-2">{t("cardStatement.none")}</p> : null}
            <ul className="mt-2 space-y-2">
              {statement.orders.map((order) => (
                <li key={`${order.orderId}-${order.producerId}`} className="rounded-xl border border-slate-300 bg-white p-4">
                  <h3 className="font-bold">{t("cardStatement.order", { number: order.number })}</h3>
                  <p className="text-sm text-slate-700">
                    {longDate(order.startsAt, locale)} — {order.pickupPointName} · {t(`cardStatement.method.${order.paymentMethod}`)}
                  </p>
                  <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
                    {ORDER_FIGURES.filter(({ key }) => (key === "netCents" ? order.paymentMethod === "ONLINE_CARD" : key === "dueCents" || order[key] !== 0)).map(({ key, label }) => (
                      <div key={key} className={`contents ${key === "netCents" ? "font-bold" : ""}`}>
                        <dt>{t(label)}</dt>
                        <dd className="text-right tabular-nums">{euros(Number(order[key]), locale)}</dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ul>
          </section>

          <section className="mt-6" aria-labelledby="remboursements">
            <h2 id="remboursements" className="text-xl font-bold text-sea-900">{t("cardStatement.refunds")}</h2>
            {statement.refunds.length === 0 ? <p className="mt-2">{t("cardStatement.noRefunds")}</p> : null}
            <ul className="mt-2 space-y-2">
              {statement.refunds.map((refund) => (
                <li key={refund.id} className="rounded-xl border border-slate-300 bg-white p-4">
                  <p className="font-bold">
                    {t("cardStatement.col.creditNote")} {refund.number} — {t("cardStatement.order", { number: refund.orderNumber })}
                  </p>
                  <p>
                    {t(`cardStatement.reason.${refund.reason}` as MessageKey)} · {t(`cardStatement.refundStatus.${refund.status}`)} ·{" "}
                    <span className="font-semibold tabular-nums">{euros(refund.amountCents, locale)}</span>
                  </p>
                </li>
              ))}
            </ul>
          </section>

          <section className="mt-6" aria-labelledby="virements">
            <h2 id="virements" className="text-xl font-bold text-sea-900">{t("cardStatement.transfers")}</h2>
            {statement.transfers.length === 0 ? <p className="mt-2">{t("cardStatement.noTransfers")}</p> : null}
            <ul className="mt-2 space-y-2">
              {statement.transfers.map((transfer) => (
                <li key={transfer.id} className="rounded-xl border border-slate-300 bg-white p-4">
                  <p className="font-bold">{longDate(transfer.startsAt, locale)} — {transfer.pickupPointName}</p>
                  <p>
                    {t(`cardStatement.transferStatus.${transfer.status}`)} · <span className="font-semibold tabular-nums">{euros(transfer.amountCents - transfer.reversedCents, locale)}</span>
                    {transfer.reversedCents > 0 ? ` (${t("cardStatement.col.reversed")} ${euros(transfer.reversedCents, locale)})` : ""}
                  </p>
                  {transfer.sentAt ? <p className="text-sm text-slate-700">{t("cardStatement.sentOn", { date: dateTime(transfer.sentAt, locale) })}</p> : null}
                  {transfer.stripeTransferId ? <p className="break-all text-sm text-slate-700">{transfer.stripeTransferId}</p> : null}
                  {transfer.reversals.map((reversal) => (
                    <p key={reversal.id} className="break-all text-sm text-slate-700">
                      {t("cardStatement.col.reversed")} {euros(reversal.amountCents, locale)} — {dateTime(reversal.createdAt, locale)}
                      {reversal.stripeReversalId ? ` — ${reversal.stripeReversalId}` : ""}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          </section>
          <p className="mt-4 print:hidden">
            <Link to="/producteur/paiements" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("cardStatement.account.title")}</Link>
          </p>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
