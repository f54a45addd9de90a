import { Form, Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/messages";
import { useT, useLocale } from "~/i18n/use-t";
import { dateTime, euros } from "~/ui/format";
import { FormAlert } from "~/ui/form";
import { SubmitButton } from "~/ui/submit-button";

/** What the producer's and the admin's refund pages show of a card-paid order (readOrderRefunds, serialised). */
export type RefundPanelOrder = {
  orderId: string;
  orderNumber: number;
  customerName: string;
  pointName: string;
  startsAt: string | Date;
  moneyFinalAt: string | Date;
  chargedCents: number;
  refundedCents: number;
  lines: Array<{ id: string; productName: string; quantity: number; producerName: string; worthCents: number; refundedCents: number; leftCents: number }>;
  refunds: Array<{ number: number; amountCents: number; status: "PENDING" | "SUCCEEDED" | "FAILED"; reason: string; kind: string | null; note: string | null; createdAt: string | Date }>;
};

export type RefundActionResult = { ok: true; message: string } | { ok: false; message: string; lineId: string | null; fieldErrors: Record<string, string> };

const KINDS = ["missing", "damaged", "lighter", "notCollected", "other"] as const;
const REASON_KEYS: Record<string, MessageKey> = {
  CUSTOMER_CANCELLED: "cardRefunds.reason.CUSTOMER_CANCELLED",
  DISTRIBUTION_CANCELLED: "cardRefunds.reason.DISTRIBUTION_CANCELLED",
  ORDER_REDUCED: "cardRefunds.reason.ORDER_REDUCED",
  WEIGHED_LIGHTER: "cardRefunds.reason.WEIGHED_LIGHTER",
  PRODUCER_REFUND: "cardRefunds.reason.PRODUCER_REFUND",
  ADMIN_REFUND: "cardRefunds.reason.ADMIN_REFUND",
  LATE_PAYMENT: "cardRefunds.reason.LATE_PAYMENT",
};
const inputClass = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700";

/**
 * A card-paid order's lines, each with its refund form (amount, reason, note), and the order's
 * refunds with their credit notes. Phone first: one column, every control 44 px high.
 * `canRefund` false (a producer once the money is final): the lines are listed without a form;
 * `asAdmin`: the territory, who may refund at any time.
 */
export function RefundOrderPanel({ order, result, canRefund, asAdmin = false }: { order: RefundPanelOrder; result: RefundActionResult | undefined; canRefund: boolean; asAdmin?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p className="mt-2">{t("cardRefunds.page.intro", { charged: euros(order.chargedCents, locale), refunded: euros(order.refundedCents, locale) })}</p>
      <p className="mt-1 text-slate-800">
        {order.customerName} · {order.pointName} · {dateTime(order.startsAt, locale)}
      </p>
      <p className="mt-2 rounded-lg bg-earth-50 p-3 text-earth-700">
        {asAdmin ? t("cardRefunds.page.adminAnyTime") : canRefund ? t("cardRefunds.page.until", { date: dateTime(order.moneyFinalAt, locale) }) : t("cardRefunds.page.final")}
      </p>
      <div className="mt-3">{result ? <FormAlert tone={result.ok ? "success" : "error"} message={result.message} /> : null}</div>
      <ul className="mt-4 space-y-4">
        {order.lines.map((line) => {
          const error = result && !result.ok && result.lineId === line.id ? result.fieldErrors : {};
          const id = (field: string) => `refund-${line.id}-${field}`;
          return (
            <li key={line.id} className="rounded-xl border border-slate-300 bg-white p-4" data-testid="refund-line">
              <h2 className="text-lg font-bold text-sea-900">
                {line.quantity} × {line.productName}
              </h2>
              <p className="text-sm text-slate-700">{line.producerName}</p>
              <p className="mt-1">{t("cardRefunds.page.lineLeft", { charged: euros(line.worthCents, locale), left: euros(line.leftCents, locale) })}</p>
              {canRefund && line.leftCents > 0 ? (
                <Form method="post" noValidate className="mt-3">
                  <input type="hidden" name="orderLineId" value={line.id} />
                  <div className="mb-3">
                    <label htmlFor={id("amount")} className="block font-semibold text-slate-900">{t("cardRefunds.field.amount")}</label>
                    <input
                      id={id("amount")}
                      name="amountCents"
                      inputMode="decimal"
                      autoComplete="off"
                      required
                      aria-invalid={error.amountCents ? true : undefined}
                      aria-describedby={error.amountCents ? `${id("amount")}-error` : undefined}
                      className={inputClass}
                    />
                    {error.amountCents ? <p id={`${id("amount")}-error`} className="mt-1 text-sm font-semibold text-red-800">{error.amountCents}</p> : null}
                  </div>
                  <div className="mb-3">
                    <label htmlFor={id("kind")} className="block font-semibold text-slate-900">{t("cardRefunds.field.kind")}</label>
                    <select id={id("kind")} name="kind" defaultValue="missing" className={inputClass}>
                      {KINDS.map((kind) => (
                        <option key={kind} value={kind}>{t(`cardRefunds.kind.${kind}`)}</option>
                      ))}
                    </select>
                  </div>
                  <div className="mb-3">
                    <label htmlFor={id("note")} className="block font-semibold text-slate-900">{t("cardRefunds.field.note")}</label>
                    <textarea
                      id={id("note")}
                      name="note"
                      rows={2}
                      maxLength={500}
                      aria-invalid={error.note ? true : undefined}
                      aria-describedby={error.note ? `${id("note")}-error` : undefined}
                      className="mt-1 block w-full rounded-lg border border-slate-400 px-3 py-3 text-base"
                    />
                    {error.note ? <p id={`${id("note")}-error`} className="mt-1 text-sm font-semibold text-red-800">{error.note}</p> : null}
                  </div>
                  <SubmitButton busyLabel={t("cardRefunds.page.busy")}>{t("cardRefunds.page.submit")}</SubmitButton>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="order-refunds" className="mt-6 rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="order-refunds" className="text-lg font-bold text-sea-900">{t("cardRefunds.page.refunds")}</h2>
        {order.refunds.length === 0 ? (
          <p className="mt-2">{t("cardRefunds.page.none")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {order.refunds.map((refund) => (
              <li key={refund.number} className="break-words">
                <Link to={`/commandes/${encodeURIComponent(order.orderId)}/avoir/${refund.number}`} className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">
                  {t("creditNote.link", { number: refund.number, amount: euros(refund.amountCents, locale) })}
                </Link>{" "}
                <span className="text-slate-800">
                  · {REASON_KEYS[refund.reason] ? t(REASON_KEYS[refund.reason]!) : refund.reason} · {t(`cardRefunds.status.${refund.status}`)} · {dateTime(refund.createdAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
