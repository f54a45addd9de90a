import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { donateUnsoldStock, UnsoldRowsRefused } from "~/domain/donations/donate-unsold-stock.server";
import { unitCodes } from "~/domain/donations/donation-quantity";
import { countedQuantityText, quantityInput, unitWord } from "~/domain/donations/donation-format";
import { listUnsoldOffers } from "~/domain/donations/list-unsold-offers.server";
import { instantToParisLocal, parseUnsoldForm } from "~/domain/donations/lot-form";
import { defaultUnsoldPickupPlace, defaultUnsoldWindow, UNSOLD_DAYS } from "~/domain/donations/unsold-stock";
import { formatParis } from "~/domain/time/paris";
import { isDomainError, type DomainError } from "~/domain/errors";
import { centsToInput } from "~/domain/sales/offer-rules";
import { now } from "~/http/clock.server";
import { domainErrorMessage, domainErrorStatus } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { appUrl } from "~/http/request-context.server";
import { translate, type Locale } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { asDate, longDate } from "~/ui/format";
import { Field, FormAlert } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Donner les invendus — Terre & Mer" }];

type UnsoldFailure = { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> };


export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request, { verified: true });
  const at = now();
  const { offers, farmAddress } = await listUnsoldOffers({ producerId: producer.id, now: at });
  const window = defaultUnsoldWindow(at);
  return {
    offers,
    defaults: {
      // The latest distributions come first.
      pickupPlace: defaultUnsoldPickupPlace(offers[0]?.distribution, farmAddress),
      pickupStart: instantToParisLocal(window.start),
      pickupEnd: instantToParisLocal(window.end),
    },
  };
}

/** What was typed comes back as typed (bounded: a page never echoes a megabyte). */
function keepValues(raw: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).slice(0, 2000).map(([key, value]) => [key.slice(0, 100), value.slice(0, 300)]));
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request, { verified: true });
  const locale = localeOf(request, user.locale);
  const raw = await readForm(request);
  const refused = (status: number, message: string, field?: string) =>
    data<UnsoldFailure>({ ok: false, message, fieldErrors: field ? { [field]: message } : {}, values: keepValues(raw) }, { status });

  const parsed = parseUnsoldForm(raw);
  if (!parsed.ok) return refused(400, translate(locale, parsed.issue.messageKey), parsed.issue.field);
  try {
    const result = await donateUnsoldStock({ form: parsed.form, donor: producer, createdById: user.id, now: now(), appUrl: appUrl() });
    const already = result.alreadyDonated.length > 0 ? `&deja=${result.alreadyDonated.length}` : "";
    return redirect(`/producteur/dons?donnes=${result.published.length}${already}`);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const rows = error instanceof UnsoldRowsRefused ? error.rows : [error];
    const fieldErrors: Record<string, string> = {};
    for (const row of rows) {
      const field = row.details.field;
      if (field) fieldErrors[field] ??= rowMessage(row, locale);
    }
    // One refused row speaks for itself; several are counted, each named beside its field.
    const message = rows.length === 1 ? rowMessage(error, locale) : translate(locale, "quay.unsold.refusedRows", { count: rows.length });
    return data<UnsoldFailure>({ ok: false, message, fieldErrors, values: keepValues(raw) }, { status: domainErrorStatus(error.code) });
  }
}

/** A row's refusal names its product; the common window and place speak for every row. */
function rowMessage(error: DomainError, locale: Locale): string {
  const reason = domainErrorMessage(error, locale);
  const field = error.details.field;
  const product = error.details.messageParams?.product;
  return field?.includes(".") && typeof product === "string" ? translate(locale, "donor.unsold.rowError", { product, reason }) : reason;
}

const selectClass = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700";
const textInput = "mt-1 block w-full min-h-11 rounded-lg border border-slate-400 px-3 py-2 text-base aria-[invalid]:border-red-700";
const giveButtonClass = "inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-sea-700 px-5 py-2 text-lg font-semibold text-white hover:bg-sea-800 disabled:opacity-60 sm:w-auto";
/** The fields folded under a row's « details »: a refusal on one of them opens it. */
const DETAIL_FIELDS = ["useBy", "bestBefore", "storage", "lotNumber", "rawFishery", "frozenAtMinus18"];

