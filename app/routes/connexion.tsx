import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { logIn, logInSchema } from "~/domain/accounts/log-in.server";
import { adoptVisitorPickupChoice } from "~/domain/distributions/account-pickup-choice.server";
import { visitorPickupChoice } from "~/http/pickup-choice-cookie.server";
import { deviceToken, getCurrentUser, logInCookies, safeRedirect, sessionToken } from "~/http/auth.server";
import { guestCartToken, landingAfterLogin } from "~/http/cart-owner.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { clientAddress } from "~/http/request-context.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { Field, FormAlert, PrimaryButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Se connecter — Terre & Mer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = localeOf(request);
  const form = await readForm(request);
  const parsed = logInSchema.safeParse(form);
  if (!parsed.success) return invalidForm(parsed.error, locale);
  try {
    const session = await logIn({
      ...parsed.data,
      clientAddress: clientAddress(context),
      now: now(),
      previousSessionToken: sessionToken(request),
      deviceToken: deviceToken(request),
      guestCartToken: guestCartToken(request),
    });
    // The pickup place chosen here as a visitor becomes the account's, unless it has one (issue 10).
    await adoptVisitorPickupChoice(session.userId, visitorPickupChoice(request));
    const headers = logInCookies(session);
    return redirect(landingAfterLogin(request, safeRedirect(form.redirectTo), session.keptArticles, headers), { headers });
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function LogInPage() {
  const t = useT();
  const failure = useActionData<FormFailure>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold text-sea-900">{t("auth.login.title")}</h1>
      <FormAlert message={failure?.message} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field name="email" type="email" autoComplete="email" required label={t("auth.field.email")} error={failure?.fieldErrors.email} />
        <Field name="password" type="password" autoComplete="current-password" required label={t("auth.field.password")} error={failure?.fieldErrors.password} />
        <PrimaryButton disabled={busy}>{t("auth.login.submit")}</PrimaryButton>
      </Form>
      <p className="mt-6"><Link className="text-sea-700 underline" to="/mot-de-passe-oublie">{t("auth.login.forgot")}</Link></p>
      <p className="mt-2">{t("auth.login.noAccount")} <Link className="font-semibold text-sea-700 underline" to={searchParams.get("redirectTo") ? `/inscription?redirectTo=${encodeURIComponent(searchParams.get("redirectTo") ?? "/")}` : "/inscription"}>{t("nav.signup")}</Link></p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
