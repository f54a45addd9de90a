import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { lotFormContext } from "~/domain/donations/lot-form-context.server";
import { formFieldOf, instantToParisLocal, LOT_FORM_FIELDS, parseLotForm } from "~/domain/donations/lot-form";
import { publishLot } from "~/domain/donations/publish-lot.server";
import { defaultUnsoldWindow } from "~/domain/donations/unsold-stock";
import { isDomainError } from "~/domain/errors";
import { now } from "~/http/clock.server";
import { domainErrorMessage, domainErrorStatus } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { appUrl } from "~/http/request-context.server";
import { translate, type Locale } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { Field, FormAlert, PrimaryButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Publier un lot — Terre & Mer" }];

type Values = Partial<Record<(typeof LOT_FORM_FIELDS)[number], string>>;
type PublishFailure = { ok: false; message: string; fieldErrors: Record<string, string>; values: Values };

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request, { verified: true });
  const context = await lotFormContext(producer.id);
  const window = defaultUnsoldWindow(now());
  return {
    categories: context.categories,
    defaults: {
      unit: "kg",
      pickupPlace: context.farmAddress,
      pickupStart: instantToParisLocal(window.start),
      pickupEnd: instantToParisLocal(window.end),
    } satisfies Values,
  };
}

function keepValues(raw: Record<string, string>): Values {
  return Object.fromEntries(LOT_FORM_FIELDS.map((field) => [field, (raw[field] ?? "").slice(0, 2000)]));
}

function refused(status: number, message: string, fieldErrors: Record<string, string>, raw: Record<string, string>) {
  return data<PublishFailure>({ ok: false, message, fieldErrors, values: keepValues(raw) }, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request, { verified: true });
  const locale: Locale = localeOf(request, user.locale);
  const raw = await readForm(request);
  const parsed = parseLotForm(raw);
  if (!parsed.ok) {
    const fieldErrors = Object.fromEntries(parsed.issues.map((issue) => [issue.field, translate(locale, issue.messageKey)]));
    return refused(400, translate(locale, "error.invalid"), fieldErrors, raw);
  }
  try {
    const lot = await publishLot({ input: parsed.input, donor: producer, createdById: user.id, now: now(), appUrl: appUrl() });
    return redirect(`/producteur/dons/${lot.id}?publie=1`);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const message = domainErrorMessage(error, locale);
    const field = error.details.field ? formFieldOf(error.details.field) : null;
    return refused(domainErrorStatus(error.code), message, field ? { [field]: message } : {}, raw);
  }
}

const selectClass = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700";

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">{error}</p> : null;
}

