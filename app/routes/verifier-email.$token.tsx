import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EMAIL_VERIFICATION_PATH } from "~/domain/accounts/email-verification";
import { isEmailTokenUsable, verifyEmail } from "~/domain/accounts/verify-email.server";
import { now } from "~/http/clock.server";
import { formFailure, type FormFailure } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";

// The token is in the address: never sent on to another site.
export const meta: MetaFunction = () => [{ title: "Confirmer votre adresse e-mail — Terre & Mer" }, { name: "referrer", content: "no-referrer" }];

/** The emailed link: signed in or not. Opening it changes nothing (mail scanners open links); the button confirms. */
export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isEmailTokenUsable(params.token ?? "", now()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  try {
    await verifyEmail({ token: params.token ?? "", now: now() });
    return { ok: true as const };
  } catch (error) {
    return formFailure(error, localeOf(request));
  }
}

export default function VerifyEmailPage() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | { ok: true }>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-bold text-sea-900">{t("accountsEmail.verify.title")}</h1>
      {result?.ok ? (
        <>
          <FormAlert tone="success" message={t("accountsEmail.verify.done")} />
          <Link to="/" className="mt-4 inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("accountsEmail.verify.continue")}</Link>
        </>
      ) : !usable || result ? (
        <>
          <FormAlert message={result?.message ?? t("accountsEmail.verify.invalid")} />
          <Link to={EMAIL_VERIFICATION_PATH} className="mt-4 inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("accountsEmail.verify.askNew")}</Link>
        </>
      ) : (
        <>
          <p className="mb-4">{t("accountsEmail.verify.intro")}</p>
          <Form method="post">
            <PrimaryButton disabled={busy}>{t("accountsEmail.verify.confirm")}</PrimaryButton>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
