import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isResetTokenUsable, resetPassword, resetPasswordSchema } from "~/domain/accounts/reset-password.server";
import { deviceToken, logInCookies } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { clientAddress } from "~/http/request-context.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { Field, FormAlert, PrimaryButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Nouveau mot de passe — Terre & Mer" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isResetTokenUsable(params.token ?? "", now()) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = localeOf(request);
  const parsed = resetPasswordSchema.safeParse(await readForm(request));
  if (!parsed.success) return invalidForm(parsed.error, locale);
  try {
    const session = await resetPassword({
      token: params.token ?? "",
      password: parsed.data.password,
      clientAddress: clientAddress(context),
      now: now(),
      deviceToken: deviceToken(request),
    });
    return redirect("/", { headers: logInCookies(session) });
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function ResetPasswordPage() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold text-sea-900">{t("auth.reset.title")}</h1>
      {!usable ? (
        <FormAlert message={t("error.token_invalid")} />
      ) : (
        <>
          <FormAlert message={failure?.message} />
          <Form method="post" noValidate>
            <Field name="password" type="password" autoComplete="new-password" required label={t("auth.field.newPassword")} hint={t("auth.field.passwordHint")} error={failure?.fieldErrors.password} />
            <PrimaryButton disabled={busy}>{t("auth.reset.submit")}</PrimaryButton>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
