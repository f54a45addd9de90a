import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { setCharityApprovals, setCharityApprovalsSchema } from "~/domain/donations/set-charity-approvals.server";
import { isProducerKind } from "~/domain/organisations/producer-kinds";
import { listOrganisationsForReview } from "~/domain/organisations/list-organisations.server";
import { refuseOrganisation, reviewOrganisationSchema } from "~/domain/organisations/refuse-organisation.server";
import { verifyOrganisation } from "~/domain/organisations/verify-organisation.server";
import { describeIdentityChanges } from "~/domain/organisations/emails";
import { parseIdentityChanges } from "~/domain/organisations/identity-changes";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton, SecondaryButton } from "~/ui/form";
import { dateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Producteurs à vérifier — Terre & Mer" }];

/**
 * For territory admins: producers and charities to verify (pending first), refused ones and
 * verified ones; a verified charity also gets the territory's two approvals here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const organisations = await listOrganisationsForReview();
  return {
    organisations: organisations.map(({ identityChanges, ...organisation }) => ({
      ...organisation,
      // A verified organisation that changed its identity: what changed, to verify again or refuse.
      changes: organisation.reviewRequestedAt ? describeIdentityChanges(locale, parseIdentityChanges(identityChanges)) : [],
    })),
  };
}

type Done = { ok: true; organisationId: string; message: string };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const form = await readForm(request);
  if (form.intent === "approvals") {
    const approvals = setCharityApprovalsSchema.safeParse(form);
    if (!approvals.success) return invalidForm(approvals.error, locale);
    try {
      await setCharityApprovals({ ...approvals.data, admin, now: now() });
      return { ok: true, organisationId: approvals.data.organisationId, message: translate(locale, "charity.approvals.saved") } satisfies Done;
    } catch (error) {
      return formFailure(error, locale);
    }
  }
  const parsed = reviewOrganisationSchema.safeParse(form);
  if (!parsed.success) return invalidForm(parsed.error, locale);
  try {
    const input = { organisationId: parsed.data.organisationId, admin, now: now(), appUrl: appUrl() };
    if (parsed.data.intent === "verify") await verifyOrganisation(input);
    else await refuseOrganisation({ ...input, reason: parsed.data.reason });
    return { ok: true, organisationId: parsed.data.organisationId, message: translate(locale, parsed.data.intent === "verify" ? "organisations.review.verified" : "organisations.review.refused") } satisfies Done;
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function ReviewOrganisations() {
  const { organisations } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | Done>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("organisations.review.title")}</h1>
      <p className="mt-2">{t("organisations.review.intro")}</p>
      <p className="mt-2">{t("charity.review.intro")}</p>
      <div className="mt-4">
        {result?.ok ? <FormAlert tone="success" message={result.message} /> : null}
        {result && !result.ok ? <FormAlert message={Object.values(result.fieldErrors)[0] ?? result.message} /> : null}
      </div>
      {organisations.length === 0 ? <p className="mt-4">{t("organisations.review.empty")}</p> : null}
      <ul className="mt-4 space-y-4">
        {organisations.map((organisation) => (
          <li key={organisation.id} className="rounded-xl border border-slate-300 bg-white p-4">
            <h2 className="text-lg font-bold">{organisation.name}</h2>
            <p className={`mt-1 inline-block rounded px-2 py-1 text-sm font-semibold ${organisation.status === "verified" ? "bg-sea-50 text-sea-900" : organisation.status === "refused" ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-900"}`}>
              {t(`organisations.status.${organisation.status}`)}
            </p>
            <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold">{t("organisations.form.kind")}</dt>
              <dd>
                {organisation.kind === "CHARITY"
                  ? t("charity.review.kind")
                  : `${t("charity.review.kindProducer")} · ${organisation.producerKind && isProducerKind(organisation.producerKind) ? t(`organisations.kind.${organisation.producerKind}`) : "—"}`}
              </dd>
              {organisation.kind === "CHARITY" ? (
                <>
                  <dt className="font-semibold">{t("charity.review.rna")}</dt>
                  <dd>{organisation.rna ?? "—"}</dd>
                </>
              ) : null}
              <dt className="font-semibold">{t("organisations.form.siret")}</dt>
              <dd>{organisation.siret ?? "—"}</dd>
              <dt className="font-semibold">{t("organisations.form.commune")}</dt>
              <dd>{organisation.address}, {organisation.communeName ?? "—"}</dd>
              <dt className="font-semibold">{t("organisations.form.contactEmail")}</dt>
              <dd className="break-all">{organisation.contactEmail ?? "—"} {organisation.contactPhone ? `· ${organisation.contactPhone}` : ""}</dd>
              {organisation.kind === "PRODUCER" ? (
                <>
                  <dt className="font-semibold">{t("organisations.form.controlBody")}</dt>
                  <dd>{organisation.organicControlBody ?? "—"}</dd>
                </>
              ) : null}
              <dt className="font-semibold">{t("organisations.review.registered")}</dt>
              <dd>{dateTime(organisation.createdAt, locale)}</dd>
            </dl>
            {organisation.reviewRequestedAt ? (
              <div className="mt-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-review-requested>
                <p className="font-semibold">{t("accountsEmail.review.badge")}</p>
                <p>{t("accountsEmail.review.changed", { date: dateTime(organisation.reviewRequestedAt, locale), changes: organisation.changes.join(" ; ") })}</p>
              </div>
            ) : null}
            {organisation.status === "refused" && organisation.refusalReason ? <p className="mt-2 text-sm">{t("organisations.status.reason", { reason: organisation.refusalReason })}</p> : null}
            <div className="mt-3 flex flex-wrap items-end gap-3">
              {organisation.status !== "verified" || organisation.reviewRequestedAt ? (
                <Form method="post">
                  <input type="hidden" name="organisationId" value={organisation.id} />
                  <PrimaryButton name="intent" value="verify" disabled={busy} aria-label={t("organisations.review.verifyNamed", { name: organisation.name })}>{t("organisations.review.verify")}</PrimaryButton>
                </Form>
              ) : null}
              {organisation.status !== "refused" ? (
                <Form method="post" className="flex flex-1 flex-wrap items-end gap-2">
                  <input type="hidden" name="organisationId" value={organisation.id} />
                  <div className="min-w-56 flex-1">
                    <label htmlFor={`reason-${organisation.id}`} className="block text-sm font-semibold">{t("organisations.review.reason")}</label>
                    <input id={`reason-${organisation.id}`} name="reason" required maxLength={1000} className="mt-1 block w-full rounded-lg border border-slate-400 px-3 py-2" />
                  </div>
                  <SecondaryButton name="intent" value="refuse" disabled={busy} aria-label={t("organisations.review.refuseNamed", { name: organisation.name })}>{t("organisations.review.refuse")}</SecondaryButton>
                </Form>
              ) : null}
            </div>
            {organisation.kind === "CHARITY" && organisation.status === "verified" ? (
              <Form method="post" className="mt-3">
                <input type="hidden" name="organisationId" value={organisation.id} />
                <fieldset className="rounded-lg border border-slate-300 p-3">
                  <legend className="px-1 text-sm font-semibold">{t("charity.approvals.legend")}</legend>
                  <label className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" name="approvedRawFishery" defaultChecked={organisation.approvedRawFishery} className="h-5 w-5" />
                    {t("charity.approvals.rawFishery")}
                  </label>
                  <label className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" name="processingWorkshop" defaultChecked={organisation.processingWorkshop} className="h-5 w-5" />
                    {t("charity.approvals.workshop")}
                  </label>
                  <SecondaryButton name="intent" value="approvals" disabled={busy} aria-label={t("charity.approvals.saveNamed", { name: organisation.name })}>{t("charity.approvals.save")}</SecondaryButton>
                </fieldset>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
