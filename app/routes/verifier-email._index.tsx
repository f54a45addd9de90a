import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { resendVerificationEmail } from "~/domain/accounts/resend-verification-email.server";
import { isEmailVerified } from "~/domain/accounts/verify-email.server";
import { requireUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, type FormFailure } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { appUrl, clientAddress } from "~/http/request-context.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Votre adresse e-mail — Terre & Mer" }];

/** EMAIL_VERIFICATION_PATH: whether the signed-in person's address is confirmed, and a new link on request. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { email: user.email, verified: await isEmailVerified(user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    await resendVerificationEmail({ userId: user.id, clientAddress: clientAddress(context), now: now(), appUrl: appUrl() });
    return { ok: true as const };
  } catch (error) {
    return formFailure(error, localeOf(request, user.locale));
  }
}

export default function EmailAddressPage() {
  const t = useT();
  const { email, verified } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | { ok: true }>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-bold text-sea-900">{t("accountsEmail.resend.title")}</h1>
      {verified ? (
        <FormAlert tone="success" message={t("accountsEmail.resend.verified", { email })} />
      ) : (
        <>
          <p className="mb-4">{t("accountsEmail.resend.pending", { email })}</p>
          {result?.ok ? <FormAlert tone="success" message={t("accountsEmail.resend.sent", { email })} /> : <FormAlert message={result?.message} />}
          <Form method="post">
            <PrimaryButton disabled={busy}>{t("accountsEmail.resend.submit")}</PrimaryButton>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
