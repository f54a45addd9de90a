import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { priceLabel } from "~/domain/catalog/price-label";
import { MAX_QUANTITY } from "~/domain/field-limits";
import { idField } from "~/domain/fields";
import { formatVatRate } from "~/domain/money";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { changeOrderLine, changeOrderLineSchema } from "~/domain/ordering/change-order-line.server";
import { orderChangeRefusal } from "~/domain/ordering/order-changes";
import { pickupAhead } from "~/domain/ordering/my-orders-sections";
import { findOwnOrder } from "~/domain/ordering/order-view.server";
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
import { FormAlert, SecondaryButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Ma commande — Terre & Mer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idField.safeParse(params.id);
  const order = id.success ? await findOwnOrder(db(), id.data, user.id) : null;
  if (!order) throw new Response("Not found", { status: 404 });
  const editable = orderChangeRefusal(order.status, order.distribution, now()) === null;
  // Adding units sells them at the offer's price today: the page shows it and posts it back (decision 019).
  const [offers, place] = await Promise.all([
    editable ? db().offer.findMany({ where: { id: { in: order.lines.map((line) => line.offerId) } }, select: { id: true, priceCents: true } }) : [],
    pickupCoordinates(db(), order.distribution.pickupPoint.id),
  ]);
  return {
    order,
    editable,
    // Directions and the calendar only while the pickup is still to come.
    pickupAhead: pickupAhead(order, now()),
    directions: place ? pickupDirections(place) : null,
    currentPrices: Object.fromEntries(offers.map((offer) => [offer.id, offer.priceCents])),
    vat: orderVatBreakdown(order.lines),
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
  const { order, editable, pickupAhead, directions, currentPrices, vat } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
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
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 rounded-xl border border-slate-300 bg-white p-4">
        <dt className="font-semibold">{t("orders.where")}</dt>
        <dd>{point.name}, {placeLine(point.address, point.commune)}</dd>
        <dt className="font-semibold">{t("orders.when")}</dt>
        <dd><span>{longDate(order.slot.startsAt, locale)}</span>, {timeRange(order.slot.startsAt, order.slot.endsAt)}</dd>
        <dt className="font-semibold">{t("orders.payment")}</dt>
        <dd>
          {order.paidCents === 0
            ? t("orders.payAtPickup", { total: euros(order.amountDueCents, locale) })
            : order.leftToPayCents > 0
              ? t("orders.paidLeftToPay", { paid: euros(order.paidCents, locale), left: euros(order.leftToPayCents, locale) })
              : t("orders.paidInFull", { paid: euros(order.paidCents, locale) })}
        </dd>
      </dl>
      {pickupAhead ? (
        <section aria-labelledby="order-directions" className="mt-3 rounded-xl border border-slate-300 bg-white p-4" data-testid="order-directions">
          <h2 id="order-directions" className="font-semibold">{t("myOrders.directions.title")}</h2>
          <address className="not-italic">{point.name}<br />{placeLine(point.address, point.commune)}</address>
          <ul className="mt-2 space-y-2">
            {directions ? (
              <>
                <li><a href={directions.openStreetMap} className="text-sea-800 underline underline-offset-4">{t("myOrders.directions.openStreetMap")}</a></li>
                <li><a href={directions.geo} className="text-sea-800 underline underline-offset-4">{t("myOrders.directions.phone")}</a></li>
              </>
            ) : null}
            <li>
              <a href={`/commandes/${order.id}.ics`} download={`terre-et-mer-commande-${order.number}.ics`} className="font-semibold text-sea-800 underline underline-offset-4">{t("myOrders.calendar.add")}</a>
              <span className="block text-sm text-slate-700">{t("myOrders.calendar.hint")}</span>
            </li>
          </ul>
        </section>
      ) : null}
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

      <table className="mt-4 w-full border-collapse bg-white text-left">
        <thead>
          <tr className="border-b border-slate-300 text-sm">
            <th scope="col" className="p-2">{t("orders.product")}</th>
            <th scope="col" className="p-2">{t("cart.quantity")}</th>
            <th scope="col" className="p-2 text-right">{t("orders.lineTotal")}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.offerId} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 font-normal">
                {line.productName}
                <br />
                <span className="text-sm text-slate-700">{priceLabel({ unit: line.unit, priceCents: line.unitPriceCents, variableWeight: line.variableWeight, estimatedWeightGrams: line.gramsPerUnit, netQuantityGrams: null }, locale)}</span>
                {editable && currentPrices[line.offerId] !== undefined && currentPrices[line.offerId] !== line.unitPriceCents ? (
                  <><br /><span className="text-sm font-semibold">{t("ordering.price.lineNow", { price: euros(currentPrices[line.offerId] ?? 0, locale) })}</span></>
                ) : null}
                {line.variableWeight && line.weighedGrams !== null ? (
                  <><br /><span className="text-sm font-semibold">{t("orders.weighed", { weight: weight(line.weighedGrams, locale) })}</span></>
                ) : line.variableWeight && line.capCents !== null ? (
                  <><br /><span className="text-sm text-slate-700">{t("orders.upTo", { amount: euros(line.capCents, locale) })}</span></>
                ) : null}
              </th>
              <td className="p-2">
                {editable ? (
                  <Form method="post" className="flex flex-wrap items-center gap-1" preventScrollReset>
                    <input type="hidden" name="offerId" value={line.offerId} />
                    <input type="hidden" name="unitPriceCents" value={currentPrices[line.offerId] ?? line.unitPriceCents} />
                    <label className="sr-only" htmlFor={`q-${line.offerId}`}>{t("catalogue.quantityFor", { name: line.productName })}</label>
                    <input id={`q-${line.offerId}`} type="number" name="quantity" min={0} max={MAX_QUANTITY} defaultValue={line.quantity} className="w-16 rounded-lg border border-slate-400 px-2 py-2" />
                    <SecondaryButton name="intent" value="change" disabled={busy} aria-label={`${t("orders.change")} ${line.productName}`}>{t("orders.change")}</SecondaryButton>
                    <SecondaryButton name="intent" value="remove" disabled={busy} aria-label={`${t("orders.removeLine")} : ${line.productName}`}>{t("cart.remove")}</SecondaryButton>
                  </Form>
                ) : (
                  line.quantity
                )}
              </td>
              <td className="p-2 text-right">{euros(line.lineTotalCents, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2} className="p-2 text-left">
              {order.amountDueCents !== order.totalCents ? t("orders.finalTotal") : t("cart.total")}
              {order.amountDueCents !== order.totalCents ? (
                <span className="block text-sm font-normal text-slate-700">{t("orders.orderedTotal", { amount: euros(order.totalCents, locale) })}</span>
              ) : null}
            </th>
            <td className="p-2 text-right font-bold" data-testid="order-amount-due">{euros(order.amountDueCents, locale)}</td>
          </tr>
          {vat.map((line) => (
            <tr key={line.vatRateBp} className="text-sm text-slate-700">
              <td colSpan={2} className="px-2">{t("orders.vat", { rate: formatVatRate(line.vatRateBp, locale) })}</td>
              <td className="px-2 text-right">{euros(line.vatCents, locale)}</td>
            </tr>
          ))}
        </tfoot>
      </table>

      {editable ? (
        <Form method="post" className="mt-6">
          <SecondaryButton name="intent" value="cancel" disabled={busy}>{t("orders.cancel")}</SecondaryButton>
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
