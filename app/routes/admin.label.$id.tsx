import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isDomainError } from "~/domain/errors";
import { grantLabel } from "~/domain/label/grant-label.server";
import { portByCode } from "~/domain/label/label-criteria";
import { readLabelFileForReview } from "~/domain/label/label-file.server";
import { recordLabelVisit } from "~/domain/label/record-label-visit.server";
import { refuseLabel } from "~/domain/label/refuse-label.server";
import { reinstateLabel } from "~/domain/label/reinstate-label.server";
import { requestLabelChanges } from "~/domain/label/request-label-changes.server";
import { revokeLabel } from "~/domain/label/revoke-label.server";
import { suspendLabel } from "~/domain/label/suspend-label.server";
import { parisDateTime } from "~/domain/time/paris";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton, SecondaryButton } from "~/ui/form";
import { dateTime, longDate } from "~/ui/format";
import { LabelAssessment, LabelDocuments, LabelTrail, labelKey } from "~/ui/label-file";

export const meta: MetaFunction = () => [{ title: "Examen d'un label — Terre & Mer" }];

/** One label's file for a reviewer: the evidence and what it proves, documents, history, and the decisions its state allows. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const reviewer = await requirePermission(request, "decide:label:any");
  try {
    const file = await readLabelFileForReview({ actor: reviewer, labelId: params.id ?? "", now: now() });
    return { ...file, portName: file.label.landingPort ? (portByCode(file.label.landingPort)?.name ?? file.label.landingPort) : null, today: now().toISOString().slice(0, 10) };
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") throw new Response("Not Found", { status: 404 });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const reviewer = await requirePermission(request, "decide:label:any");
  const locale = localeOf(request, reviewer.locale);
  const form = await readForm(request);
  const base = { actor: reviewer, labelId: params.id ?? "", now: now(), appUrl: appUrl() };
  try {
    switch (form.intent) {
      case "grant": {
        const granted = await grantLabel(base);
        return { ok: true as const, message: translate(locale, "label.review.done.grant", { number: granted.number, date: longDate(granted.validUntil, locale) }) };
      }
      case "refuse":
        await refuseLabel({ ...base, reason: form.reason ?? "" });
        return { ok: true as const, message: translate(locale, "label.review.done.refuse") };
      case "changes":
        await requestLabelChanges({ ...base, message: form.message ?? "" });
        return { ok: true as const, message: translate(locale, "label.review.done.refuse") };
      case "visit": {
        const day = /^\d{4}-\d{2}-\d{2}$/.test(form.visitedAt ?? "") ? parisDateTime(form.visitedAt!, "12:00") : new Date(Number.NaN);
        // A visit today is recorded at the instant it is entered, never in the future.
        const visitedAt = day.getTime() > base.now.getTime() && form.visitedAt === base.now.toISOString().slice(0, 10) ? base.now : day;
        await recordLabelVisit({ actor: reviewer, labelId: base.labelId, visitedAt, note: form.note ?? "", now: base.now });
        return { ok: true as const, message: translate(locale, "label.review.done.step") };
      }
      case "suspend":
        await suspendLabel({ ...base, reason: form.reason ?? "" });
        return { ok: true as const, message: translate(locale, "label.review.done.refuse") };
      case "reinstate":
        await reinstateLabel(base);
        return { ok: true as const, message: translate(locale, "label.review.done.step") };
      case "revoke":
        await revokeLabel({ ...base, reason: form.reason ?? "" });
        return { ok: true as const, message: translate(locale, "label.review.done.refuse") };
      default:
        throw new Response("Bad Request", { status: 400 });
    }
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") throw new Response("Not Found", { status: 404 });
    return formFailure(error, locale);
  }
}

function ReasonForm({ intent, label, button, field = "reason", danger = false }: { intent: string; label: string; button: string; field?: "reason" | "message"; danger?: boolean }) {
  const id = `${intent}-${field}`;
  return (
    <Form method="post" className="mt-3 rounded-lg border border-slate-300 p-3">
      <input type="hidden" name="intent" value={intent} />
      <label htmlFor={id} className="block font-semibold">{label}</label>
      <textarea id={id} name={field} required maxLength={1000} rows={2} className="mt-1 block w-full rounded-lg border border-slate-400 px-3 py-2 text-base" />
      <div className="mt-2">{danger ? <SecondaryButton type="submit">{button}</SecondaryButton> : <PrimaryButton type="submit">{button}</PrimaryButton>}</div>
    </Form>
  );
}

export default function LabelReviewPage() {
  const { product, label, portName, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const status = label.statusNow;
  const renewal = status === "GRANTED" && label.renewalRequestedAt !== null;
  const renewalWaiting = status === "GRANTED" && label.renewalChangesRequestedAt !== null;
  const decidable = status === "PENDING" || renewal;
  return (
    <div className="mx-auto max-w-3xl">
      <p>
        <Link to="/admin/label" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("label.review.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-sea-900">{t("label.review.fileTitle", { product: product.name, producer: product.producer.name })}</h1>
      <p className="mt-1" data-status={status}>
        <span className="font-semibold">{t(labelKey(`label.status.${status}`))}</span>
        {renewal ? ` · ${t("label.status.RENEWAL_PENDING")}` : null}
        {renewalWaiting ? ` · ${t("label.status.RENEWAL_CHANGES")}` : null}
        {label.number ? ` · ${label.number}` : null}
        {label.validUntil && (status === "GRANTED" || status === "SUSPENDED") ? ` · ${t("label.own.validUntil", { date: longDate(label.validUntil, locale) })}` : null}
      </p>
      {answer ? <FormAlert tone={answer.ok ? "success" : "error"} message={answer.message} /> : null}
      <section aria-labelledby="justifications" className="mt-4 rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="justifications" className="text-lg font-bold text-sea-900">{t("label.review.evidence")}</h2>
        <dl className="mt-1 grid grid-cols-1 gap-x-4 sm:grid-cols-2">
          <dt className="font-semibold">{t("label.form.productClass")}</dt>
          <dd>{t(labelKey(`label.class.${label.productClass}`))}</dd>
          {label.placeName || label.placeLat !== null ? (
            <>
              <dt className="font-semibold">{t("label.form.placeName")}</dt>
              <dd>{label.placeName} {label.placeLat !== null ? `(${label.placeLat}, ${label.placeLon})` : null}</dd>
            </>
          ) : null}
          {portName ? (
            <>
              <dt className="font-semibold">{t("label.form.landingPort")}</dt>
              <dd>{portName}</dd>
            </>
          ) : null}
          {label.faoArea ? (
            <>
              <dt className="font-semibold">{t("label.form.faoArea")}</dt>
              <dd>{label.faoArea}</dd>
            </>
          ) : null}
          {label.ingredients.length > 0 ? (
            <>
              <dt className="font-semibold">{t("label.form.ingredients")}</dt>
              <dd>
                <ul>
                  {label.ingredients.map((ingredient, index) => (
                    <li key={index}>
                      {ingredient.name} · {ingredient.grams} g · {t(`label.form.kind.${ingredient.kind}`)}
                      {ingredient.lat !== null ? ` · (${ingredient.lat}, ${ingredient.lon})` : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt className="font-semibold">{t("label.review.lotTraceability")}</dt>
          <dd>{label.lotTraceability ? t("label.review.yes") : t("label.review.no")}</dd>
          {label.hygieneApproval ? (
            <>
              <dt className="font-semibold">{t("label.form.hygieneApproval")}</dt>
              <dd>{label.hygieneApproval}</dd>
            </>
          ) : null}
          {label.producerNote ? (
            <>
              <dt className="font-semibold">{t("label.review.note")}</dt>
              <dd className="whitespace-pre-line">{label.producerNote}</dd>
            </>
          ) : null}
        </dl>
        {label.visitedAt ? <p className="mt-2">{t("label.review.visit", { date: dateTime(label.visitedAt, locale), note: label.visitNote ?? "" })}</p> : null}
        <LabelAssessment checks={label.assessment.checks} missing={label.assessment.missing} />
      </section>
      <LabelDocuments documents={label.documents} hrefOf={(id) => `/admin/label/document/${id}`} />
      <section aria-labelledby="decider" className="mt-4">
        <h2 id="decider" className="text-lg font-bold text-sea-900">{t("label.review.decide")}</h2>
        {decidable ? (
          <Form method="post" className="mt-2">
            <input type="hidden" name="intent" value="grant" />
            <PrimaryButton type="submit">{t(renewal ? "label.review.grantRenewal" : "label.review.grant")}</PrimaryButton>
          </Form>
        ) : null}
        {decidable ? <ReasonForm intent="changes" field="message" label={t("label.review.messageLabel")} button={t("label.review.requestChanges")} /> : null}
        {decidable || status === "CHANGES_REQUESTED" || renewalWaiting ? <ReasonForm intent="refuse" label={t("label.review.reasonLabel")} button={t("label.review.refuse")} danger /> : null}
        {status !== "REFUSED" && status !== "REVOKED" ? (
          <Form method="post" className="mt-3 rounded-lg border border-slate-300 p-3">
            <input type="hidden" name="intent" value="visit" />
            <label htmlFor="visit-date" className="block font-semibold">{t("label.review.visitedAt")}</label>
            <input id="visit-date" type="date" name="visitedAt" required max={today} defaultValue={today} className="mt-1 block min-h-11 rounded-lg border border-slate-400 px-3" />
            <label htmlFor="visit-note" className="mt-2 block font-semibold">{t("label.review.visitNote")}</label>
            <textarea id="visit-note" name="note" required maxLength={1000} rows={2} className="mt-1 block w-full rounded-lg border border-slate-400 px-3 py-2 text-base" />
            <div className="mt-2">
              <SecondaryButton type="submit">{t("label.review.recordVisit")}</SecondaryButton>
            </div>
          </Form>
        ) : null}
        {status === "GRANTED" ? <ReasonForm intent="suspend" label={t("label.review.reasonLabel")} button={t("label.review.suspend")} danger /> : null}
        {status === "SUSPENDED" ? (
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="reinstate" />
            <PrimaryButton type="submit">{t("label.review.reinstate")}</PrimaryButton>
          </Form>
        ) : null}
        {label.status === "GRANTED" || label.status === "SUSPENDED" ? <ReasonForm intent="revoke" label={t("label.review.reasonLabel")} button={t("label.review.revoke")} danger /> : null}
      </section>
      <LabelTrail trail={label.trail} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
