import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { kilosLeftToProcess } from "~/domain/donations/claim-rules";
import { quantityText, unitName } from "~/domain/donations/donation-format";
import { publishProcessedLot } from "~/domain/donations/publish-processed-lot.server";
import { readRawClaim } from "~/domain/donations/read-workshop.server";
import { processedLotFormSchema, processedLotInput } from "~/domain/donations/workshop-forms";
import { isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { requireWorkshop } from "~/http/charity.server";
import { now } from "~/http/clock.server";
import { domainErrorMessage, domainErrorStatus, fieldErrors, translateIssues } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { Field, FormAlert, PrimaryButton, TextAreaField } from "~/ui/form";
import { dateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Publier un lot transformé — Terre & Mer" }];

/** Paniers de la mer: only a verified charity the territory approved as a processing workshop. */
/** The workshop's own collected raw claim the lot is made from (`?source=`), else 404. */
async function sourceOf(workshopId: string, value: string | null | undefined) {
  const id = idField.safeParse(value);
  const source = id.success ? await readRawClaim(workshopId, id.data) : null;
  if (!source) throw new Response("Not found", { status: 404 });
  return source;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { charity } = await requireWorkshop(request);
  return { source: await sourceOf(charity.id, new URL(request.url).searchParams.get("source")) };
}

type Failure = { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const { user, charity } = await requireWorkshop(request);
  const locale = localeOf(request, user.locale);
  const form = await readForm(request);
  const parsed = processedLotFormSchema.safeParse(form);
  if (!parsed.success) {
    return data<Failure>({ ok: false, message: translate(locale, "error.invalid"), fieldErrors: fieldErrors(translateIssues(parsed.error, locale)), values: form }, { status: 400 });
  }
  try {
    const lot = await publishProcessedLot({
      input: processedLotInput(parsed.data),
      sourceClaimId: parsed.data.sourceClaimId,
      contributionCentsPerUnit: parsed.data.contribution,
      workshop: { id: charity.id, name: charity.name },
      createdById: user.id,
      now: now(),
      appUrl: appUrl(),
    });
    return redirect(`/association/atelier?publie=${lot.id}`);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "not_found") throw new Response("Not found", { status: 404 });
    const message = domainErrorMessage(error, locale);
    return data<Failure>({ ok: false, message, fieldErrors: error.details.field ? { [error.details.field]: message } : {}, values: form }, { status: domainErrorStatus(error.code) });
  }
}

export default function NewProcessedLot() {
  const { source } = useLoaderData<typeof loader>();
  const failure = useActionData<Failure>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const locale = useLocale();
  const values = failure?.values ?? { unit: "kg", storage: "frozen" };
  const errors = failure?.fieldErrors ?? {};
  const left = kilosLeftToProcess(source);
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link to="/association/atelier" className="inline-flex min-h-11 items-center text-sea-700 underline">← {t("sea.publish.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-sea-900">{t("sea.publish.title")}</h1>
      <p className="mt-2">
        {t("sea.publish.source", { product: source.productName, quantity: quantityText(source.quantityMilli, source.unit, locale), fisher: source.fisherName, date: dateTime(source.collectedAt, locale) })}
      </p>
      {left !== null ? <p className="mt-1 font-semibold">{t("sea.publish.sourceLeft", { quantity: quantityText(left, "KG", locale) })}</p> : null}
      <div className="mt-3">{failure ? <FormAlert message={failure.message} /> : null}</div>
      {errors.sourceClaimId ? <FormAlert message={errors.sourceClaimId} /> : null}

      <Form method="post" className="mt-4">
        <input type="hidden" name="sourceClaimId" value={source.claimId} />
        <Field name="productName" label={t("sea.publish.productName")} hint={t("sea.publish.productNameHint")} defaultValue={values.productName ?? ""} error={errors.productName} maxLength={120} required />
        <TextAreaField name="description" label={t("sea.publish.description")} rows={3} maxLength={2000} defaultValue={values.description ?? ""} error={errors.description} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="quantity" label={t("sea.publish.quantity")} hint={t("sea.publish.quantityHint")} inputMode="decimal" defaultValue={values.quantity ?? ""} error={errors.quantity} required />
          <Choice name="unit" label={t("sea.publish.unit")} value={values.unit} error={errors.unit} options={[["kg", unitName("KG", locale)], ["piece", unitName("PIECE", locale)], ["litre", unitName("LITRE", locale)]]} />
        </div>
        <Choice
          name="storage"
          label={t("sea.publish.storage")}
          value={values.storage}
          error={errors.storage}
          options={[["frozen", t("sea.storage.FROZEN")], ["chilled", t("sea.storage.CHILLED")], ["ambient", t("sea.storage.AMBIENT")]]}
        />
        <div className="mb-4">
          <label className="flex min-h-11 items-center gap-3 font-semibold">
            <input type="checkbox" name="frozenAtMinus18" defaultChecked={values.frozenAtMinus18 === "on"} className="h-6 w-6" aria-invalid={errors.frozenAtMinus18 ? true : undefined} aria-describedby={errors.frozenAtMinus18 ? "field-frozenAtMinus18-error" : undefined} />
            {t("sea.publish.frozenAtMinus18")}
          </label>
          {errors.frozenAtMinus18 ? <p id="field-frozenAtMinus18-error" className="mt-1 text-sm font-semibold text-red-800">{errors.frozenAtMinus18}</p> : null}
        </div>
        <p className="mb-2 text-sm text-slate-700">{t("sea.publish.datesHint")}</p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="useBy" type="date" label={t("sea.publish.useBy")} defaultValue={values.useBy ?? ""} error={errors.useBy} />
          <Field name="bestBefore" type="date" label={t("sea.publish.bestBefore")} defaultValue={values.bestBefore ?? ""} error={errors.bestBefore} />
        </div>
        <Field name="lotNumber" label={t("sea.publish.lotNumber")} defaultValue={values.lotNumber ?? ""} error={errors.lotNumber} maxLength={60} />
        <Field name="pickupPlace" label={t("sea.publish.pickupPlace")} hint={t("sea.publish.pickupPlaceHint")} defaultValue={values.pickupPlace ?? ""} error={errors.pickupPlace} maxLength={200} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="pickupStart" type="datetime-local" label={t("sea.publish.pickupStart")} defaultValue={values.pickupStart ?? ""} error={errors.pickupStart} required />
          <Field name="pickupEnd" type="datetime-local" label={t("sea.publish.pickupEnd")} defaultValue={values.pickupEnd ?? ""} error={errors.pickupEnd} required />
        </div>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field name="contribution" label={t("sea.publish.contribution")} hint={t("sea.publish.contributionHint")} inputMode="decimal" defaultValue={values.contribution ?? ""} error={errors.contribution} required />
          <Field name="costPrice" label={t("sea.publish.costPrice")} hint={t("sea.publish.costPriceHint")} inputMode="decimal" defaultValue={values.costPrice ?? ""} error={errors.costPrice} required />
        </div>
        <PrimaryButton disabled={busy}>{t("sea.publish.submit")}</PrimaryButton>
      </Form>
    </div>
  );
}

function Choice({ name, label, value, error, options }: { name: string; label: string; value: string | undefined; error?: string; options: Array<[string, string]> }) {
  const id = `field-${name}`;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-semibold text-slate-900">{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-3 text-base"
      >
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>{text}</option>
        ))}
      </select>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">{error}</p> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