export default function PublishLot() {
  const { categories, defaults } = useLoaderData<typeof loader>();
  const failure = useActionData<PublishFailure>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const locale = useLocale();
  const values: Values = failure?.values ?? defaults;
  const errors = failure?.fieldErrors ?? {};
  const [storage, setStorage] = useState(values.storage ?? "");
  // Without script the frozen statement is always there; with it, only for a frozen lot.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const showFrozen = !scripted || storage === "frozen";
  const described = (id: string, hint: boolean) => [hint ? `${id}-hint` : null, errors[id.replace("field-", "")] ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="mx-auto max-w-2xl">
      <p><Link to="/producteur/dons" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("donor.back")}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{t("donor.publish.title")}</h1>
      <p className="mt-2">{t("donor.publish.intro")}</p>
      <div className="mt-3">{failure ? <FormAlert message={failure.message} /> : null}</div>
      <Form method="post" noValidate className="mt-4">
        <fieldset className="mb-6">
          <legend className="text-lg font-bold text-sea-900">{t("donor.publish.product")}</legend>
          <Field name="productName" label={t("donor.field.productName.label")} defaultValue={values.productName} error={errors.productName} maxLength={120} required />
          <div className="mb-4">
            <label htmlFor="field-description" className="block font-semibold text-slate-900">{t("donor.field.description.label")}</label>
            <textarea
              id="field-description"
              name="description"
              rows={3}
              defaultValue={values.description}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={described("field-description", false)}
              className="mt-1 block w-full rounded-lg border border-slate-400 px-3 py-3 text-base aria-[invalid]:border-red-700"
            />
            <FieldError id="field-description" error={errors.description} />
          </div>
          <div className="mb-4">
            <label htmlFor="field-categoryId" className="block font-semibold text-slate-900">{t("donor.field.category.label")}</label>
            <p id="field-categoryId-hint" className="text-sm text-slate-700">{t("donor.field.category.hint")}</p>
            <select id="field-categoryId" name="categoryId" defaultValue={values.categoryId ?? ""} aria-invalid={errors.categoryId ? true : undefined} aria-describedby={described("field-categoryId", true)} className={selectClass}>
              <option value="">{t("donor.field.category.none")}</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>{locale === "fr" ? category.nameFr : category.nameEn}</option>
              ))}
            </select>
            <FieldError id="field-categoryId" error={errors.categoryId} />
          </div>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field name="quantity" label={t("donor.field.quantity.label")} hint={t("donor.field.quantity.hint")} inputMode="decimal" autoComplete="off" defaultValue={values.quantity} error={errors.quantity} required />
            <div className="mb-4">
              <label htmlFor="field-unit" className="block font-semibold text-slate-900">{t("donor.field.unit.label")}</label>
              <select id="field-unit" name="unit" defaultValue={values.unit ?? "kg"} aria-invalid={errors.unit ? true : undefined} aria-describedby={described("field-unit", false)} className={selectClass}>
                <option value="kg">{t("donor.unit.option.kg")}</option>
                <option value="piece">{t("donor.unit.option.piece")}</option>
                <option value="litre">{t("donor.unit.option.litre")}</option>
              </select>
              <FieldError id="field-unit" error={errors.unit} />
            </div>
          </div>
          <Field name="lotNumber" label={t("donor.field.lotNumber.label")} hint={t("donor.field.lotNumber.hint")} defaultValue={values.lotNumber} error={errors.lotNumber} maxLength={60} />
          <div className="mb-4">
            <label className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name="rawFishery" defaultChecked={values.rawFishery === "on"} className="h-6 w-6" aria-describedby="field-rawFishery-hint" />
              <span className="font-semibold">{t("donor.field.rawFishery.label")}</span>
            </label>
            <p id="field-rawFishery-hint" className="text-sm text-slate-700">{t("donor.field.rawFishery.hint")}</p>
            <FieldError id="field-rawFishery" error={errors.rawFishery} />
          </div>
        </fieldset>

        <fieldset className="mb-6">
          <legend className="text-lg font-bold text-sea-900">{t("donor.publish.conservation")}</legend>
          <div className="mb-4">
            <label htmlFor="field-storage" className="block font-semibold text-slate-900">{t("donor.field.storage.label")}</label>
            <select
              id="field-storage"
              name="storage"
              value={storage}
              onChange={(event) => setStorage(event.target.value)}
              aria-invalid={errors.storage ? true : undefined}
              aria-describedby={described("field-storage", false)}
              className={selectClass}
            >
              <option value="">{t("donor.field.storage.choose")}</option>
              <option value="ambient">{t("donor.storage.ambient")}</option>
              <option value="chilled">{t("donor.storage.chilled")}</option>
              <option value="frozen">{t("donor.storage.frozen")}</option>
            </select>
            <FieldError id="field-storage" error={errors.storage} />
          </div>
          {showFrozen ? (
            <div className="mb-4">
              <label className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  name="frozenAtMinus18"
                  defaultChecked={values.frozenAtMinus18 === "on"}
                  className="h-6 w-6"
                  aria-invalid={errors.frozenAtMinus18 ? true : undefined}
                  aria-describedby={errors.frozenAtMinus18 ? "field-frozenAtMinus18-error" : undefined}
                />
                <span className="font-semibold">{t("donor.field.frozen.label")}</span>
              </label>
              <FieldError id="field-frozenAtMinus18" error={errors.frozenAtMinus18} />
            </div>
          ) : null}
          <p className="mb-2 text-sm text-slate-700">{t("donor.field.dates.hint")}</p>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field name="useBy" type="date" label={t("donor.field.useBy.label")} hint={t("donor.field.useBy.hint")} defaultValue={values.useBy} error={errors.useBy} />
            <Field name="bestBefore" type="date" label={t("donor.field.bestBefore.label")} hint={t("donor.field.bestBefore.hint")} defaultValue={values.bestBefore} error={errors.bestBefore} />
          </div>
        </fieldset>

        <fieldset className="mb-6">
          <legend className="text-lg font-bold text-sea-900">{t("donor.publish.pickup")}</legend>
          <Field name="pickupPlace" label={t("donor.field.pickupPlace.label")} hint={t("donor.field.pickupPlace.hint")} defaultValue={values.pickupPlace} error={errors.pickupPlace} maxLength={200} />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field name="pickupStart" type="datetime-local" label={t("donor.field.pickupStart.label")} hint={t("donor.field.pickupTime.hint")} defaultValue={values.pickupStart} error={errors.pickupStart} required />
            <Field name="pickupEnd" type="datetime-local" label={t("donor.field.pickupEnd.label")} defaultValue={values.pickupEnd} error={errors.pickupEnd} required />
          </div>
        </fieldset>

        <fieldset className="mb-6">
          <legend className="text-lg font-bold text-sea-900">{t("donor.publish.valuation")}</legend>
          <Field name="costPrice" label={t("donor.field.costPrice.label")} hint={t("donor.field.costPrice.hint")} inputMode="decimal" autoComplete="off" defaultValue={values.costPrice} error={errors.costPrice} required />
        </fieldset>
        <p className="mb-4 text-sm text-slate-700">{t("donor.publish.photoLater")}</p>
        <PrimaryButton disabled={busy}>{t("donor.publish.submit")}</PrimaryButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
