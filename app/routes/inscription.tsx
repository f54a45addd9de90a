import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { signUp, signUpSchema } from "~/domain/accounts/sign-up.server";
import { adoptVisitorPickupChoice } from "~/domain/distributions/account-pickup-choice.server";
import { visitorPickupChoice } from "~/http/pickup-choice-cookie.server";
import { deviceToken, logInCookies, safeRedirect } from "~/http/auth.server";
import { guestCartToken, landingAfterLogin } from "~/http/cart-owner.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { appUrl, clientAddress } from "~/http/request-context.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { Field, FormAlert, PrimaryButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Créer un compte — Terre & Mer" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = localeOf(request);
  const form = await readForm(request);
  const parsed = signUpSchema.safeParse(form);
  if (!parsed.success) return invalidForm(parsed.error, locale);
  try {
    const session = await signUp({ ...parsed.data, locale, now: now(), appUrl: appUrl(), clientAddress: clientAddress(context), deviceToken: deviceToken(request), guestCartToken: guestCartToken(request) });
    // The pickup place chosen here as a visitor becomes the account's, unless it has one (issue 10).
    await adoptVisitorPickupChoice(session.userId, visitorPickupChoice(request));
    const headers = logInCookies(session);
    return redirect(landingAfterLogin(request, safeRedirect(form.redirectTo), session.keptArticles, headers), { headers });
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function SignUpPage() {
  const t = useT();
  const failure = useActionData<FormFailure>();
  const busy = useNavigation().state !== "idle";
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold text-sea-900">{t("auth.signup.title")}</h1>
      <p className="mb-6">{t("auth.signup.intro")}</p>
      <FormAlert message={failure?.message} />
      <Form method="post" noValidate>
        {/* Someone invited to a farm signs up first, then comes back to their invitation. */}
        <input type="hidden" name="redirectTo" value={redirectTo ?? "/"} />
        <Field name="name" autoComplete="name" required label={t("auth.field.name")} error={failure?.fieldErrors.name} maxLength={100} />
        <Field name="email" type="email" autoComplete="email" required label={t("auth.field.email")} error={failure?.fieldErrors.email} />
        <Field name="password" type="password" autoComplete="new-password" required label={t("auth.field.password")} hint={t("auth.field.passwordHint")} error={failure?.fieldErrors.password} />
        <PrimaryButton disabled={busy}>{t("auth.signup.submit")}</PrimaryButton>
      </Form>
      <p className="mt-6">{t("auth.signup.hasAccount")} <Link className="font-semibold text-sea-700 underline" to={redirectTo ? `/connexion?redirectTo=${encodeURIComponent(redirectTo)}` : "/connexion"}>{t("nav.login")}</Link></p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