export default function DonateUnsold() {
  const { offers, defaults } = useLoaderData<typeof loader>();
  const failure = useActionData<UnsoldFailure>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const giving = navigation.state === "submitting";
  const t = useT();
  const locale = useLocale();
  const errors = failure?.fieldErrors ?? {};
  const typed = failure?.values;
  // What the refused submit carried comes back; a row it did not carry shows as the page proposes it.
  const value = (name: string, fallback: string) => (typed && name in typed ? (typed[name] ?? "") : fallback);
  const checked = (name: string, fallback: boolean, rowField: string) => (typed && rowField in typed ? typed[name] === "on" : fallback);
  const [selected, setSelected] = useState(() => Object.entries(typed ?? {}).filter(([name, ticked]) => name.startsWith("give.") && ticked === "on").length);
  const commonError = ["pickupPlace", "pickupStart", "pickupEnd"].some((field) => errors[field]);

  return (
    <div className="mx-auto max-w-3xl">
      <p><Link to="/producteur/dons" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("donor.back")}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{t("donor.unsold.title")}</h1>
      <p className="mt-2">{t("donor.unsold.intro", { days: UNSOLD_DAYS })}</p>
      <div className="mt-3">{failure ? <FormAlert message={failure.message} /> : null}</div>

      {offers.length === 0 ? (
        <p className="mt-6">{t("donor.unsold.empty", { days: UNSOLD_DAYS })}</p>
      ) : (
        <Form
          method="post"
          noValidate
          className="mt-4"
          onChange={(event) => setSelected(event.currentTarget.querySelectorAll('input[name^="give."]:checked').length)}
        >
          <p className="text-sm text-slate-700">{t("quay.unsold.prefilled")}</p>
          {errors.give ? <p className="mt-2 font-semibold text-red-800">{errors.give}</p> : null}
          <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white">
            {offers.map((offer) => {
              const id = offer.offerId;
              const row = `${offer.productName} (${formatParis(asDate(offer.distribution.startsAt), locale, "EEEE d MMMM")})`;
              const unit = unitCodes[offer.unit];
              const name = (field: string) => `${field}.${id}`;
              const label = (key: Parameters<typeof t>[0]) => (
                <>
                  {t(key)}
                  <span className="sr-only"> — {row}</span>
                </>
              );
              const errorOf = (field: string) => errors[name(field)];
              const inputProps = (field: string, hint?: string) => ({
                id: `${field}-${id}`,
                name: name(field),
                "aria-invalid": errorOf(field) ? true : undefined,
                "aria-describedby": [hint, errorOf(field) ? `${field}-${id}-error` : null].filter(Boolean).join(" ") || undefined,
              });
              const errorText = (field: string) => (errorOf(field) ? <p id={`${field}-${id}-error`} className="mt-1 text-sm font-semibold text-red-800">{errorOf(field)}</p> : null);
              const detailsOpen = DETAIL_FIELDS.some((field) => errorOf(field));
              return (
                <li key={id} className="p-3">
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h2 className="text-lg font-bold leading-tight text-sea-900">{offer.productName}</h2>
                      <p className="text-sm text-slate-700">
                        {t("donor.unsold.rowFacts", {
                          date: longDate(offer.distribution.startsAt, locale),
                          place: offer.distribution.pickupPointName,
                          unsold: countedQuantityText(offer.unsoldMilli, unit, locale),
                        })}
                      </p>
                    </div>
                    <label htmlFor={`give-${id}`} className="flex min-h-11 shrink-0 items-center gap-2 font-semibold">
                      <input type="checkbox" {...inputProps("give")} defaultChecked={checked(name("give"), false, name("quantity"))} className="h-7 w-7 accent-sea-700" />
                      {label("donor.unsold.give")}
                    </label>
                  </div>
                  <div className="mt-2 grid grid-cols-2 items-end gap-3">
                    <div>
                      <label htmlFor={`quantity-${id}`} className="block text-sm font-semibold text-slate-900">{label("donor.unsold.quantity")}</label>
                      <div className="flex items-center gap-2">
                        <input {...inputProps("quantity", `quantity-${id}-unit`)} inputMode="decimal" autoComplete="off" defaultValue={value(name("quantity"), quantityInput(offer.unsoldMilli, locale))} className={textInput} />
                        <span id={`quantity-${id}-unit`} className="mt-1 shrink-0 font-semibold">{unitWord(unit, 2000, locale)}</span>
                      </div>
                    </div>
                    <div>
                      <label htmlFor={`costPrice-${id}`} className="block text-sm font-semibold text-slate-900">{label("donor.unsold.costPrice")}</label>
                      <input {...inputProps("costPrice", `costPrice-${id}-hint`)} inputMode="decimal" autoComplete="off"
                        defaultValue={value(name("costPrice"), offer.costPriceCents === null ? "" : centsToInput(offer.costPriceCents, locale))} className={textInput} />
                    </div>
                  </div>
                  <p id={`costPrice-${id}-hint`} className="mt-1 text-sm text-slate-700">{t("donor.unsold.costPrice.hint", { unit: unitWord(unit, 1000, locale) })}</p>
                  {errorText("give")}
                  {errorText("quantity")}
                  {errorText("costPrice")}
                  <details className="mt-1" open={detailsOpen ? true : undefined}>
                    <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-sea-800">
                      {t("quay.unsold.details")}<span className="sr-only"> — {row}</span>
                    </summary>
                    <div className="grid gap-x-4 sm:grid-cols-2">
                      <div className="mb-3">
                        <label htmlFor={`useBy-${id}`} className="block font-semibold text-slate-900">{label("donor.field.useBy.label")}</label>
                        {offer.useBy ? <p id={`useBy-${id}-hint`} className="text-sm text-slate-700">{t("quay.unsold.useByDefault", { date: longDate(`${offer.useBy}T12:00:00Z`, locale) })}</p> : null}
                        <input {...inputProps("useBy", offer.useBy ? `useBy-${id}-hint` : undefined)} type="date" defaultValue={value(name("useBy"), offer.useBy ?? "")} className={textInput} />
                        {errorText("useBy")}
                      </div>
                      <div className="mb-3">
                        <label htmlFor={`bestBefore-${id}`} className="block font-semibold text-slate-900">{label("donor.field.bestBefore.label")}</label>
                        <input {...inputProps("bestBefore")} type="date" defaultValue={value(name("bestBefore"), "")} className={textInput} />
                        {errorText("bestBefore")}
                      </div>
                      <div className="mb-3">
                        <label htmlFor={`storage-${id}`} className="block font-semibold text-slate-900">{label("donor.field.storage.label")}</label>
                        <select {...inputProps("storage")} defaultValue={value(name("storage"), offer.storage)} className={selectClass}>
                          <option value="ambient">{t("donor.storage.ambient")}</option>
                          <option value="chilled">{t("donor.storage.chilled")}</option>
                          <option value="frozen">{t("donor.storage.frozen")}</option>
                        </select>
                        {errorText("storage")}
                      </div>
                      <div className="mb-3">
                        <label htmlFor={`lotNumber-${id}`} className="block font-semibold text-slate-900">{label("donor.field.lotNumber.label")}</label>
                        <input {...inputProps("lotNumber")} maxLength={60} defaultValue={value(name("lotNumber"), "")} className={textInput} />
                        {errorText("lotNumber")}
                      </div>
                    </div>
                    <label htmlFor={`rawFishery-${id}`} className="flex min-h-11 items-center gap-3">
                      <input type="checkbox" {...inputProps("rawFishery")} defaultChecked={checked(name("rawFishery"), offer.rawFishery, name("quantity"))} className="h-6 w-6" />
                      <span>{label("donor.field.rawFishery.label")}</span>
                    </label>
                    {errorText("rawFishery")}
                    <label htmlFor={`frozenAtMinus18-${id}`} className="flex min-h-11 items-center gap-3">
                      <input type="checkbox" {...inputProps("frozenAtMinus18")} defaultChecked={checked(name("frozenAtMinus18"), false, name("quantity"))} className="h-6 w-6" />
                      <span>{label("donor.unsold.frozen")}</span>
                    </label>
                    {errorText("frozenAtMinus18")}
                  </details>
                </li>
              );
            })}
          </ul>

          <details className="mt-4 rounded-xl border border-slate-300 bg-white p-3" open={commonError ? true : undefined}>
            <summary className="flex min-h-11 cursor-pointer flex-col justify-center font-semibold text-sea-900">
              {t("donor.unsold.common")}
              <span className="text-sm font-normal text-slate-700">{value("pickupPlace", defaults.pickupPlace)}</span>
            </summary>
            <Field name="pickupPlace" label={t("donor.field.pickupPlace.label")} hint={t("donor.unsold.place.hint")} defaultValue={value("pickupPlace", defaults.pickupPlace)} error={errors.pickupPlace} maxLength={200} />
            <div className="grid gap-x-4 sm:grid-cols-2">
              <Field name="pickupStart" type="datetime-local" label={t("donor.field.pickupStart.label")} hint={t("donor.unsold.window.hint")} defaultValue={value("pickupStart", defaults.pickupStart)} error={errors.pickupStart} required />
              <Field name="pickupEnd" type="datetime-local" label={t("donor.field.pickupEnd.label")} defaultValue={value("pickupEnd", defaults.pickupEnd)} error={errors.pickupEnd} required />
            </div>
            <p className="text-sm text-slate-700">{t("donor.field.dates.hint")} {t("donor.field.useBy.hint")}</p>
            <p className="mt-1 text-sm text-slate-700">{t("donor.field.costPrice.hint")}</p>
          </details>

          <div className="sticky bottom-0 z-10 -mx-4 mt-3 border-t border-slate-300 bg-white/95 px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
            <button type="submit" disabled={busy} aria-busy={giving ? true : undefined} className={giveButtonClass}>
              {giving ? t("quay.unsold.giving") : t("quay.unsold.submit", { count: selected })}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
