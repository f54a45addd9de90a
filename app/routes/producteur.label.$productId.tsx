import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { isDomainError } from "~/domain/errors";
import { applyForLabel, previewLabelApplication } from "~/domain/label/apply-for-label.server";
import { MAX_INGREDIENT_ROWS, parseLabelApplication } from "~/domain/label/label-application-input";
import { LABEL_CRITERIA, LABEL_PRODUCT_CLASSES } from "~/domain/label/label-criteria";
import { MAX_LABEL_DOCUMENT_BYTES } from "~/domain/label/label-document";
import { readOwnLabelFile } from "~/domain/label/label-file.server";
import { faoAreas } from "~/domain/reference/reference-data";
import { readFormData } from "~/http/body.server";
import { now } from "~/http/clock.server";
import { formFailure, type FormFailure } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { translate, type MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton, SecondaryButton } from "~/ui/form";
import { longDate } from "~/ui/format";
import { LabelAssessment, LabelDocuments, LabelTrail, labelKey } from "~/ui/label-file";

export const meta: MetaFunction = () => [{ title: "Demande de label — Terre & Mer" }];

/** Shown ingredient rows (the form reads up to MAX_INGREDIENT_ROWS). */
const INGREDIENT_ROWS = 4;
/** The form's text and up to 10 MB of documents in one sending. */
const BODY_LIMIT = MAX_LABEL_DOCUMENT_BYTES + 64 * 1024;

