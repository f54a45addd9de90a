import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { quantityText, slotText, weightText } from "~/domain/preparation/preparation-format";
import { buildPackingList, buildPickingList, buildPickupSheet, pickupSettlement, type PackingLine, type PaymentMethod, type PickupSheet } from "~/domain/preparation/preparation-lists";
import { readPreparation } from "~/domain/preparation/read-preparation.server";
import { isMoneyFinal, moneyFinalAt } from "~/domain/payments/money-model";
import { formatParis } from "~/domain/time/paris";
import { recordHandover, recordHandoverFormSchema } from "~/domain/preparation/record-handover.server";
import { recordPickupPayment, recordPickupPaymentFormSchema } from "~/domain/preparation/record-pickup-payment.server";
import { recordWeight, recordWeightFormSchema } from "~/domain/preparation/record-weight.server";
import { now } from "~/http/clock.server";
import { domainErrorMessage, domainErrorStatus, fieldErrors, translateIssues } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { translate, type Locale, type MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros, longDate, timeRange } from "~/ui/format";
import { FormAlert } from "~/ui/form";
import type { ZodError } from "zod";

export const meta: MetaFunction = () => [{ title: "Préparation — Terre & Mer" }];

/** The three lists, one per visit (`?vue=`): a list of 5,000 lines renders on its own. */
const VIEWS = ["cueillette", "colisage", "retrait"] as const;
type View = (typeof VIEWS)[number];
const viewTitles: Record<View, MessageKey> = { cueillette: "preparation.view.picking", colisage: "preparation.view.packing", retrait: "preparation.view.pickup" };

function viewOf(value: string | null): View {
  return VIEWS.find((view) => view === value) ?? "cueillette";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const id = idField.safeParse(params.distributionId);
  const preparation = id.success ? await readPreparation(id.data, producer.id, now()) : null;
  if (!preparation) throw new Response("Not found", { status: 404 });
  const view = viewOf(new URL(request.url).searchParams.get("vue"));
  const { distribution, state, rows } = preparation;
  return {
    producerName: producer.name,
    distribution,
    state,
    // 48 h after the end the money is final (decision 027 §5): the sheet is shown, its forms are not.
    moneyFinalAt: isMoneyFinal(distribution.endsAt, now()) ? moneyFinalAt(distribution.endsAt) : null,
    view,
    empty: rows.length === 0,
    picking: view === "cueillette" ? buildPickingList(rows) : null,
    packing: view === "colisage" ? buildPackingList(rows) : null,
    pickup: view === "retrait" ? pickupForPage(buildPickupSheet(rows)) : null,
  };
}

/**
 * What the quay's page shows of the sheet (a thousand orders travel to the browser as data too):
 * each payment form carries its own key, so a double tap records one payment.
 */
function pickupForPage({ orders, totals }: PickupSheet) {
  return {
    totals,
    orders: orders.map((order) => ({
      orderId: order.orderId,
      number: order.number,
      customerName: order.customerName,
      slot: order.slot,
      lines: order.lines.map((line) => ({
        lineId: line.lineId,
        productName: line.productName,
        unit: line.unit,
        quantity: line.quantity,
        variableWeight: line.variableWeight,
        weighedGrams: line.weighedGrams,
        capCents: line.capCents,
        amountCents: line.amountCents,
      })),
      dueCents: order.dueCents,
      paid: order.paid,
      online: order.online,
      refundAfterCloseCents: order.refundAfterCloseCents,
      toPayCents: order.toPayCents,
      owedBackCents: order.owedBackCents,
      awaitingWeighing: order.awaitingWeighing,
      handover: order.handover,
      paymentId: randomUUID(),
    })),
  };
}

type ActionResult =
  | { ok: true; target: string; message: string }
  | { ok: false; target: string; message: string; fieldErrors: Record<string, string>; owedBackCents?: number };

function refused(target: string, message: string, status: number, errors: Record<string, string> = {}, owedBackCents?: number) {
  return data<ActionResult>({ ok: false, target, message, fieldErrors: errors, ...(owedBackCents !== undefined ? { owedBackCents } : {}) }, { status });
}

function invalid(target: string, error: ZodError, locale: Locale) {
  const errors = fieldErrors(translateIssues(error, locale));
  return refused(target, Object.values(errors)[0] ?? translate(locale, "error.invalid"), 400, errors);
}

