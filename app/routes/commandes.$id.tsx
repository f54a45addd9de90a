import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { priceLabel } from "~/domain/catalog/price-label";
import { MAX_QUANTITY } from "~/domain/field-limits";
import { idField } from "~/domain/fields";
import { formatVatRate } from "~/domain/money";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { changeOrderLine, changeOrderLineSchema } from "~/domain/ordering/change-order-line.server";
import { orderChangeRefusal } from "~/domain/ordering/order-changes";
import { pickupAhead } from "~/domain/ordering/my-orders-sections";
import { findOwnOrder } from "~/domain/ordering/order-view.server";
import { offerPictures } from "~/domain/catalog/offer-pictures.server";
import { pickupDirections } from "~/domain/ordering/pickup-directions";
import { pickupCoordinates } from "~/domain/ordering/pickup-place.server";
import { orderVatBreakdown } from "~/domain/ordering/pricing";
import { db } from "~/db.server";
import { requireUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { translate, type MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros, longDate, placeLine, timeRange, weight } from "~/ui/format";
import { FormAlert } from "~/ui/form";
import { ProductPicture } from "~/ui/product-picture";
import { SubmitButton } from "~/ui/submit-button";
import { redirect } from "@remix-run/node";
import { confirmFromReturn } from "~/domain/payments/confirm-from-return.server";
import { startCheckout } from "~/domain/payments/start-checkout.server";
import { appUrl } from "~/http/request-context.server";

export const meta: MetaFunction = () => [{ title: "Ma commande — Terre & Mer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idField.safeParse(params.id);
  // Back from Stripe's page: ask Stripe for the session and confirm the order if the webhook has not yet (decision 027 §1).
  const returned = id.success && new URL(request.url).searchParams.get("paiement") === "retour"
    ? await confirmFromReturn({ orderId: id.data, userId: user.id, now: now(), appUrl: appUrl() })
    : null;
  const order = id.success ? await findOwnOrder(db(), id.data, user.id) : null;
  if (!order) throw new Response("Not found", { status: 404 });
  const editable = orderChangeRefusal(order.status, order.distribution, now()) === null;
  // Adding units sells them at the offer's price today: the page shows it and posts it back (decision 019).
  const [offers, place, pictures, handedOver] = await Promise.all([
    editable ? db().offer.findMany({ where: { id: { in: order.lines.map((line) => line.offerId) } }, select: { id: true, priceCents: true } }) : [],
    pickupCoordinates(db(), order.distribution.pickupPoint.id),
    offerPictures(order.lines.map((line) => line.offerId)),
    // The receipt exists once a producer has handed over their part (app/routes/commandes.$id_.recu.tsx).
    editable ? null : db().handover.findFirst({ where: { orderId: order.id, status: "COLLECTED" }, select: { producerId: true } }),
  ]);
  return {
    order,
    editable,
    // Directions and the calendar only while the pickup is still to come.
    pickupAhead: pickupAhead(order, now()),
    directions: place ? pickupDirections(place) : null,
    currentPrices: Object.fromEntries(offers.map((offer) => [offer.id, offer.priceCents])),
    vat: orderVatBreakdown(order.lines),
    pictures,
    hasReceipt: handedOver !== null,
    returned: returned?.state ?? null,
    // A card order waiting for its payment, its hold still running: « payer » and « annuler ».
    waiting: order.status === "AWAITING_PAYMENT" && order.holdExpiresAt !== null && order.holdExpiresAt.getTime() > now().getTime(),
  };
}

type ActionResult = FormFailure | { ok: true; done: "updated" | "lineRemoved" | "cancelled" } | { ok: false; unavailable: true; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeOf(request, user.locale);
  const id = idField.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  try {
    if (form.intent === "pay") {
      // Someone else's order does not exist for this customer: checked before anything is asked of Stripe.
      const own = await findOwnOrder(db(), id.data, user.id);
      if (!own) throw new Response("Not found", { status: 404 });
      // The one session of the order (same key): made again only if Stripe could not be reached before.
      const started = await startCheckout({ orderId: id.data, locale, appUrl: appUrl(), now: now() });
      if (started) return redirect(started.checkoutUrl);
      return { ok: false, unavailable: true, message: translate(locale, own.status === "AWAITING_PAYMENT" ? "cardCheckout.waiting.unavailable" : "cardCheckout.expired.body") } satisfies ActionResult;
    }
    if (form.intent === "cancel") {
      await cancelOrder({ orderId: id.data, customer: user, now: now() });
      return { ok: true, done: "cancelled" } satisfies ActionResult;
    }
    const parsed = changeOrderLineSchema.safeParse({ ...form, quantity: form.intent === "remove" ? "0" : form.quantity });
    if (!parsed.success) return invalidForm(parsed.error, locale);
    await changeOrderLine({ orderId: id.data, offerId: parsed.data.offerId, quantity: parsed.data.quantity, unitPriceCents: parsed.data.unitPriceCents, customer: user, now: now() });
    return { ok: true, done: parsed.data.quantity === 0 ? "lineRemoved" : "updated" } satisfies ActionResult;
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function OrderPage() {
  const { order, editable, pickupAhead, directions, currentPrices, vat, pictures, hasReceipt, returned, waiting } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const point = order.distribution.pickupPoint;
  const success = result?.ok
    ? t(`orders.${result.done}` as MessageKey)
    : searchParams.get("confirmee")
      ? t("orders.confirmed")
      : returned === "paid" && order.status === "CONFIRMED"
        ? t("cardCheckout.return.confirmed")
        : null;
  const card = order.paymentMethod === "ONLINE_CARD" ? order.cardPayment : null;

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">
        {t("orders.number", { number: order.number })} — {t(`orders.status.${order.status}` as MessageKey)}
      </h1>
      <div className="mt-4">
        <FormAlert tone="success" message={success} />
        {result && !result.ok ? <FormAlert message={result.message} /> : null}
        {returned === "pending" && order.status === "AWAITING_PAYMENT" ? <FormAlert tone="success" message={t("cardCheckout.return.pending")} /> : null}
      </div>
      {waiting && card ? (
        <section aria-labelledby="payment-waiting" className="mb-4 rounded-xl border-2 border-earth-700 bg-earth-50 p-4" data-testid="order-awaiting-payment">
          <h2 id="payment-waiting" className="text-lg font-bold text-earth-700">{t("cardCheckout.waiting.title")}</h2>
          <p className="mt-1">{t("cardCheckout.waiting.body", { amount: euros(card.amountCents, locale), time: holdTime(order.holdExpiresAt) })}</p>
          <Form method="post" className="mt-3 flex flex-wrap gap-2">
            <SubmitButton name="intent" value="pay" busyLabel={t("cardCheckout.waiting.pay", { amount: euros(card.amountCents, locale) })} className="w-full sm:w-auto">
              {t("cardCheckout.waiting.pay", { amount: euros(card.amountCents, locale) })}
            </SubmitButton>
            <SubmitButton variant="secondary" name="intent" value="cancel" busyLabel={t("shop.busy.cancelling")} className="w-full sm:w-auto">
              {t("cardCheckout.waiting.cancel")}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      {order.status === "EXPIRED" || (order.status === "AWAITING_PAYMENT" && !waiting) ? (
        <p className="mb-4 rounded-xl bg-earth-50 p-3 font-semibold text-earth-700" data-testid="order-expired">{t("cardCheckout.expired.body")}</p>
      ) : null}
      {/* Where, when, how to pay: one column on a phone. The place is said once; its directions go with it. */}
      <dl className="mt-2 grid grid-cols-1 gap-x-4 rounded-xl border border-slate-300 bg-white p-4 sm:grid-cols-[max-content_1fr] sm:gap-y-2">
        <dt className="font-semibold">{t("orders.where")}</dt>
        <dd className="mb-2 sm:mb-0">
          {pickupAhead ? (
            <section aria-label={t("myOrders.directions.title")} data-testid="order-directions">
              <address className="not-italic">{point.name}, {placeLine(point.address, point.commune)}</address>
              <ul className="mt-1">
                {directions ? (
                  <>
                    <li><a href={directions.openStreetMap} className="inline-flex min-h-11 items-center text-sea-800 underline underline-offset-4">{t("myOrders.directions.openStreetMap")}</a></li>
                    <li><a href={directions.geo} className="inline-flex min-h-11 items-center text-sea-800 underline underline-offset-4">{t("myOrders.directions.phone")}</a></li>
                  </>
                ) : null}
                <li>
                  <a href={`/commandes/${order.id}.ics`} download={`terre-et-mer-commande-${order.number}.ics`} className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("myOrders.calendar.add")}</a>
                  <span className="block text-sm text-slate-700">{t("myOrders.calendar.hint")}</span>
                </li>
              </ul>
            </section>
          ) : (
            <>{point.name}, {placeLine(point.address, point.commune)}</>
          )}
        </dd>
        <dt className="font-semibold">{t("orders.when")}</dt>
        <dd className="mb-2 sm:mb-0"><span>{longDate(order.slot.startsAt, locale)}</span>, {timeRange(order.slot.startsAt, order.slot.endsAt)}</dd>
        <dt className="font-semibold">{t("orders.payment")}</dt>
        <dd>
          {card ? (
            <CardPaymentSummary order={order} card={card} />
          ) : order.paidCents === 0
            ? t("orders.payAtPickup", { total: euros(order.amountDueCents, locale) })
            : order.leftToPayCents > 0
              ? t("orders.paidLeftToPay", { paid: euros(order.paidCents, locale), left: euros(order.leftToPayCents, locale) })
              : t("orders.paidInFull", { paid: euros(order.paidCents, locale) })}
        </dd>
      </dl>
      {order.status === "CONFIRMED" ? (
        <p className="mt-3 text-slate-800">
          {editable ? t("orders.editableUntil", { date: dateTime(order.distribution.cutoffAt, locale) }) : t("orders.readOnly")}
        </p>
      ) : null}
      {order.status === "CONFIRMED" && order.awaitingWeighing ? <p className="mt-2 text-slate-800">{t("orders.awaitingWeighing")}</p> : null}
      {order.owedBackCents > 0 ? (
        <p className="mt-2 rounded-lg bg-earth-50 p-2 font-semibold text-earth-700" data-testid="order-owed-back">
          {t("ordering.order.owedBack", { amount: euros(order.owedBackCents, locale) })}
        </p>
      ) : null}

      {/* Each line a row that stacks on a phone (a table squeezed names to a word per line). */}
      <ul className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white" aria-label={t("orders.product")}>
        {order.lines.map((line) => (
          <li key={line.offerId} className="grid grid-cols-[4rem_minmax(0,1fr)] gap-x-3 p-3 sm:grid-cols-[6rem_minmax(0,1fr)]" data-testid="order-line">
            <ProductPicture photo={pictures[line.offerId]?.photo} category={pictures[line.offerId]?.category} alt="" sizes="(min-width: 640px) 96px, 64px" className="aspect-[4/3] rounded-lg" />
            <div className="min-w-0">
              <p className="font-semibold leading-snug">{line.productName}</p>
              <p className="text-sm text-slate-700">{priceLabel({ name: line.productName, unit: line.unit, priceCents: line.unitPriceCents, variableWeight: line.variableWeight, estimatedWeightGrams: line.gramsPerUnit, netQuantityGrams: null }, locale)}</p>
              {editable && currentPrices[line.offerId] !== undefined && currentPrices[line.offerId] !== line.unitPriceCents ? (
                <p className="text-sm font-semibold">{t("ordering.price.lineNow", { price: euros(currentPrices[line.offerId] ?? 0, locale) })}</p>
              ) : null}
              {line.variableWeight && line.weighedGrams !== null ? (
                <p className="text-sm font-semibold">{t("orders.weighed", { weight: weight(line.weighedGrams, locale) })}</p>
              ) : line.variableWeight && line.capCents !== null ? (
                <p className="text-sm text-slate-700">{t("orders.upTo", { amount: euros(line.capCents, locale) })}</p>
              ) : null}
              <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2">
                {editable ? (
                  <Form method="post" className="flex flex-wrap items-center gap-2" preventScrollReset>
                    <input type="hidden" name="offerId" value={line.offerId} />
                    <input type="hidden" name="unitPriceCents" value={currentPrices[line.offerId] ?? line.unitPriceCents} />
                    <label className="sr-only" htmlFor={`q-${line.offerId}`}>{t("catalogue.quantityFor", { name: line.productName })}</label>
                    <input id={`q-${line.offerId}`} type="number" name="quantity" inputMode="numeric" min={0} max={MAX_QUANTITY} defaultValue={line.quantity} className="min-h-11 w-16 rounded-lg border border-slate-400 px-2 text-base" />
                    <SubmitButton variant="secondary" name="intent" value="change" busyLabel={t("shop.busy.changing")} aria-label={`${t("orders.change")} ${line.productName}`}>{t("orders.change")}</SubmitButton>
                    <SubmitButton variant="secondary" name="intent" value="remove" busyLabel={t("shop.busy.removing")} aria-label={`${t("orders.removeLine")} : ${line.productName}`}>{t("cart.remove")}</SubmitButton>
                  </Form>
                ) : (
                  <p>{t("shop.line.quantity", { quantity: line.quantity })}</p>
                )}
                <p className="ml-auto text-right font-bold">
                  <span className="sr-only">{t("shop.line.total", { amount: euros(line.lineTotalCents, locale) })}</span>
                  <span aria-hidden="true">{euros(line.lineTotalCents, locale)}</span>
                </p>
              </div>
            </div>
          </li>
        ))}
      </ul>

      <table className="mt-3 w-full border-collapse rounded-xl bg-sea-50 text-left">
        <tbody>
          <tr>
            <th scope="row" className="p-3 text-lg">
              {order.amountDueCents !== order.totalCents ? t("orders.finalTotal") : t("cart.total")}
              {order.amountDueCents !== order.totalCents ? (
                <span className="block text-sm font-normal text-slate-700">{t("orders.orderedTotal", { amount: euros(order.totalCents, locale) })}</span>
              ) : null}
            </th>
            <td className="whitespace-nowrap p-3 text-right text-lg font-bold" data-testid="order-amount-due">{euros(order.amountDueCents, locale)}</td>
          </tr>
          {vat.map((line) => (
            <tr key={line.vatRateBp} className="text-sm text-slate-700">
              <td className="px-3 pb-2">{t("orders.vat", { rate: formatVatRate(line.vatRateBp, locale) })}</td>
              <td className="whitespace-nowrap px-3 pb-2 text-right">{euros(line.vatCents, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {hasReceipt ? (
        <p className="mt-4">
          <a href={`/commandes/${order.id}/recu`} className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("receipt.link")}</a>
        </p>
      ) : null}

      {editable ? (
        <Form method="post" className="mt-6">
          <SubmitButton variant="secondary" name="intent" value="cancel" busyLabel={t("shop.busy.cancelling")}>{t("orders.cancel")}</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}

/** Paid online, and each refund of it (decision 027 §9: « payé en ligne », never « carte » alone). */
function CardPaymentSummary({ order, card }: { order: { status: string; refunds: Array<{ id: string; number: number; amountCents: number; reason: string; status: string; createdAt: Date | string; succeededAt: Date | string | null }> }; card: { status: string; amountCents: number } }) {
  const t = useT();
  const locale = useLocale();
  if (card.status !== "SUCCEEDED") return <>{t("cardCheckout.choice.card")} — {t(`orders.status.${order.status}` as MessageKey)}</>;
  return (
    <>
      <span className="font-semibold" data-testid="order-paid-online">{t("cardCheckout.paidOnline", { amount: euros(card.amountCents, locale) })}</span>
      {order.refunds.length > 0 ? (
        <ul className="mt-1 text-sm" aria-label={t("cardCheckout.refundsTitle")} data-testid="order-refunds">
          {order.refunds.map((refund) => {
            const reason = t(`cardCheckout.refundReason.${refund.reason}` as MessageKey);
            return (
              <li key={refund.id}>
                {refund.status === "SUCCEEDED"
                  ? t("cardCheckout.refunded", { date: dayOf(refund.succeededAt ?? refund.createdAt, locale), amount: euros(refund.amountCents, locale), reason })
                  : t("cardCheckout.refundPending", { amount: euros(refund.amountCents, locale), reason })}{" "}
                <Link to={`avoir/${refund.number}`} className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("creditNote.title", { number: refund.number })}</Link>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}

/** "12 décembre 2026" / "12 December 2026", Paris time: mid-sentence, so without the weekday's capital. */
function dayOf(date: Date | string, locale: string): string {
  return new Date(date).toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris", day: "numeric", month: "long", year: "numeric" });
}

/** "14:05", Paris time. */
function holdTime(date: Date | string | null): string {
  return date ? new Date(date).toLocaleTimeString("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }) : "";
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