/**
 * One product's label from the producer's space: its file (status, number, validity, the
 * territory's message or reason, documents, history) and the application form. « Vérifier » shows
 * the distance computed from the positions and what is still missing, without sending anything;
 * « Envoyer » sends (a renewal when the label is in force). Another producer's product: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const file = await readOwnLabelFile({ producerId: producer.id, productId: params.productId ?? "", now: now() }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") throw new Response("Not Found", { status: 404 });
    throw error;
  });
  const label = file.label;
  const open = label === null || ["CHANGES_REQUESTED", "REFUSED", "EXPIRED"].includes(label.statusNow) || (label.statusNow === "GRANTED" && label.renewalRequestedAt === null);
  return {
    ...file,
    open,
    renewal: label?.statusNow === "GRANTED",
    ports: LABEL_CRITERIA.ports.map((port) => ({ code: port.code, name: port.name })),
    faoAreas: faoAreas.map((area) => ({ code: area.code, labelFr: area.labelFr ?? area.labelEn, labelEn: area.labelEn })),
  };
}

type Checked = { ok: true; intent: "check"; values: Record<string, string>; checks: Array<Record<string, unknown> & { code: string; met: boolean }>; missing: string[]; distanceKm: number | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const formData = await readFormData(request, BODY_LIMIT);
  const fields: Record<string, string> = {};
  const documents: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string") fields[name] = value;
    else if (name === "documents" && value.size > 0) documents.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  fields.productId = params.productId ?? "";
  const parsed = parseLabelApplication(fields);
  if (!parsed.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, translate(locale, key as MessageKey)]));
    return data({ ok: false, message: translate(locale, "error.invalid"), fieldErrors, values: fields } satisfies FormFailure & { values: Record<string, string> }, { status: 400 });
  }
  try {
    if (fields.intent === "check") {
      const assessment = await previewLabelApplication({ actor: user, producerId: producer.id, application: parsed.value, newDocuments: documents.length });
      return { ok: true, intent: "check", values: fields, checks: assessment.checks, missing: assessment.missing, distanceKm: assessment.distance?.km ?? null } satisfies Checked;
    }
    const { renewal } = await applyForLabel({ actor: user, producerId: producer.id, application: parsed.value, documents, now: now() });
    return redirect(`/producteur/label/${parsed.value.productId}?${renewal ? "renouvellement" : "envoyee"}=1`);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") throw new Response("Not Found", { status: 404 });
    const failure = formFailure(error, locale);
    return data({ ...failure.data, values: fields }, failure.init ?? undefined);
  }
}

export default function ProducerLabelPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const label = page.label;
  const values: Record<string, string> = answer && "values" in answer ? answer.values : {};
  const fieldErrors: Record<string, string> = answer && !answer.ok && "fieldErrors" in answer ? answer.fieldErrors : {};
  const checked = answer && answer.ok ? answer : null;
  const initial = (name: string, fromLabel: string | number | null | undefined) => values[name] ?? (fromLabel === null || fromLabel === undefined ? "" : String(fromLabel));
  const productClass = initial("productClass", label?.productClass ?? "FARM");
  const ingredients = label?.ingredients ?? [];
  const inputClass = "mt-1 block w-full rounded-lg border border-slate-400 px-3 py-3 text-base aria-[invalid]:border-red-700";
  const field = (name: string, text: string, fromLabel: string | number | null | undefined, extra: Record<string, unknown> = {}) => (
    <div className="mt-3">
      <label htmlFor={`f-${name}`} className="block font-semibold">{text}</label>
      <input id={`f-${name}`} name={name} defaultValue={initial(name, fromLabel)} aria-invalid={fieldErrors[name] ? true : undefined} aria-describedby={fieldErrors[name] ? `e-${name}` : undefined} className={inputClass} {...extra} />
      {fieldErrors[name] ? <p id={`e-${name}`} className="mt-1 font-semibold text-red-800">{fieldErrors[name]}</p> : null}
    </div>
  );
  return (
    <div className="mx-auto max-w-3xl">
      <p>
        <Link to="/producteur/label" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("label.own.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-sea-900">{t(page.renewal ? "label.form.renewalTitle" : "label.form.title", { product: page.product.name })}</h1>
      {search.has("envoyee") ? <FormAlert tone="success" message={t("label.form.sent")} /> : null}
      {search.has("renouvellement") ? <FormAlert tone="success" message={t("label.form.renewalSent")} /> : null}
      {label ? (
        <section aria-labelledby="etat" className="mt-3 rounded-xl border-2 border-sea-700 bg-white p-4">
          <h2 id="etat" className="text-lg font-bold text-sea-900" data-status={label.statusNow}>
            {t(labelKey(`label.status.${label.statusNow}`))}
            {label.renewalRequestedAt ? ` · ${t("label.status.RENEWAL_PENDING")}` : null}
            {label.statusNow === "GRANTED" && label.renewalChangesRequestedAt ? ` · ${t("label.status.RENEWAL_CHANGES")}` : null}
          </h2>
          {label.number ? <p>{t("label.own.number", { number: label.number })}</p> : null}
          {label.validUntil && (label.statusNow === "GRANTED" || label.statusNow === "SUSPENDED") ? <p>{t("label.own.validUntil", { date: longDate(label.validUntil, locale) })}</p> : null}
          {label.statusNow === "CHANGES_REQUESTED" && label.reviewMessage ? <p className="mt-1 font-semibold">{t("label.form.message", { message: label.reviewMessage })}</p> : null}
          {label.statusNow === "GRANTED" && label.renewalChangesRequestedAt && label.reviewMessage ? (
            <>
              <p className="mt-1 font-semibold">{t("label.form.message", { message: label.reviewMessage })}</p>
              <p className="mt-1">{t("label.own.renewalChangesHint")}</p>
            </>
          ) : null}
          {label.reason && label.statusNow !== "GRANTED" ? <p className="mt-1">{t("label.form.reason", { reason: label.reason })}</p> : null}
        </section>
      ) : null}
      {answer && !answer.ok ? <FormAlert message={answer.message} /> : null}
      {page.open ? (
        <Form method="post" encType="multipart/form-data" reloadDocument className="mt-4 rounded-xl border border-slate-300 bg-white p-4">
          <div>
            <label htmlFor="f-productClass" className="block font-semibold">{t("label.form.productClass")}</label>
            <select id="f-productClass" name="productClass" defaultValue={productClass} className={inputClass}>
              {LABEL_PRODUCT_CLASSES.map((code) => (
                <option key={code} value={code}>{t(labelKey(`label.class.${code}`))}</option>
              ))}
            </select>
          </div>
          {field("placeName", t("label.form.placeName"), label?.placeName ?? page.producer.address)}
          <div className="grid gap-x-3 sm:grid-cols-2">
            {field("placeLat", t("label.form.placeLat"), label?.placeLat ?? page.producer.lat, { inputMode: "decimal" })}
            {field("placeLon", t("label.form.placeLon"), label?.placeLon ?? page.producer.lon, { inputMode: "decimal" })}
          </div>
          <p className="text-sm text-slate-700">{t("label.form.placeHint")}</p>
          <div className="mt-3 grid gap-x-3 sm:grid-cols-2">
            <div>
              <label htmlFor="f-landingPort" className="block font-semibold">{t("label.form.landingPort")}</label>
              <select id="f-landingPort" name="landingPort" defaultValue={initial("landingPort", label?.landingPort)} className={inputClass}>
                <option value="">{t("label.form.choose")}</option>
                {page.ports.map((port) => (
                  <option key={port.code} value={port.code}>{port.name}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="f-faoArea" className="block font-semibold">{t("label.form.faoArea")}</label>
              <select id="f-faoArea" name="faoArea" defaultValue={initial("faoArea", label?.faoArea)} className={inputClass}>
                <option value="">{t("label.form.choose")}</option>
                {page.faoAreas.map((area) => (
                  <option key={area.code} value={area.code}>{locale === "fr" ? area.labelFr : area.labelEn}</option>
                ))}
              </select>
            </div>
          </div>
          {/* Only processed food has ingredients: folded away for the others (a phone's screen), open without JavaScript. */}
          <details className="mt-4" open={productClass === "PROCESSED"}>
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-sea-800">{t("label.form.ingredients")}</summary>
          <fieldset className="mt-2">
            <legend className="sr-only">{t("label.form.ingredients")}</legend>
            <p className="text-sm text-slate-700">{t("label.form.ingredientsHint")}</p>
            {Array.from({ length: Math.min(MAX_INGREDIENT_ROWS, Math.max(INGREDIENT_ROWS, ingredients.length)) }, (_, index) => {
              const row = ingredients[index];
              const n = index + 1;
              return (
                <div key={index} className="mt-2 grid gap-x-2 rounded-lg border border-slate-200 p-2 sm:grid-cols-5">
                  {field(`ingredient${index}Name`, t("label.form.ingredientName", { n }), row?.name)}
                  {field(`ingredient${index}Grams`, t("label.form.ingredientGrams", { n }), row?.grams, { inputMode: "numeric" })}
                  <div className="mt-3">
                    <label htmlFor={`f-ingredient${index}Kind`} className="block font-semibold">{t("label.form.ingredientKind", { n })}</label>
                    <select id={`f-ingredient${index}Kind`} name={`ingredient${index}Kind`} defaultValue={initial(`ingredient${index}Kind`, row?.kind ?? "INGREDIENT")} className={inputClass}>
                      {(["INGREDIENT", "WATER", "SALT"] as const).map((kind) => (
                        <option key={kind} value={kind}>{t(`label.form.kind.${kind}`)}</option>
                      ))}
                    </select>
                  </div>
                  {field(`ingredient${index}Lat`, t("label.form.ingredientLat", { n }), row?.lat, { inputMode: "decimal" })}
                  {field(`ingredient${index}Lon`, t("label.form.ingredientLon", { n }), row?.lon, { inputMode: "decimal" })}
                </div>
              );
            })}
            {field("declaredLocalSharePercent", t("label.form.declaredShare"), label?.declaredLocalSharePercent, { inputMode: "numeric" })}
          </fieldset>
          </details>
          <div className="mt-4 flex min-h-11 items-center gap-3">
            <input id="f-lotTraceability" type="checkbox" name="lotTraceability" defaultChecked={values.intent ? values.lotTraceability === "on" : (label?.lotTraceability ?? false)} className="h-6 w-6" />
            <label htmlFor="f-lotTraceability" className="font-semibold">{t("label.form.lotTraceability")}</label>
          </div>
          {field("hygieneApproval", t("label.form.hygieneApproval"), label?.hygieneApproval)}
          <div className="mt-3">
            <label htmlFor="f-producerNote" className="block font-semibold">{t("label.form.note")}</label>
            <textarea id="f-producerNote" name="producerNote" defaultValue={initial("producerNote", label?.producerNote)} rows={3} className={inputClass} />
          </div>
          <div className="mt-3">
            <label htmlFor="f-documents" className="block font-semibold">{t("label.form.documents")}</label>
            <input id="f-documents" type="file" name="documents" multiple accept="application/pdf,image/jpeg,image/png,image/webp" aria-invalid={fieldErrors.documents ? true : undefined} aria-describedby={fieldErrors.documents ? "e-documents" : undefined} className="mt-1 block min-h-11 w-full" />
            {fieldErrors.documents ? <p id="e-documents" className="mt-1 font-semibold text-red-800">{fieldErrors.documents}</p> : null}
          </div>
          {checked ? (
            <div role="status" className="mt-4">
              <p className="font-semibold">{t("label.form.checked")}</p>
              <LabelAssessment checks={checked.checks} missing={checked.missing} />
            </div>
          ) : label ? (
            <LabelAssessment checks={label.assessment.checks} missing={label.assessment.missing} />
          ) : null}
          <div className="mt-4 flex flex-wrap gap-3">
            <SecondaryButton type="submit" name="intent" value="check">{t("label.form.check")}</SecondaryButton>
            <PrimaryButton type="submit" name="intent" value="send">{t("label.form.send")}</PrimaryButton>
          </div>
        </Form>
      ) : (
        <p className="mt-4 rounded-xl border border-slate-300 bg-white p-4">{t("label.form.closed")}</p>
      )}
      {label ? <LabelDocuments documents={label.documents} hrefOf={(id) => `/producteur/label/document/${id}`} /> : null}
      {label ? <LabelTrail trail={label.trail} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
