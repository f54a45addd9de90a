import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { requestPasswordReset, requestPasswordResetSchema } from "~/domain/accounts/request-password-reset.server";
import { now } from "~/http/clock.server";
import { invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { Field, FormAlert, PrimaryButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Terre & Mer" }];

export async function action({ request }: ActionFunctionArgs) {
  const parsed = requestPasswordResetSchema.safeParse(await readForm(request));
  if (!parsed.success) return invalidForm(parsed.error, localeOf(request));
  await requestPasswordReset({ email: parsed.data.email, now: now(), appUrl: appUrl() });
  return { ok: true as const };
}

export default function ForgotPasswordPage() {
  const t = useT();
  const result = useActionData<FormFailure | { ok: true }>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold text-sea-900">{t("auth.forgot.title")}</h1>
      <p className="mb-6">{t("auth.forgot.intro")}</p>
      {result?.ok ? <FormAlert tone="success" message={t("auth.forgot.sent")} /> : <FormAlert message={result?.message} />}
      <Form method="post" noValidate>
        <Field name="email" type="email" autoComplete="email" required label={t("auth.field.email")} error={result && !result.ok ? result.fieldErrors.email : undefined} />
        <PrimaryButton disabled={busy}>{t("auth.forgot.submit")}</PrimaryButton>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
