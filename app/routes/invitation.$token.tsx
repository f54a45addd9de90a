import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DomainError } from "~/domain/errors";
import { acceptInvitation, findValidInvitation } from "~/domain/organisations/accept-invitation.server";
import { getCurrentUser, requireUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, pageError, type FormFailure } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";
import { dateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Invitation — Terre & Mer" }, { name: "referrer", content: "no-referrer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findValidInvitation(params.token ?? "", now());
  if (!invitation) throw pageError(request, new DomainError("invitation_invalid"));
  const user = await getCurrentUser(request);
  const here = new URL(request.url).pathname;
  return {
    invitation,
    signedInAs: user?.email ?? null,
    loginUrl: `/connexion?redirectTo=${encodeURIComponent(here)}`,
    signupUrl: `/inscription?redirectTo=${encodeURIComponent(here)}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    await acceptInvitation({ token: params.token ?? "", user, now: now() });
    return redirect("/producteur");
  } catch (error) {
    return formFailure(error, localeOf(request, user.locale));
  }
}

export default function InvitationPage() {
  const { invitation, signedInAs, loginUrl, signupUrl } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold text-sea-900">{t("organisations.invitation.title", { organisation: invitation.organisationName })}</h1>
      <p>{t("organisations.invitation.intro", { email: invitation.email, date: dateTime(invitation.expiresAt, locale) })}</p>
      <div className="mt-4">
        <FormAlert message={failure?.message} />
      </div>
      {signedInAs === null ? (
        <ul className="mt-4 space-y-3">
          <li><Link to={loginUrl} className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("organisations.invitation.login")}</Link></li>
          <li><Link to={signupUrl} className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("organisations.invitation.signup")}</Link></li>
        </ul>
      ) : signedInAs !== invitation.email ? (
        <FormAlert message={t("organisations.invitation.otherAccount", { email: invitation.email, current: signedInAs })} />
      ) : (
        <Form method="post" className="mt-4">
          <PrimaryButton disabled={busy}>{t("organisations.invitation.accept")}</PrimaryButton>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
