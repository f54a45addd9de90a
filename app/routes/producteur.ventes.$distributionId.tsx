import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { unitLabel } from "~/domain/catalog/units";
import type { OrderingState } from "~/domain/distributions/ordering-window";
import { idField } from "~/domain/fields";
import { copyLastWeek } from "~/domain/sales/copy-last-week.server";
import { listOfferableProducts } from "~/domain/sales/list-offerable-products.server";
import { listProducerOffers, type ProducerOffer } from "~/domain/sales/list-producer-offers.server";
import { addOfferFormSchema, basketItemsFormSchema, MAX_BASKET_ITEMS, offerRowFormSchema } from "~/domain/sales/offer-fields";
import { centsToInput, compositionTotal } from "~/domain/sales/offer-rules";
import { putOffer } from "~/domain/sales/put-offer.server";
import { removeOffer } from "~/domain/sales/remove-offer.server";
import { setBasketComposition } from "~/domain/sales/set-basket-composition.server";
import { updateOffer } from "~/domain/sales/update-offer.server";
import { DEFAULT_MAX_PER_CUSTOMER } from "~/domain/ordering/customer-limits";
import { now } from "~/http/clock.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { salesFormFailure, salesInvalidForm, type SalesFormFailure } from "~/http/producer-api-errors.server";
import { requireProducer } from "~/http/producer.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton, SecondaryButton } from "~/ui/form";
import { dateTime, euros, longDate, timeRange } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Mes offres — Terre & Mer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const id = idField.safeParse(params.distributionId);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const [sheet, products] = await Promise.all([
    listProducerOffers({ producerId: producer.id, distributionId: id.data, now: now() }),
    listOfferableProducts({ producerId: producer.id, distributionId: id.data }),
  ]);
  if (!sheet) throw new Response("Not found", { status: 404 });
  return { verified: producer.verified, ...sheet, products };
}

type Done = { ok: true; intent: string; message: string; offerId?: string };

const offerIdSchema = z.object({ offerId: idField });
/** Composition rows are named label-0, labelEn-0, quantity-0, price-0, label-1...; empty rows are skipped. */
const COMPOSITION_FIELDS = new Map([["label", "label"], ["labelEn", "labelEn"], ["quantityLabel", "quantity"], ["indicativePriceCents", "price"]]);
const MAX_FORM_ROWS = MAX_BASKET_ITEMS + 5;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request, { verified: true });
  const locale = localeOf(request, user.locale);
  const distributionId = idField.safeParse(params.distributionId);
  if (!distributionId.success) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  const intent = form.intent ?? "";
  const base = { producerId: producer.id, distributionId: distributionId.data, now: now() };
  const done = (message: string, offerId?: string): Done => ({ ok: true, intent, message, offerId });
  try {
    switch (intent) {
      case "update": {
        const parsed = offerRowFormSchema.safeParse(form);
        if (!parsed.success) return salesInvalidForm(parsed.error, locale, { intent, offerId: form.offerId });
        const offer = await updateOffer({ ...base, ...parsed.data });
        return done(translate(locale, "offers.done.updated", { name: offer.name }), offer.id);
      }
      case "add": {
        const parsed = addOfferFormSchema.safeParse(form);
        if (!parsed.success) return salesInvalidForm(parsed.error, locale, { intent });
        const offer = await putOffer({ ...base, ...parsed.data });
        return done(translate(locale, "offers.done.added", { name: offer.name }), offer.id);
      }
      case "remove": {
        const parsed = offerIdSchema.safeParse(form);
        if (!parsed.success) return salesInvalidForm(parsed.error, locale, { intent });
        const offer = await removeOffer({ ...base, offerId: parsed.data.offerId });
        return done(translate(locale, "offers.done.removed", { name: offer.name }));
      }
      case "copy": {
        const result = await copyLastWeek(base);
        if (!result.source) return done(translate(locale, "offers.done.noPrevious"));
        const date = longDate(result.source.startsAt, locale);
        if (result.copied.length === 0) return done(translate(locale, "offers.done.copiedNothing", { date }));
        return done(translate(locale, "offers.done.copied", { date, names: result.copied.map((offer) => offer.name).join(", ") }));
      }
      case "composition": {
        const offerId = offerIdSchema.safeParse(form);
        if (!offerId.success) return salesInvalidForm(offerId.error, locale, { intent });
        const rows = compositionRows(form);
        const parsed = basketItemsFormSchema.safeParse(rows.map((row) => row.fields));
        if (!parsed.success) {
          return salesInvalidForm(parsed.error, locale, { intent, offerId: offerId.data.offerId }, (path) => {
            const [index, field] = path.split(".");
            const row = rows[Number(index)];
            const name = field ? COMPOSITION_FIELDS.get(field) : undefined;
            return row && name ? `${name}-${row.index}` : "composition";
          });
        }
        await setBasketComposition({ ...base, offerId: offerId.data.offerId, items: parsed.data });
        return done(translate(locale, "offers.done.composition"), offerId.data.offerId);
      }
      default:
        return salesInvalidForm(new z.ZodError([{ code: "custom", path: ["intent"], message: "field.unknown", input: intent }]), locale, { intent });
    }
  } catch (error) {
    return salesFormFailure(error, locale, { intent, offerId: form.offerId });
  }
}

