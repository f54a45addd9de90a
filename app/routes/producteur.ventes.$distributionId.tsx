import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { unitLabel } from "~/domain/catalog/units";
import type { OrderingState } from "~/domain/distributions/ordering-window";
import { idField } from "~/domain/fields";
import { copyLastWeek } from "~/domain/sales/copy-last-week.server";
import { listOfferableProducts } from "~/domain/sales/list-offerable-products.server";
import { listProducerOffers, type ProducerOffer } from "~/domain/sales/list-producer-offers.server";
import { addOfferFormSchema, MAX_BASKET_ITEMS } from "~/domain/sales/offer-fields";
import { centsToInput, compositionTotal } from "~/domain/sales/offer-rules";
import { putOffer } from "~/domain/sales/put-offer.server";
import { itemField, parseSalesSheetForm, sheetField } from "~/domain/sales/sales-sheet-form";
import { saveSalesSheet } from "~/domain/sales/save-sales-sheet.server";
import { stockText, stockUnit } from "~/domain/sales/stock-quantity";
import { formatParisTime } from "~/domain/time/paris";
import { DEFAULT_MAX_PER_CUSTOMER } from "~/domain/ordering/customer-limits";
import { now } from "~/http/clock.server";
import { domainErrorMessage, domainErrorStatus } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { salesFormFailure, salesInvalidForm, type SalesFormFailure } from "~/http/producer-api-errors.server";
import { requireProducer } from "~/http/producer.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";
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
/** A save with refused rows: what was saved is said, each refused row named, everything typed comes back. */
type SaveFailure = SalesFormFailure & { values?: Record<string, string> };

/** What was typed comes back as typed (bounded: a page never echoes a megabyte). */
function keepValues(form: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).slice(0, 3000).map(([key, value]) => [key.slice(0, 120), value.slice(0, 300)]));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request, { verified: true });
  const locale = localeOf(request, user.locale);
  const distributionId = idField.safeParse(params.distributionId);
  if (!distributionId.success) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  const intent = form.intent ?? "";
  const at = now();
  const base = { producerId: producer.id, distributionId: distributionId.data, now: at };
  const done = (message: string, offerId?: string): Done => ({ ok: true, intent, message, offerId });
  try {
    switch (intent) {
      case "save": {
        const saved = await saveSalesSheet({ ...base, form: parseSalesSheetForm(form) });
        const time = formatParisTime(at);
        const said = saved.onSale === 0 ? translate(locale, "quay.sheet.savedNone", { time })
          : translate(locale, saved.onSale === 1 ? "quay.sheet.savedOne" : "quay.sheet.savedMany", { time, count: saved.onSale });
        if (saved.refused.length === 0) return done(said);
        const refused = translate(locale, saved.refused.length === 1 ? "quay.sheet.refusedOne" : "quay.sheet.refusedMany", { count: saved.refused.length });
        const fieldErrors: Record<string, string> = {};
        for (const row of saved.refused) fieldErrors[row.field] ??= translate(locale, "quay.sheet.rowError", { product: row.product, reason: domainErrorMessage(row.error, locale) });
        const somethingSaved = saved.changed.length + saved.removed.length > 0;
        const [first] = saved.refused;
        return data<SaveFailure>(
          { ok: false, intent, message: somethingSaved ? `${said} ${refused}` : refused, fieldErrors, offerId: first?.offerId, ordered: first?.error.details.ordered, values: keepValues(form) },
          { status: first ? domainErrorStatus(first.error.code) : 400 },
        );
      }
      case "add": {
        const parsed = addOfferFormSchema.safeParse(form);
        if (!parsed.success) return salesInvalidForm(parsed.error, locale, { intent });
        const offer = await putOffer({ ...base, ...parsed.data });
        return done(translate(locale, "offers.done.added", { name: offer.name }), offer.id);
      }
      case "copy": {
        const result = await copyLastWeek(base);
        if (!result.source) return done(translate(locale, "offers.done.noPrevious"));
        const date = longDate(result.source.startsAt, locale);
        if (result.copied.length === 0) return done(translate(locale, "offers.done.copiedNothing", { date }));
        return done(translate(locale, "offers.done.copied", { date, names: result.copied.map((offer) => offer.name).join(", ") }));
      }
      default:
        return salesInvalidForm(new z.ZodError([{ code: "custom", path: ["intent"], message: "field.unknown", input: intent }]), locale, { intent });
    }
  } catch (error) {
    return salesFormFailure(error, locale, { intent, offerId: form.offerId });
  }
}