/** Weighing, hand-over and payments: each answers next to the line or order it is about. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  if (!idField.safeParse(params.distributionId).success) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  const target = (form.intent === "weigh" ? form.lineId : form.orderId) ?? "";
  try {
    if (form.intent === "weigh") {
      const parsed = recordWeightFormSchema.safeParse(form);
      if (!parsed.success) return invalid(target, parsed.error, locale);
      const weighed = await recordWeight({ producerId: producer.id, lineId: parsed.data.lineId, grams: parsed.data.weight, acceptedOwedBackCents: parsed.data.owedBackCents, now: now() });
      const params = { weight: weightText(weighed.weighedGrams, locale), amount: euros(weighed.finalCents, locale) };
      const message =
        weighed.owedBackCents > 0
          ? translate(locale, "ordering.weigh.doneOwedBack", { ...params, owedBack: euros(weighed.owedBackCents, locale) })
          : translate(locale, weighed.capped ? "preparation.weigh.capped" : "preparation.weigh.done", params);
      return { ok: true, target, message } satisfies ActionResult;
    }
    if (form.intent === "handover") {
      const parsed = recordHandoverFormSchema.safeParse(form);
      if (!parsed.success) return invalid(target, parsed.error, locale);
      const recorded = await recordHandover({ ...parsed.data, producerId: producer.id, recordedById: user.id, now: now() });
      return { ok: true, target, message: translate(locale, `preparation.pickup.status.${recorded.status}`) } satisfies ActionResult;
    }
    if (form.intent === "payment") {
      const parsed = recordPickupPaymentFormSchema.safeParse(form);
      if (!parsed.success) return invalid(target, parsed.error, locale);
      const { amount, ...payment } = parsed.data;
      const recorded = await recordPickupPayment({ ...payment, amountCents: amount, producerId: producer.id, recordedById: user.id, now: now() });
      return { ok: true, target, message: translate(locale, "preparation.payment.done", { amount: euros(recorded.amountCents, locale) }) } satisfies ActionResult;
    }
    return refused(target, translate(locale, "preparation.field.intent.invalid"), 400, { intent: translate(locale, "preparation.field.intent.invalid") });
  } catch (error) {
    if (isDomainError(error)) {
      const message = domainErrorMessage(error, locale);
      // A lighter weighing after payment: the form asks the producer to confirm this amount given back.
      const owedBack = error.code === "owed_back_unconfirmed" ? error.details.messageAmounts?.owedBack : undefined;
      return refused(target, message, domainErrorStatus(error.code), error.details.field ? { [error.details.field]: message } : {}, owedBack);
    }
    throw error;
  }
}

/**
 * On paper: only the lists, black on white (the site's header, menus and buttons stay on screen).
 * The pickup sheet is an A4 table: its header row again on each page, no order cut in two.
 */
const PRINT_CSS = [
  "@media print {",
  "header, nav, footer, .no-print { display: none !important; }",
  "body, main { background: #fff !important; color: #000 !important; }",
  "main { max-width: none !important; padding: 0 !important; }",
  "a { color: #000 !important; text-decoration: none !important; }",
  "@page { size: A4; margin: 10mm; }",
  ".pickup-sheet thead { display: table-header-group; }",
  ".pickup-sheet tr { break-inside: avoid; page-break-inside: avoid; }",
  "}",
].join(" ");