/** The non-empty composition rows of the form, with the row each came from. */
function compositionRows(form: Record<string, string>) {
  const rows: Array<{ index: number; fields: Record<string, string> }> = [];
  for (let index = 0; index < MAX_FORM_ROWS; index += 1) {
    const fields = {
      label: form[`label-${index}`] ?? "",
      labelEn: form[`labelEn-${index}`] ?? "",
      quantityLabel: form[`quantity-${index}`] ?? "",
      indicativePriceCents: form[`price-${index}`] ?? "",
    };
    if (Object.values(fields).some((value) => value.trim() !== "")) rows.push({ index, fields });
  }
  return rows;
}

const inputClass = "mt-1 block w-full min-h-11 rounded-lg border border-slate-400 px-3 py-3 text-xl aria-[invalid]:border-red-700";

export default function SalesSheet() {
  const { verified, distribution, offers, products } = useLoaderData<typeof loader>();
  const result = useActionData<SalesFormFailure | Done>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const failure = result && !result.ok ? result : null;

  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link to="/producteur/ventes" className="inline-block min-h-11 py-3 font-semibold text-sea-700 underline">{t("offers.sheet.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-sea-900">{t("offers.sheet.title", { date: longDate(distribution.startsAt, locale) })}</h1>
      <p className="mt-1">
        {timeRange(distribution.startsAt, distribution.endsAt)} · {distribution.pickupPoint.name} — {distribution.pickupPoint.commune}
      </p>
      <StateLine state={distribution.state} opensAt={distribution.opensAt} cutoffAt={distribution.cutoffAt} />

      <div className="mt-4" aria-live="polite">
        {failure ? <FormAlert message={failure.message} /> : null}
        {result?.ok ? <FormAlert tone="success" message={result.message} /> : null}
      </div>
      {!verified ? <p className="mt-3 rounded-lg bg-amber-50 p-3 text-amber-900">{t("offers.sheet.notVerified")}</p> : null}

      <section aria-labelledby="offers-heading" className="mt-6">
        <h2 id="offers-heading" className="text-xl font-bold text-sea-900">{t("offers.sheet.offers")}</h2>
        {offers.length === 0 ? <p className="mt-2">{t("offers.sheet.empty")}</p> : null}
        <ul className="mt-3 space-y-4">
          {offers.map((offer) => (
            <OfferCard
              key={offer.id}
              offer={offer}
              editable={verified}
              canChangeComposition={verified && distribution.canChangeComposition}
              errors={failure?.offerId === offer.id ? failure.fieldErrors : {}}
              busy={busy}
            />
          ))}
        </ul>
        <p className="mt-3 text-sm text-slate-700">{t("offers.sheet.priceNote")}</p>
      </section>

      {verified && distribution.canAddOffers ? (
        <>
          <section aria-labelledby="copy-heading" className="mt-8 rounded-xl border border-slate-300 bg-white p-4">
            <h2 id="copy-heading" className="text-xl font-bold text-sea-900">{t("offers.sheet.copy")}</h2>
            <p className="mt-1 text-sm text-slate-700">{t("offers.sheet.copyHint")}</p>
            <Form method="post" className="mt-3">
              <PrimaryButton name="intent" value="copy" disabled={busy}>{t("offers.sheet.copy")}</PrimaryButton>
            </Form>
          </section>

          <section aria-labelledby="add-heading" className="mt-6 rounded-xl border border-slate-300 bg-white p-4">
            <h2 id="add-heading" className="text-xl font-bold text-sea-900">{t("offers.sheet.add")}</h2>
            {products.length === 0 ? (
              <p className="mt-2">{t("offers.sheet.noProduct")}</p>
            ) : (
              <AddOfferForm products={products} errors={failure?.intent === "add" ? failure.fieldErrors : {}} busy={busy} />
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

function StateLine({ state, opensAt, cutoffAt }: { state: OrderingState; opensAt: Date | string; cutoffAt: Date | string }) {
  const t = useT();
  const locale = useLocale();
  const date = dateTime(state === "not_open_yet" ? opensAt : cutoffAt, locale);
  return <p className={`mt-1 ${state === "distribution_cancelled" ? "font-bold text-red-800" : "text-slate-700"}`}>{t(`offers.state.${state}`, { date })}</p>;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className="mt-1 text-sm font-semibold text-red-800">{message}</p> : null;
}

function OfferCard({ offer, editable, canChangeComposition, errors, busy }: { offer: ProducerOffer; editable: boolean; canChangeComposition: boolean; errors: Record<string, string>; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const stockId = `stock-${offer.id}`;
  const priceId = `price-${offer.id}`;
  const maxId = `max-${offer.id}`;
  return (
    <li className="rounded-xl border border-slate-300 bg-white p-4">
      <h3 className="text-lg font-bold">
        {offer.name} {offer.kind === "BASKET" ? <span className="rounded bg-earth-50 px-2 text-sm font-semibold text-earth-700">{t("offers.sheet.basket")}</span> : null}
      </h3>
      <p className="text-slate-700">{euros(offer.priceCents, locale)} / {unitLabel(offer.unit, locale)}</p>
      <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
        <div className="rounded-lg bg-slate-50 p-2"><dt className="text-sm">{t("offers.sheet.stock")}</dt><dd className="text-xl font-bold">{offer.stock}</dd></div>
        <div className="rounded-lg bg-slate-50 p-2"><dt className="text-sm">{t("offers.sheet.ordered")}</dt><dd className="text-xl font-bold">{offer.ordered}</dd></div>
        <div className="rounded-lg bg-slate-50 p-2"><dt className="text-sm">{t("offers.sheet.remaining")}</dt><dd className="text-xl font-bold">{offer.remaining}</dd></div>
      </dl>
      {editable ? (
        <Form method="post" className="mt-3" preventScrollReset>
          <input type="hidden" name="offerId" value={offer.id} />
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor={stockId} className="block font-semibold">{t("offers.sheet.stock")}<span className="sr-only"> — {offer.name}</span></label>
              <input id={stockId} name="stock" type="text" inputMode="numeric" pattern="[0-9]*" autoComplete="off" defaultValue={offer.stock}
                aria-invalid={errors.stock ? true : undefined} aria-describedby={errors.stock ? `${stockId}-error` : undefined} className={inputClass} />
              <FieldError id={`${stockId}-error`} message={errors.stock} />
            </div>
            <div>
              <label htmlFor={priceId} className="block font-semibold">{t("offers.sheet.price")}<span className="sr-only"> — {offer.name}</span></label>
              <input id={priceId} name="priceCents" type="text" inputMode="decimal" autoComplete="off" defaultValue={centsToInput(offer.priceCents, locale)}
                aria-invalid={errors.priceCents ? true : undefined} aria-describedby={errors.priceCents ? `${priceId}-error` : undefined} className={inputClass} />
              <FieldError id={`${priceId}-error`} message={errors.priceCents} />
            </div>
            <div className="col-span-2">
              <label htmlFor={maxId} className="block font-semibold">{t("ordering.field.maxPerCustomer.label")}<span className="sr-only"> — {offer.name}</span></label>
              <input id={maxId} name="maxPerCustomer" type="text" inputMode="numeric" pattern="[0-9]*" autoComplete="off" defaultValue={offer.maxPerCustomer ?? ""}
                aria-invalid={errors.maxPerCustomer ? true : undefined} aria-describedby={`${maxId}-hint${errors.maxPerCustomer ? ` ${maxId}-error` : ""}`} className={inputClass} />
              <p id={`${maxId}-hint`} className="mt-1 text-sm text-slate-700">{t("ordering.field.maxPerCustomer.hint", { max: DEFAULT_MAX_PER_CUSTOMER })}</p>
              <FieldError id={`${maxId}-error`} message={errors.maxPerCustomer} />
            </div>
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <PrimaryButton name="intent" value="update" disabled={busy} aria-label={t("offers.sheet.saveFor", { name: offer.name })}>{t("offers.sheet.save")}</PrimaryButton>
            {offer.removable ? (
              <SecondaryButton name="intent" value="remove" disabled={busy} aria-label={t("offers.sheet.removeFor", { name: offer.name })}>{t("offers.sheet.remove")}</SecondaryButton>
            ) : null}
          </div>
        </Form>
      ) : null}
      {offer.kind === "BASKET" ? <Composition offer={offer} editable={canChangeComposition} errors={errors} busy={busy} /> : null}
    </li>
  );
}

function Composition({ offer, editable, errors, busy }: { offer: ProducerOffer; editable: boolean; errors: Record<string, string>; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { totalCents } = compositionTotal(offer.basketItems, offer.priceCents);
  const total = t("offers.sheet.compositionTotal", { total: euros(totalCents, locale), price: euros(offer.priceCents, locale) });
  const headingId = `composition-${offer.id}`;
  if (!editable) {
    return (
      <section aria-labelledby={headingId} className="mt-4 border-t border-slate-200 pt-3">
        <h4 id={headingId} className="font-bold">{t("offers.sheet.composition")}</h4>
        <p className="text-sm text-slate-700">{t("offers.sheet.compositionLocked")}</p>
        {offer.basketItems.length === 0 ? (
          <p className="mt-1">{t("offers.sheet.compositionEmpty")}</p>
        ) : (
          <>
            <ul className="mt-1 list-disc pl-5">
              {offer.basketItems.map((item, index) => (
                <li key={index}>{item.label} — {item.quantityLabel} ({euros(item.indicativePriceCents, locale)})</li>
              ))}
            </ul>
            <p className="mt-1 font-semibold">{total}</p>
          </>
        )}
      </section>
    );
  }
  const rows = Math.min(MAX_BASKET_ITEMS, offer.basketItems.length + 3);
  return (
    <section aria-labelledby={headingId} className="mt-4 border-t border-slate-200 pt-3">
      <h4 id={headingId} className="font-bold">{t("offers.sheet.composition")}</h4>
      <p className="text-sm text-slate-700">{t("offers.sheet.compositionHint")}</p>
      {errors.composition ? <FieldError id={`${headingId}-error`} message={errors.composition} /> : null}
      <Form method="post" className="mt-2" preventScrollReset>
        <input type="hidden" name="offerId" value={offer.id} />
        {Array.from({ length: rows }, (_, index) => {
          const item = offer.basketItems[index];
          return (
            <fieldset key={index} className="mt-3 rounded-lg border border-slate-200 p-3">
              <legend className="px-1 text-sm font-semibold">{t("offers.sheet.item", { n: index + 1 })}</legend>
              <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                <CompositionInput name={`label-${index}`} offerId={offer.id} label={t("offers.sheet.itemLabel")} defaultValue={item?.label ?? ""} error={errors[`label-${index}`]} />
                <CompositionInput name={`quantity-${index}`} offerId={offer.id} label={t("offers.sheet.itemQuantity")} defaultValue={item?.quantityLabel ?? ""} error={errors[`quantity-${index}`]} />
                <CompositionInput name={`price-${index}`} offerId={offer.id} label={t("offers.sheet.itemPrice")} inputMode="decimal" defaultValue={item ? centsToInput(item.indicativePriceCents, locale) : ""} error={errors[`price-${index}`]} />
                <CompositionInput name={`labelEn-${index}`} offerId={offer.id} label={t("offers.sheet.itemLabelEn")} defaultValue={item?.labelEn ?? ""} error={errors[`labelEn-${index}`]} />
              </div>
            </fieldset>
          );
        })}
        <p className="mt-2 font-semibold">{total}</p>
        <div className="mt-2">
          <PrimaryButton name="intent" value="composition" disabled={busy}>{t("offers.sheet.compositionSave")}</PrimaryButton>
        </div>
      </Form>
    </section>
  );
}

function CompositionInput({ name, offerId, label, defaultValue, error, inputMode }: { name: string; offerId: string; label: string; defaultValue: string; error?: string; inputMode?: "decimal" }) {
  const id = `${name}-${offerId}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">{label}</label>
      <input id={id} name={name} type="text" inputMode={inputMode} autoComplete="off" defaultValue={defaultValue}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block w-full min-h-11 rounded-lg border border-slate-400 px-3 py-2 text-lg aria-[invalid]:border-red-700" />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function AddOfferForm({ products, errors, busy }: { products: Array<{ id: string; name: string; unit: ProducerOffer["unit"]; priceCents: number }>; errors: Record<string, string>; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Form method="post" className="mt-3" preventScrollReset>
      <label htmlFor="add-product" className="block font-semibold">{t("offers.sheet.product")}</label>
      <select id="add-product" name="productId" defaultValue="" aria-invalid={errors.productId ? true : undefined} aria-describedby={errors.productId ? "add-product-error" : undefined}
        className="mt-1 block w-full min-h-11 rounded-lg border border-slate-400 bg-white px-3 py-3 text-lg aria-[invalid]:border-red-700">
        <option value="">{t("offers.sheet.choose")}</option>
        {products.map((product) => (
          <option key={product.id} value={product.id}>{product.name} — {euros(product.priceCents, locale)} / {unitLabel(product.unit, locale)}</option>
        ))}
      </select>
      <FieldError id="add-product-error" message={errors.productId} />
      <div className="mt-3 grid grid-cols-2 gap-3">
        <div>
          <label htmlFor="add-stock" className="block font-semibold">{t("offers.sheet.stock")}</label>
          <input id="add-stock" name="stock" type="text" inputMode="numeric" pattern="[0-9]*" autoComplete="off"
            aria-invalid={errors.stock ? true : undefined} aria-describedby={errors.stock ? "add-stock-error" : undefined} className={inputClass} />
          <FieldError id="add-stock-error" message={errors.stock} />
        </div>
        <div>
          <label htmlFor="add-price" className="block font-semibold">{t("offers.sheet.price")}</label>
          <input id="add-price" name="priceCents" type="text" inputMode="decimal" autoComplete="off" aria-describedby={errors.priceCents ? "add-price-hint add-price-error" : "add-price-hint"}
            aria-invalid={errors.priceCents ? true : undefined} className={inputClass} />
          <p id="add-price-hint" className="mt-1 text-sm text-slate-700">{t("offers.sheet.addPriceHint")}</p>
          <FieldError id="add-price-error" message={errors.priceCents} />
        </div>
      </div>
      <div className="mt-3">
        <PrimaryButton name="intent" value="add" disabled={busy}>{t("offers.sheet.addSubmit")}</PrimaryButton>
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