/** PrimaryButton's look, across the phone's width: the one save is thumb-sized at the bottom. */
const saveButtonClass = "inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-sea-700 px-5 py-2 text-lg font-semibold text-white hover:bg-sea-800 disabled:opacity-60 sm:w-auto";
const inputClass = "block w-full min-h-11 rounded-lg border border-slate-400 px-3 py-2 text-xl aria-[invalid]:border-red-700";

/**
 * The values a refused save sent back, else the offer's own. A row the refused form did not carry
 * (put on sale since, from another phone) shows as it is: never unticked, never emptied.
 */
type Typed = { value: (name: string, fallback: string) => string; checked: (name: string, fallback: boolean, rowField: string) => boolean };

export default function SalesSheet() {
  const { verified, distribution, offers, products } = useLoaderData<typeof loader>();
  const result = useActionData<SaveFailure | Done>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const failure = result && !result.ok ? result : null;
  const sent = failure?.values ?? null;
  const typed: Typed = {
    value: (name, fallback) => (sent && name in sent ? (sent[name] ?? "") : fallback),
    checked: (name, fallback, rowField) => (sent && rowField in sent ? sent[name] === "on" : fallback),
  };
  const rowErrors = failure?.intent === "save" ? failure.fieldErrors : {};

  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link to="/producteur/ventes" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("offers.sheet.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-sea-900">{t("offers.sheet.title", { date: longDate(distribution.startsAt, locale) })}</h1>
      <p className="mt-1">
        {timeRange(distribution.startsAt, distribution.endsAt)} · {distribution.pickupPoint.name} — {distribution.pickupPoint.commune}
      </p>
      <StateLine state={distribution.state} opensAt={distribution.opensAt} cutoffAt={distribution.cutoffAt} />
      {!verified ? <p className="mt-3 rounded-lg bg-amber-50 p-3 text-amber-900">{t("offers.sheet.notVerified")}</p> : null}

      {verified && distribution.canAddOffers ? (
        <Form method="post" className="mt-4 rounded-xl border border-sea-700 bg-sea-50 p-3" preventScrollReset>
          <PrimaryButton name="intent" value="copy" disabled={busy} aria-describedby="copy-hint">{t("offers.sheet.copy")}</PrimaryButton>
          <p id="copy-hint" className="mt-2 text-sm text-slate-700">{t("offers.sheet.copyHint")}</p>
        </Form>
      ) : null}

      <div className="mt-4" aria-live="polite">
        {failure ? <FormAlert message={failure.message} /> : null}
        {result?.ok ? <FormAlert tone="success" message={result.message} /> : null}
      </div>

      <section aria-labelledby="offers-heading" className="mt-4">
        <h2 id="offers-heading" className="text-xl font-bold text-sea-900">{t("offers.sheet.offers")}</h2>
        {offers.length === 0 ? <p className="mt-2">{t("offers.sheet.empty")}</p> : null}
        {offers.length > 0 && verified ? (
          <Form method="post" className="mt-2" preventScrollReset noValidate>
            <p className="text-sm text-slate-700">{t("quay.sheet.saveHint")}</p>
            <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white">
              {offers.map((offer) => (
                <OfferRow key={offer.id} offer={offer} canChangeComposition={distribution.canChangeComposition} errors={rowErrors} typed={typed} />
              ))}
            </ul>
            <p className="mt-2 text-sm text-slate-700">{t("offers.sheet.priceNote")}</p>
            <div className="sticky bottom-0 z-10 -mx-4 mt-3 border-t border-slate-300 bg-white/95 px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
              <PrimaryButton name="intent" value="save" disabled={busy} aria-busy={saving ? true : undefined} className={saveButtonClass}>
                {saving ? t("quay.sheet.saving") : t("quay.sheet.save")}
              </PrimaryButton>
            </div>
          </Form>
        ) : null}
        {offers.length > 0 && !verified ? (
          <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white">
            {offers.map((offer) => (
              <li key={offer.id} className="p-3">
                <OfferHeading offer={offer} />
                <p className="text-slate-700">{euros(offer.priceCents, locale)} / {unitLabel(offer.unit, locale)} · {t("offers.sheet.stock")} : {stockText(offer.stock, offer.unit, locale)}</p>
                <OrderedLeft offer={offer} />
                {offer.kind === "BASKET" ? <CompositionReadOnly offer={offer} /> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {verified && distribution.canAddOffers ? (
        <section aria-labelledby="add-heading" className="mt-6 rounded-xl border border-slate-300 bg-white p-4">
          <h2 id="add-heading" className="text-xl font-bold text-sea-900">{t("offers.sheet.add")}</h2>
          {products.length === 0 ? (
            <p className="mt-2">{t("offers.sheet.noProduct")}</p>
          ) : (
            <AddOfferForm products={products} errors={failure?.intent === "add" ? failure.fieldErrors : {}} busy={busy} />
          )}
        </section>
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

function OfferHeading({ offer }: { offer: ProducerOffer }) {
  const t = useT();
  return (
    <h3 className="text-lg font-bold leading-tight">
      {offer.name} {offer.kind === "BASKET" ? <span className="rounded bg-earth-50 px-2 text-sm font-semibold text-earth-700">{t("offers.sheet.basket")}</span> : null}
    </h3>
  );
}

function OrderedLeft({ offer }: { offer: ProducerOffer }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="text-sm text-slate-700">
      {t("quay.sheet.orderedLeft", { ordered: stockText(offer.ordered, offer.unit, locale), remaining: stockText(offer.remaining, offer.unit, locale) })}
    </p>
  );
}

/** One offer as one compact row: name, on sale, stock with its unit, price; the rest folded. */
function OfferRow({ offer, canChangeComposition, errors, typed }: { offer: ProducerOffer; canChangeComposition: boolean; errors: Record<string, string>; typed: Typed }) {
  const t = useT();
  const locale = useLocale();
  const names = { stock: sheetField("stock", offer.id), price: sheetField("price", offer.id), max: sheetField("max", offer.id), onSale: sheetField("onSale", offer.id) };
  const ids = { stock: `stock-${offer.id}`, price: `price-${offer.id}`, max: `max-${offer.id}`, onSale: `onSale-${offer.id}` };
  const invalid = (name: string) => (errors[name] ? true : undefined);
  const described = (id: string, name: string, hint?: string) => [hint, errors[name] ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <li className="p-3">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <OfferHeading offer={offer} />
          <OrderedLeft offer={offer} />
        </div>
        <label htmlFor={ids.onSale} className="flex min-h-11 shrink-0 items-center gap-2 font-semibold">
          <input id={ids.onSale} name={names.onSale} type="checkbox" defaultChecked={typed.checked(names.onSale, true, names.stock)} className="h-6 w-6 accent-sea-700"
            aria-invalid={invalid(names.onSale)} aria-describedby={described(ids.onSale, names.onSale)} />
          {t("quay.sheet.onSale")}<span className="sr-only"> — {offer.name}</span>
        </label>
      </div>
      <FieldError id={`${ids.onSale}-error`} message={errors[names.onSale]} />
      <div className="mt-2 grid grid-cols-2 gap-3">
        <div>
          <label htmlFor={ids.stock} className="block text-sm font-semibold">
            {t("quay.sheet.stockIn", { unit: stockUnit(offer.unit, 2, locale) })}<span className="sr-only"> — {offer.name}</span>
          </label>
          <input id={ids.stock} name={names.stock} type="text" inputMode="numeric" pattern="[0-9]*" autoComplete="off" defaultValue={typed.value(names.stock, String(offer.stock))}
            aria-invalid={invalid(names.stock)} aria-describedby={described(ids.stock, names.stock)} className={`mt-1 ${inputClass}`} />
          <FieldError id={`${ids.stock}-error`} message={errors[names.stock]} />
        </div>
        <div>
          <label htmlFor={ids.price} className="block text-sm font-semibold">
            {t("quay.sheet.priceIn", { unit: unitLabel(offer.unit, locale) })}<span className="sr-only"> — {offer.name}</span>
          </label>
          <input id={ids.price} name={names.price} type="text" inputMode="decimal" autoComplete="off" defaultValue={typed.value(names.price, centsToInput(offer.priceCents, locale))}
            aria-invalid={invalid(names.price)} aria-describedby={described(ids.price, names.price)} className={`mt-1 ${inputClass}`} />
          <FieldError id={`${ids.price}-error`} message={errors[names.price]} />
        </div>
      </div>
      <details className="mt-2" open={errors[names.max] ? true : undefined}>
        <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-sea-800">
          {t("quay.sheet.more")}{offer.maxPerCustomer !== null ? ` : ${offer.maxPerCustomer}` : ""}<span className="sr-only"> — {offer.name}</span>
        </summary>
        <label htmlFor={ids.max} className="block text-sm font-semibold">{t("ordering.field.maxPerCustomer.label")}<span className="sr-only"> — {offer.name}</span></label>
        <input id={ids.max} name={names.max} type="text" inputMode="numeric" pattern="[0-9]*" autoComplete="off" defaultValue={typed.value(names.max, offer.maxPerCustomer === null ? "" : String(offer.maxPerCustomer))}
          aria-invalid={invalid(names.max)} aria-describedby={described(ids.max, names.max, `${ids.max}-hint`)} className={`mt-1 ${inputClass}`} />
        <p id={`${ids.max}-hint`} className="mt-1 text-sm text-slate-700">{t("ordering.field.maxPerCustomer.hint", { max: DEFAULT_MAX_PER_CUSTOMER })}</p>
        <FieldError id={`${ids.max}-error`} message={errors[names.max]} />
      </details>
      {offer.kind === "BASKET" ? (
        canChangeComposition ? <CompositionFields offer={offer} errors={errors} typed={typed} /> : <CompositionReadOnly offer={offer} />
      ) : null}
    </li>
  );
}

function CompositionReadOnly({ offer }: { offer: ProducerOffer }) {
  const t = useT();
  const locale = useLocale();
  const { totalCents } = compositionTotal(offer.basketItems, offer.priceCents);
  return (
    <details className="mt-2">
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-sea-800">
        {t("quay.sheet.compositionSummary", { count: offer.basketItems.length })}<span className="sr-only"> — {offer.name}</span>
      </summary>
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
          <p className="mt-1 font-semibold">{t("offers.sheet.compositionTotal", { total: euros(totalCents, locale), price: euros(offer.priceCents, locale) })}</p>
        </>
      )}
    </details>
  );
}

/** A basket's announced items, folded until opened; saved with the rest of the sheet. */
function CompositionFields({ offer, errors, typed }: { offer: ProducerOffer; errors: Record<string, string>; typed: Typed }) {
  const t = useT();
  const locale = useLocale();
  const { totalCents } = compositionTotal(offer.basketItems, offer.priceCents);
  const marker = sheetField("composition", offer.id);
  const hasError = Object.keys(errors).some((name) => name === marker || name.includes(`.${offer.id}.`));
  const rows = Math.min(MAX_BASKET_ITEMS, offer.basketItems.length + 3);
  return (
    <details className="mt-2" open={hasError ? true : undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-sea-800">
        {t("quay.sheet.compositionSummary", { count: offer.basketItems.length })}<span className="sr-only"> — {offer.name}</span>
      </summary>
      <input type="hidden" name={marker} value="1" />
      <p className="text-sm text-slate-700">{t("offers.sheet.compositionHint")}</p>
      <FieldError id={`${marker}-error`} message={errors[marker]} />
      {Array.from({ length: rows }, (_, index) => {
        const item = offer.basketItems[index];
        const input = (field: Parameters<typeof itemField>[0], label: string, fallback: string, inputMode?: "decimal") => {
          const name = itemField(field, offer.id, index);
          return <CompositionInput name={name} id={`${field}-${index}-${offer.id}`} label={label} defaultValue={typed.value(name, fallback)} error={errors[name]} inputMode={inputMode} />;
        };
        return (
          <fieldset key={index} className="mt-3 rounded-lg border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold">{t("offers.sheet.item", { n: index + 1 })}<span className="sr-only"> — {offer.name}</span></legend>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
              {input("item-label", t("offers.sheet.itemLabel"), item?.label ?? "")}
              {input("item-quantity", t("offers.sheet.itemQuantity"), item?.quantityLabel ?? "")}
              {input("item-price", t("offers.sheet.itemPrice"), item ? centsToInput(item.indicativePriceCents, locale) : "", "decimal")}
              {input("item-labelEn", t("offers.sheet.itemLabelEn"), item?.labelEn ?? "")}
            </div>
          </fieldset>
        );
      })}
      <p className="mt-2 font-semibold">{t("offers.sheet.compositionTotal", { total: euros(totalCents, locale), price: euros(offer.priceCents, locale) })}</p>
    </details>
  );
}

function CompositionInput({ name, id, label, defaultValue, error, inputMode }: { name: string; id: string; label: string; defaultValue: string; error?: string; inputMode?: "decimal" }) {
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
            aria-invalid={errors.stock ? true : undefined} aria-describedby={errors.stock ? "add-stock-error" : undefined} className={`mt-1 ${inputClass}`} />
          <FieldError id="add-stock-error" message={errors.stock} />
        </div>
        <div>
          <label htmlFor="add-price" className="block font-semibold">{t("offers.sheet.price")}</label>
          <input id="add-price" name="priceCents" type="text" inputMode="decimal" autoComplete="off" aria-describedby={errors.priceCents ? "add-price-hint add-price-error" : "add-price-hint"}
            aria-invalid={errors.priceCents ? true : undefined} className={`mt-1 ${inputClass}`} />
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
