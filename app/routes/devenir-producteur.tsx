import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createProducerOrganisation } from "~/domain/organisations/create-producer-organisation.server";
import { parseOrganisationProfile } from "~/domain/organisations/organisation-input";
import { communes } from "~/domain/reference/reference-data";
import { requireUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";
import { OrganisationProfileFields } from "~/ui/organisation-profile-fields";

export const meta: MetaFunction = () => [{ title: "Devenir producteur — Terre & Mer" }];

function isProducer(memberships: ReadonlyArray<{ role: string }>): boolean {
  return memberships.some((membership) => membership.role === "PRODUCER");
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    alreadyProducer: isProducer(user.memberships),
    communes: communes.map(({ inseeCode, name, postalCode }) => ({ inseeCode, name, postalCode })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const locale = localeOf(request, user.locale);
  const parsed = parseOrganisationProfile(await readForm(request));
  if (!parsed.success) return invalidForm(parsed.error, locale);
  try {
    await createProducerOrganisation({ userId: user.id, profile: parsed.data, now: now(), appUrl: appUrl() });
    return redirect("/producteur/organisation?creee=1");
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function BecomeProducerPage() {
  const { alreadyProducer, communes } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-2 text-2xl font-bold text-sea-900">{t("organisations.create.title")}</h1>
      {alreadyProducer ? (
        <p className="mt-4">
          {t("organisations.create.already")}{" "}
          <Link to="/producteur" className="font-semibold text-sea-700 underline">{t("organisations.create.openSpace")}</Link>
        </p>
      ) : (
        <>
          <p className="mb-6">{t("organisations.create.intro")}</p>
          <FormAlert message={failure?.message} />
          <Form method="post" noValidate>
            <OrganisationProfileFields values={{}} errors={failure?.fieldErrors ?? {}} communes={communes} />
            <PrimaryButton disabled={busy}>{t("organisations.create.submit")}</PrimaryButton>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