export default function PreparationPage() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const { distribution, state, view } = page;
  const open = state === "open" && page.moneyFinalAt === null;
  const point = distribution.pickupPoint;
  const base = `/producteur/preparation/${distribution.id}`;
  return (
    <div className="print:text-black">
      <style>{PRINT_CSS}</style>
      <p className="no-print">
        <Link to="/producteur/preparation" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">← {t("preparation.page.back")}</Link>
      </p>
      {/* The printed pickup sheet has its own header (producer, date, pickup point): the screen's stays on screen. */}
      <h1 className={`text-2xl font-bold text-sea-900 print:text-black ${view === "retrait" ? "print:hidden" : ""}`}>{t("preparation.page.title", { date: longDate(distribution.startsAt, locale) })}</h1>
      <p className={`mt-1 ${view === "retrait" ? "print:hidden" : ""}`}>{t("preparation.page.where", { point: point.name, commune: point.commune, time: timeRange(distribution.startsAt, distribution.endsAt) })}</p>
      {state === "provisional" ? (
        <p role="status" className="mt-3 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 font-medium text-amber-900 print:border-black print:bg-white print:text-black">
          {t("preparation.page.provisional", { date: dateTime(distribution.cutoffAt, locale) })}
        </p>
      ) : null}
      {state === "cancelled" ? <FormAlert message={t("preparation.page.cancelled")} /> : null}
      {page.moneyFinalAt !== null && state !== "cancelled" ? (
        <p role="status" className="mt-3 rounded-lg border-l-4 border-slate-600 bg-slate-50 p-3 font-medium text-slate-900 print:hidden">
          {t("pickupSheet.online.closed", { date: dateTime(page.moneyFinalAt, locale) })}
        </p>
      ) : null}

      <nav aria-label={t("preparation.page.views")} className="no-print mt-4">
        <ul className="grid grid-cols-3 gap-1">
          {VIEWS.map((one) => (
            <li key={one}>
              <Link
                to={`${base}?vue=${one}`}
                aria-current={one === view ? "page" : undefined}
                className={`flex min-h-11 items-center justify-center rounded-lg border px-2 py-2 text-center font-semibold ${one === view ? "border-sea-800 bg-sea-800 text-white" : "border-sea-700 bg-white text-sea-800"}`}
              >
                {t(viewTitles[one])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className={`mt-4 flex flex-wrap items-center justify-between gap-2 ${view === "retrait" ? "print:hidden" : ""}`}>
        <h2 className="text-xl font-bold text-sea-900 print:text-black">{t(viewTitles[view])}</h2>
        <div className="no-print flex flex-wrap gap-2">
          <button type="button" onClick={() => window.print()} className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-5 py-2 font-semibold text-white hover:bg-sea-800">
            {t(view === "retrait" ? "pickupSheet.print" : "preparation.page.print")}
          </button>
          <a href={`${base}/${view}.csv`} download className="inline-flex min-h-11 items-center rounded-lg border border-sea-700 bg-white px-4 py-2 font-semibold text-sea-800">
            {t("preparation.page.csv")}
          </a>
        </div>
      </div>

      {page.empty ? <p className="mt-4">{t("preparation.page.nothing")}</p> : null}
      {page.picking ? <PickingView items={page.picking} /> : null}
      {page.packing ? <PackingView orders={page.packing} open={open} /> : null}
      {page.pickup ? <PickupView sheet={page.pickup} open={open} /> : null}
      {page.pickup ? <PrintedPickupSheet sheet={page.pickup} producerName={page.producerName} distribution={distribution} /> : null}
    </div>
  );
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

function PickingView({ items }: { items: NonNullable<PageData["picking"]> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white print:border-black">
      {items.map((item) => (
        <li key={item.offerId} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 p-3 print:break-inside-avoid">
          <span className="min-w-0 flex-1">
            <span className="font-semibold">{item.productName}</span>
            <span className="block text-sm text-slate-700 print:text-black">
              {t("preparation.picking.orders", { count: item.orders })}
              {item.estimatedGrams !== null ? ` · ${t("preparation.picking.estimate", { weight: weightText(item.estimatedGrams, locale) })}` : null}
              {item.weighedGrams !== null && item.weighedGrams > 0
                ? ` · ${item.linesToWeigh === 0 ? t("preparation.picking.allWeighed", { weight: weightText(item.weighedGrams, locale) }) : t("preparation.picking.weighed", { weight: weightText(item.weighedGrams, locale), count: item.linesToWeigh })}`
                : null}
            </span>
          </span>
          <span className="text-lg font-bold">
            <span className="sr-only">{t("preparation.picking.quantity")} : </span>
            {quantityText(item.quantity, item.unit, locale)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function useResult(): ActionResult | undefined {
  return useActionData<ActionResult>();
}

function ResultFor({ target }: { target: string }) {
  const result = useResult();
  if (!result || result.target !== target) return null;
  return (
    <p role={result.ok ? "status" : "alert"} className={`no-print mt-2 rounded-lg border-l-4 p-2 font-medium ${result.ok ? "border-earth-600 bg-earth-50 text-earth-700" : "border-red-700 bg-red-50 text-red-900"}`}>
      {result.message}
    </p>
  );
}

function LineItem({ line, open }: { line: PackingLine; open: boolean }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const result = useResult();
  const error = result && !result.ok && result.target === line.lineId ? result.fieldErrors.weight : undefined;
  const owedBackToConfirm = result && !result.ok && result.target === line.lineId ? result.owedBackCents : undefined;
  const inputId = `poids-${line.lineId}`;
  return (
    <li className="py-2">
      <span className="font-semibold">{quantityText(line.quantity, line.unit, locale)}</span> {line.productName}
      {line.variableWeight ? (
        <span className="block text-sm text-slate-700 print:text-black">
          {line.weighedGrams !== null
            ? t("preparation.line.weighed", { weight: weightText(line.weighedGrams, locale), amount: euros(line.amountCents, locale) })
            : [line.estimatedGrams !== null ? t("preparation.line.estimate", { weight: weightText(line.estimatedGrams, locale) }) : null, line.capCents !== null ? t("preparation.line.cap", { amount: euros(line.capCents, locale) }) : null]
                .filter(Boolean)
                .join(" · ")}
        </span>
      ) : null}
      {line.variableWeight && open ? (
        <Form method="post" preventScrollReset className="no-print mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="weigh" />
          <input type="hidden" name="lineId" value={line.lineId} />
          <span className="flex flex-col">
            <label htmlFor={inputId} className="text-sm font-semibold">{t("preparation.weigh.label", { product: line.productName })}</label>
            <input
              // A new weight from the server shows once saved; a refused one stays as typed.
              key={line.weighedGrams ?? "none"}
              id={inputId}
              name="weight"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={line.weighedGrams !== null ? String(line.weighedGrams / 1000).replace(".", locale === "fr" ? "," : ".") : ""}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              className="mt-1 w-28 rounded-lg border border-slate-400 px-3 py-2 text-lg aria-[invalid]:border-red-700"
            />
          </span>
          {owedBackToConfirm !== undefined ? (
            <label className="flex min-h-11 w-full items-center gap-2 font-semibold text-red-900">
              <input type="checkbox" name="owedBackCents" value={owedBackToConfirm} required className="h-5 w-5" />
              {t("ordering.weigh.confirmOwedBack", { amount: euros(owedBackToConfirm, locale) })}
            </label>
          ) : null}
          <button type="submit" disabled={busy} className="inline-flex min-h-11 items-center rounded-lg border border-sea-700 bg-white px-4 py-2 font-semibold text-sea-800 disabled:opacity-60">
            {t("preparation.weigh.submit")}
          </button>
          {error ? <span id={`${inputId}-error`} className="sr-only">{error}</span> : null}
        </Form>
      ) : null}
      <ResultFor target={line.lineId} />
    </li>
  );
}

function OrderHeading({ order }: { order: { number: number; customerName: string; slot: { startsAt: Date | string; endsAt: Date | string } } }) {
  const t = useT();
  return (
    <>
      <h3 className="text-lg font-bold">{t("preparation.order.title", { number: order.number, name: order.customerName })}</h3>
      <p className="text-sm text-slate-700 print:text-black">{t("preparation.order.slot", { time: slotText(order.slot) })}</p>
    </>
  );
}

function PackingView({ orders, open }: { orders: NonNullable<PageData["packing"]>; open: boolean }) {
  return (
    <div className="mt-3 space-y-3">
      {orders.map((order) => (
        <article key={order.orderId} className="rounded-xl border border-slate-300 bg-white p-3 print:break-inside-avoid print:border-black">
          <OrderHeading order={order} />
          <ul className="divide-y divide-slate-200">
            {order.lines.map((line) => (
              <LineItem key={line.lineId} line={line} open={open} />
            ))}
          </ul>
        </article>
      ))}
    </div>
  );
}

const METHODS: PaymentMethod[] = ["CASH", "CHEQUE", "CARD_TERMINAL"];

const STATUS_CLASSES = {
  COLLECTED: "bg-earth-50 text-earth-700",
  NOT_COLLECTED: "bg-red-50 text-red-900",
  NONE: "bg-slate-100 text-slate-800",
} as const;

/**
 * The sheet used on the quay: one card per order, big buttons, one tap to mark it handed over
 * and one to take the amount left to pay. Kept lean: a distribution may have well over a
 * thousand orders on one page.
 */
function PickupView({ sheet, open }: { sheet: NonNullable<PageData["pickup"]>; open: boolean }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const result = useResult();
  const separator = locale === "fr" ? "," : ".";
  return (
    <div className="mt-3 print:hidden">
      <p className="font-semibold">
        {t("preparation.pickup.totals", { orders: sheet.totals.orders, collected: sheet.totals.collected, amount: euros(sheet.totals.toPayCents, locale) })}
      </p>
      {sheet.orders.map((order) => {
        const answer = result && result.target === order.orderId ? result : undefined;
        const amountError = answer && !answer.ok ? answer.fieldErrors.amount : undefined;
        const amountId = `montant-${order.orderId}`;
        const settlement = pickupSettlement(order);
        const paidDetail = METHODS.filter((method) => paidBy(order.paid, method) > 0)
          .map((method) => t("preparation.payment.by", { method: t(`preparation.payment.method.${method}`), amount: euros(paidBy(order.paid, method), locale) }))
          .join(" · ");
        return (
          <article key={order.orderId} className="mt-3 rounded-xl border border-slate-300 bg-white p-3 print:break-inside-avoid print:border-black">
            <h3 className="text-lg font-bold">
              {t("preparation.order.title", { number: order.number, name: order.customerName })}{" "}
              <span className={`rounded-full px-2 text-base ${STATUS_CLASSES[order.handover ?? "NONE"]}`}>
                {order.handover ? t(`preparation.pickup.status.${order.handover}`) : t("preparation.pickup.status.none")}
              </span>
            </h3>
            <p className="text-sm">{t("preparation.order.slot", { time: slotText(order.slot) })}</p>
            <ul className="ml-5 list-disc">
              {order.lines.map((line) => (
                <li key={line.lineId}>
                  {quantityText(line.quantity, line.unit, locale)} {line.productName}
                  {line.variableWeight
                    ? ` — ${line.weighedGrams !== null ? t("preparation.line.weighed", { weight: weightText(line.weighedGrams, locale), amount: euros(line.amountCents, locale) }) : line.capCents !== null ? t("preparation.line.cap", { amount: euros(line.capCents, locale) }) : ""}`
                    : null}
                </li>
              ))}
            </ul>
            <p className="mt-1">
              {t("preparation.pickup.due")} : {euros(order.dueCents, locale)}
              {order.online === null || order.paid.totalCents > 0 ? ` · ${t("preparation.pickup.paid")} : ${euros(order.paid.totalCents, locale)}` : null}
              {paidDetail ? ` (${paidDetail})` : null}
            </p>
            {order.online !== null ? (
              <p className="font-semibold text-sea-900" data-testid="paid-online">
                {t("pickupSheet.online.paid", { amount: euros(order.online.paidCents, locale) })}
                {order.online.refundedCents > 0 ? ` (${t("pickupSheet.online.refunded", { amount: euros(order.online.refundedCents, locale) })})` : null}
              </p>
            ) : null}
            {order.online !== null ? <Link to={`/producteur/remboursements/${encodeURIComponent(order.orderId)}`} className="no-print inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("cardRefunds.page.link")}</Link> : null}
            {order.refundAfterCloseCents > 0 ? (
              <p className="text-sm font-semibold" data-testid="refund-after-close">{t("pickupSheet.online.refundAfterClose", { amount: euros(order.refundAfterCloseCents, locale) })}</p>
            ) : null}
            {settlement.balance ? (
              <p className="text-lg font-bold">
                {t(`preparation.pickup.${settlement.balance.kind}`)} : {euros(settlement.balance.cents, locale)}
              </p>
            ) : null}
            {settlement.owedBackCents > 0 ? (
              <p className={`font-bold text-red-900 ${settlement.balance ? "" : "text-lg"}`} data-testid="owed-back">{t("ordering.pickup.owedBack", { amount: euros(settlement.owedBackCents, locale) })}</p>
            ) : null}
            {order.awaitingWeighing ? <p className="text-sm">{t("preparation.pickup.awaitingWeighing")}</p> : null}
            {open ? (
              <div className="no-print">
                <Form method="post" preventScrollReset className="mt-2 grid grid-cols-2 gap-2">
                  <input type="hidden" name="intent" value="handover" />
                  <input type="hidden" name="orderId" value={order.orderId} />
                  <button type="submit" name="status" value="COLLECTED" disabled={busy} aria-pressed={order.handover === "COLLECTED"} className={HANDOVER_BUTTON}>
                    {t("preparation.pickup.markCollected")}
                  </button>
                  <button type="submit" name="status" value="NOT_COLLECTED" disabled={busy} aria-pressed={order.handover === "NOT_COLLECTED"} className={NOT_COLLECTED_BUTTON}>
                    {t("preparation.pickup.markNotCollected")}
                  </button>
                </Form>
                {order.toPayCents > 0 ? (
                  <Form method="post" preventScrollReset className="mt-2">
                    <input type="hidden" name="intent" value="payment" />
                    <input type="hidden" name="orderId" value={order.orderId} />
                    <input type="hidden" name="paymentId" value={order.paymentId} />
                    <label htmlFor={amountId} className="block font-semibold">{t("preparation.payment.legend", { number: order.number })} — {t("preparation.payment.amount")}</label>
                    <input
                      key={order.toPayCents}
                      id={amountId}
                      name="amount"
                      inputMode="decimal"
                      autoComplete="off"
                      defaultValue={(order.toPayCents / 100).toFixed(2).replace(".", separator)}
                      aria-invalid={amountError ? true : undefined}
                      aria-describedby={amountError ? `${amountId}-error` : undefined}
                      className="mt-1 block w-full rounded-lg border border-slate-400 px-3 py-3 text-lg"
                    />
                    {amountError ? <p id={`${amountId}-error`} className="font-semibold text-red-800">{amountError}</p> : null}
                    <div className="mt-2 grid grid-cols-3 gap-2">
                      {METHODS.map((method) => (
                        <button key={method} type="submit" name="method" value={method} disabled={busy} className={PAY_BUTTON}>
                          {t(`preparation.payment.method.${method}`)}
                        </button>
                      ))}
                    </div>
                  </Form>
                ) : order.dueCents > 0 && order.toPayCents === 0 ? (
                  <p className="mt-2 font-semibold text-earth-700">{t("preparation.payment.nothingDue")}</p>
                ) : null}
              </div>
            ) : null}
            {answer ? (
              <p role={answer.ok ? "status" : "alert"} className={`no-print mt-2 rounded-lg p-2 font-medium ${answer.ok ? "bg-earth-50 text-earth-700" : "bg-red-50 text-red-900"}`}>
                {answer.message}
              </p>
            ) : null}
          </article>
        );
      })}
    </div>
  );
}

/**
 * The pickup sheet on paper (hidden on screen): producer, date and pickup point, then one row per
 * order with what to hand over and the amount, an empty box to tick and room for the customer to
 * sign. About 20 orders fit an A4 page; a long order takes the room it needs and is never cut.
 */
function PrintedPickupSheet({ sheet, producerName, distribution }: { sheet: NonNullable<PageData["pickup"]>; producerName: string; distribution: PageData["distribution"] }) {
  const t = useT();
  const locale = useLocale();
  const point = distribution.pickupPoint;
  const date = formatParis(new Date(distribution.startsAt), locale, "EEEE d MMMM yyyy");
  return (
    <>
      <div data-testid="pickup-sheet-header" className="hidden print:block">
        <p className="text-lg font-bold">{producerName} — {t("preparation.view.pickup")}</p>
        <p>{t("pickupSheet.when", { date, time: timeRange(distribution.startsAt, distribution.endsAt) })} · {t("pickupSheet.count", { orders: sheet.totals.orders })}</p>
        <p>{t("pickupSheet.where", { point: point.name, address: addressWithCommune(point) })}</p>
      </div>
      <table data-testid="pickup-sheet" className="pickup-sheet mt-2 hidden w-full border-collapse text-[9pt] leading-tight print:table">
        <thead>
          <tr>
            <th scope="col" className={`${SHEET_CELL} w-[10mm]`}>{t("pickupSheet.col.number")}</th>
            <th scope="col" className={`${SHEET_CELL} w-[32mm]`}>{t("pickupSheet.col.customer")}</th>
            <th scope="col" className={`${SHEET_CELL} w-[20mm]`}>{t("pickupSheet.col.slot")}</th>
            <th scope="col" className={SHEET_CELL}>{t("pickupSheet.col.items")}</th>
            <th scope="col" className={`${SHEET_CELL} w-[28mm]`}>{t("pickupSheet.col.amount")}</th>
            <th scope="col" className={`${SHEET_CELL} w-[12mm]`}>{t("pickupSheet.col.handedOver")}</th>
            <th scope="col" className={`${SHEET_CELL} w-[38mm]`}>{t("pickupSheet.col.signature")}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.orders.map((order) => (
            <tr key={order.orderId}>
              <td className={`${SHEET_CELL} h-[11mm] font-bold`}>{order.number}</td>
              <td className={`${SHEET_CELL} font-semibold`}>{order.customerName}</td>
              <td className={`${SHEET_CELL} whitespace-nowrap`}>{slotText(order.slot)}</td>
              <td className={SHEET_CELL}>
                {order.lines.map((line) => (
                  <div key={line.lineId}>
                    {quantityText(line.quantity, line.unit, locale)} {line.productName}
                    {line.variableWeight
                      ? line.weighedGrams !== null
                        ? ` — ${t("preparation.line.weighed", { weight: weightText(line.weighedGrams, locale), amount: euros(line.amountCents, locale) })}`
                        : line.capCents !== null
                          ? ` — ${t("preparation.line.cap", { amount: euros(line.capCents, locale) })}`
                          : null
                      : null}
                  </div>
                ))}
              </td>
              <td className={`${SHEET_CELL} text-right`}>
                <div className="font-bold">{euros(order.dueCents, locale)}</div>
                {order.online !== null ? <div>{t("pickupSheet.online.printedPaid", { amount: euros(order.online.paidCents, locale) })}</div> : null}
                {order.paid.totalCents > 0 ? <div>{t("pickupSheet.paid", { amount: euros(order.paid.totalCents, locale) })}</div> : null}
                {order.refundAfterCloseCents > 0 ? <div>{t("pickupSheet.online.printedRefund", { amount: euros(order.refundAfterCloseCents, locale) })}</div> : null}
                {order.paid.totalCents > 0 && order.toPayCents > 0 ? <div className="font-bold">{t("pickupSheet.toPay", { amount: euros(order.toPayCents, locale) })}</div> : null}
                {order.toPayCents < 0 ? <div className="font-bold">{t("pickupSheet.giveBack", { amount: euros(-order.toPayCents, locale) })}</div> : null}
                {order.awaitingWeighing ? <div>{t("pickupSheet.awaitingWeighing")}</div> : null}
              </td>
              <td className={`${SHEET_CELL} text-center`}>
                <span data-testid="tick-box" className="inline-block h-[5mm] w-[5mm] border-2 border-black text-center leading-none">
                  {order.handover === "COLLECTED" ? "✓" : ""}
                </span>
              </td>
              <td data-testid="signature" className={SHEET_CELL}></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** "Quai Henri IV, 76200 Dieppe": the commune once, whether or not the address already names it. */
function addressWithCommune({ address, commune }: { address: string; commune: string }): string {
  return !commune || address.toLowerCase().includes(commune.toLowerCase()) ? address : `${address}, ${commune}`;
}

const SHEET_CELL = "border border-black px-1 py-0.5 text-left align-top";

const HANDOVER_BUTTON = "min-h-14 rounded-lg border-2 border-earth-700 bg-white px-2 text-lg font-bold text-earth-700 aria-pressed:bg-earth-700 aria-pressed:text-white disabled:opacity-60";
const NOT_COLLECTED_BUTTON = "min-h-14 rounded-lg border-2 border-red-800 bg-white px-2 text-lg font-bold text-red-900 aria-pressed:bg-red-800 aria-pressed:text-white disabled:opacity-60";
const PAY_BUTTON = "min-h-14 rounded-lg bg-sea-700 px-2 font-bold text-white disabled:opacity-60";

function paidBy(paid: { cashCents: number; chequeCents: number; cardCents: number }, method: PaymentMethod): number {
  return method === "CASH" ? paid.cashCents : method === "CHEQUE" ? paid.chequeCents : paid.cardCents;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
