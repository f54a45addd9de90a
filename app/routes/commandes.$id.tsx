import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
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
import type { MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros, longDate, placeLine, timeRange, weight } from "~/ui/format";
import { FormAlert } from "~/ui/form";
import { ProductPicture } from "~/ui/product-picture";
import { SubmitButton } from "~/ui/submit-button";

export const meta: MetaFunction = () => [{ title: "Ma commande — Terre & Mer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idField.safeParse(params.id);
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
  };
}

type ActionResult = FormFailure | { ok: true; done: "updated" | "lineRemoved" | "cancelled" };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeOf(request, user.locale);
  const id = idField.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  try {
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
  const { order, editable, pickupAhead, directions, currentPrices, vat, pictures, hasReceipt } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const point = order.distribution.pickupPoint;
  const success = result?.ok ? t(`orders.${result.done}` as MessageKey) : searchParams.get("confirmee") ? t("orders.confirmed") : null;

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">
        {t("orders.number", { number: order.number })} — {t(`orders.status.${order.status}` as MessageKey)}
      </h1>
      <div className="mt-4">
        <FormAlert tone="success" message={success} />
        {result && !result.ok ? <FormAlert message={result.message} /> : null}
      </div>
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
          {order.paidCents === 0
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

export function ErrorBoundary() {
  return <ErrorPage />;
}
