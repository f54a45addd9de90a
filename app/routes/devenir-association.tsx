import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { charityApplicationSchema, createCharityOrganisation } from "~/domain/organisations/create-charity-organisation.server";
import { communes } from "~/domain/reference/reference-data";
import { requireUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { Field, FormAlert, PrimaryButton, TextAreaField } from "~/ui/form";
import { SelectField } from "~/ui/organisation-profile-fields";

export const meta: MetaFunction = () => [{ title: "Association : recevoir des dons — Terre & Mer" }];

/** Someone who already acts for a charity has nothing to apply for: to its space. */
function actsForCharity(memberships: ReadonlyArray<{ role: string }>): boolean {
  return memberships.some((membership) => membership.role === "CHARITY");
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (actsForCharity(user.memberships)) throw redirect("/association");
  return { communes: communes.map(({ inseeCode, name, postalCode }) => ({ inseeCode, name, postalCode })) };
}

type Submitted = Partial<Record<"name" | "rna" | "siret" | "communeInsee" | "address" | "description" | "contactEmail" | "contactPhone", string>>;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (actsForCharity(user.memberships)) throw redirect("/association");
  const locale = localeOf(request, user.locale);
  const form = await readForm(request);
  const parsed = charityApplicationSchema.safeParse(form);
  // What was typed comes back with the refusal, so a phone without JavaScript keeps it.
  const values: Submitted = { name: form.name, rna: form.rna, siret: form.siret, communeInsee: form.communeInsee, address: form.address, description: form.description, contactEmail: form.contactEmail, contactPhone: form.contactPhone };
  if (!parsed.success) return withValues(invalidForm(parsed.error, locale), values);
  try {
    const charity = await createCharityOrganisation({ userId: user.id, application: parsed.data, now: now(), appUrl: appUrl() });
    return redirect(charity.created ? "/association?demande=1" : "/association");
  } catch (error) {
    return withValues(formFailure(error, locale), values);
  }
}

function withValues(failure: ReturnType<typeof invalidForm>, values: Submitted) {
  return data({ ...failure.data, values }, { status: failure.init?.status ?? 400 });
}

export default function BecomeCharityPage() {
  const { communes } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure & { values?: Submitted }>();
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const errors = failure?.fieldErrors ?? {};
  const values = failure?.values ?? {};
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-2 text-2xl font-bold text-sea-900">{t("charity.apply.title")}</h1>
      <p className="mb-6">{t("charity.apply.intro")}</p>
      <FormAlert message={failure?.message} />
      <Form method="post" noValidate>
        <Field name="name" label={t("charity.apply.name")} required maxLength={120} defaultValue={values.name ?? ""} error={errors.name} autoComplete="organization" />
        <fieldset className="mb-4 rounded-lg border border-slate-300 p-3">
          <legend className="px-1 font-semibold text-slate-900">{t("charity.apply.identifiers")}</legend>
          <Field name="rna" label={t("charity.apply.rna")} hint={t("charity.apply.rnaHint")} maxLength={20} autoCapitalize="characters" defaultValue={values.rna ?? ""} error={errors.rna} />
          <Field name="siret" label={t("charity.apply.siret")} hint={t("charity.apply.siretHint")} inputMode="numeric" maxLength={20} defaultValue={values.siret ?? ""} error={errors.siret} />
        </fieldset>
        <SelectField name="communeInsee" label={t("charity.apply.commune")} required defaultValue={values.communeInsee ?? ""} error={errors.communeInsee}>
          <option value="">{t("organisations.form.choose")}</option>
          {communes.map((commune) => (
            <option key={commune.inseeCode} value={commune.inseeCode}>{commune.name} ({commune.postalCode})</option>
          ))}
        </SelectField>
        <Field name="address" label={t("charity.apply.address")} required maxLength={200} defaultValue={values.address ?? ""} error={errors.address} autoComplete="street-address" />
        <Field name="contactEmail" type="email" label={t("charity.apply.contactEmail")} required defaultValue={values.contactEmail ?? ""} error={errors.contactEmail} autoComplete="email" />
        <Field name="contactPhone" type="tel" label={t("charity.apply.contactPhone")} hint={t("organisations.form.contactPhoneHint")} maxLength={30} defaultValue={values.contactPhone ?? ""} error={errors.contactPhone} autoComplete="tel" />
        <TextAreaField name="description" label={t("charity.apply.description")} hint={t("charity.apply.descriptionHint")} rows={4} maxLength={1000} defaultValue={values.description ?? ""} error={errors.description} />
        <PrimaryButton disabled={busy}>{t("charity.apply.submit")}</PrimaryButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
