import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { MAX_PHOTO_BYTES, photoUrl } from "~/domain/catalog/product-photo";
import { isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { addOrganisationPhoto, MAX_ORGANISATION_PHOTOS } from "~/domain/organisations/add-organisation-photo.server";
import { removeOrganisationPhoto } from "~/domain/organisations/remove-organisation-photo.server";
import { getOwnOrganisation } from "~/domain/organisations/get-own-organisation.server";
import { inviteMember, inviteMemberSchema } from "~/domain/organisations/invite-member.server";
import { parseOrganisationProfile } from "~/domain/organisations/organisation-input";
import { updateOrganisation } from "~/domain/organisations/update-organisation.server";
import { communes } from "~/domain/reference/reference-data";
import { now } from "~/http/clock.server";
import { domainErrorMessage, formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { readPhotoUpload } from "~/http/photo-upload.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { appUrl } from "~/http/request-context.server";
import { translate, type Locale, type MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { Field, FormAlert, PrimaryButton, SecondaryButton } from "~/ui/form";
import { dateTime } from "~/ui/format";
import { OrganisationProfileFields } from "~/ui/organisation-profile-fields";

export const meta: MetaFunction = () => [{ title: "Mon organisation — Terre & Mer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const organisation = await getOwnOrganisation({ organisationId: producer.id, userId: user.id, now: now() });
  if (!organisation) throw new Response("Not found", { status: 404 });
  return {
    organisation,
    communes: communes.map(({ inseeCode, name, postalCode }) => ({ inseeCode, name, postalCode })),
    maxPhotos: MAX_ORGANISATION_PHOTOS,
    maxMegabytes: Math.round(MAX_PHOTO_BYTES / (1024 * 1024)),
  };
}

type Done = { ok: true; intent: "profile" | "invite" | "photo"; message: string };

/** A refusal the form shows beside one field, in that field's words. */
function fieldFailure(field: string, key: MessageKey, locale: Locale) {
  const body: FormFailure = { ok: false, message: translate(locale, "error.invalid"), fieldErrors: { [field]: translate(locale, key) } };
  return data(body, { status: 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    try {
      const upload = await readPhotoUpload(request, { fieldName: "photo", maxBytes: MAX_PHOTO_BYTES });
      await addOrganisationPhoto({ organisationId: producer.id, userId: user.id, bytes: upload.bytes, now: now() });
      return { ok: true, intent: "photo", message: translate(locale, "organisations.photos.added") } satisfies Done;
    } catch (error) {
      if (isDomainError(error) && error.code === "invalid") {
        return fieldFailure("photo", error.details.field === "photos" ? "organisations.photos.tooMany" : "organisations.photos.required", locale);
      }
      if (isDomainError(error) && (error.code === "file_too_large" || error.code === "file_type_refused")) {
        const failure: FormFailure = { ok: false, message: domainErrorMessage(error, locale), fieldErrors: { photo: domainErrorMessage(error, locale) } };
        return data(failure, { status: error.code === "file_too_large" ? 413 : 415 });
      }
      return formFailure(error, locale);
    }
  }
  const form = await readForm(request);
  try {
    if (form.intent === "remove-photo") {
      const photoId = idField.safeParse(form.photoId);
      if (!photoId.success) return invalidForm(photoId.error, locale);
      await removeOrganisationPhoto({ organisationId: producer.id, userId: user.id, photoId: photoId.data });
      return { ok: true, intent: "photo", message: translate(locale, "organisations.photos.removed") } satisfies Done;
    }
    if (form.intent === "invite") {
      const parsed = inviteMemberSchema.safeParse(form);
      if (!parsed.success) return invalidForm(parsed.error, locale);
      await inviteMember({ organisationId: producer.id, inviter: user, email: parsed.data.email, now: now(), appUrl: appUrl() });
      return { ok: true, intent: "invite", message: translate(locale, "organisations.invite.sent", { email: parsed.data.email }) } satisfies Done;
    }
    const parsed = parseOrganisationProfile(form);
    if (!parsed.success) return invalidForm(parsed.error, locale);
    const result = await updateOrganisation({ organisationId: producer.id, userId: user.id, profile: parsed.data, now: now(), appUrl: appUrl() });
    return { ok: true, intent: "profile", message: translate(locale, result.resubmitted ? "organisations.profile.resubmitted" : "organisations.profile.saved") } satisfies Done;
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function OrganisationPage() {
  const { organisation, communes, maxPhotos, maxMegabytes } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | Done>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const failure = result && !result.ok ? result : undefined;
  const inviteFailed = failure && "email" in failure.fieldErrors;
  const photoFailed = failure && "photo" in failure.fieldErrors;
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("organisations.page.title")}</h1>
      {params.get("creee") ? <FormAlert tone="success" message={t("organisations.create.done")} /> : null}

      <section aria-labelledby="status-title" className="mt-4">
        <h2 id="status-title" className="text-xl font-bold text-sea-900">{t("organisations.status.title")}</h2>
        <div className={`mt-2 rounded-lg p-3 ${organisation.status === "verified" ? "bg-sea-50" : organisation.status === "refused" ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-900"}`}>
          <p className="font-semibold">{t(`organisations.status.${organisation.status}`)}</p>
          {organisation.reviewRequestedAt ? <p className="mt-1">{t("accountsEmail.review.ownNotice")}</p> : null}
          {organisation.status === "refused" && organisation.refusalReason ? (
            <p className="mt-1">{t("organisations.status.reason", { reason: organisation.refusalReason })}</p>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="profile-title" className="mt-8">
        <h2 id="profile-title" className="mb-3 text-xl font-bold text-sea-900">{t("organisations.profile.title")}</h2>
        {result?.ok && result.intent === "profile" ? <FormAlert tone="success" message={result.message} /> : null}
        {failure && !inviteFailed && !photoFailed ? <FormAlert message={failure.message} /> : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="profile" />
          <OrganisationProfileFields values={organisation} errors={inviteFailed ? {} : (failure?.fieldErrors ?? {})} communes={communes} />
          <PrimaryButton disabled={busy}>{organisation.status === "refused" ? t("organisations.profile.resubmit") : t("organisations.profile.save")}</PrimaryButton>
        </Form>
      </section>

      <section aria-labelledby="photos-title" className="mt-10">
        <h2 id="photos-title" className="text-xl font-bold text-sea-900">{t("organisations.photos.title")}</h2>
        {result?.ok && result.intent === "photo" ? <FormAlert tone="success" message={result.message} /> : null}
        {organisation.photos.length === 0 ? <p className="mt-2">{t("organisations.photos.none")}</p> : null}
        <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3">
          {organisation.photos.map((photo, index) => (
            <li key={photo.id} className="rounded-lg border border-slate-300 bg-white p-2">
              <img src={photoUrl(photo.id, 640)} width={photo.width} height={photo.height} alt={t("organisations.photos.alt", { name: organisation.name, number: index + 1 })} className="h-auto w-full rounded" loading="lazy" />
              <Form method="post" className="mt-2">
                <input type="hidden" name="photoId" value={photo.id} />
                <SecondaryButton name="intent" value="remove-photo" disabled={busy} aria-label={t("organisations.photos.removeNamed", { number: index + 1 })}>{t("organisations.photos.remove")}</SecondaryButton>
              </Form>
            </li>
          ))}
        </ul>
        {organisation.photos.length < maxPhotos ? (
          <Form method="post" encType="multipart/form-data" className="mt-3">
            <div className="mb-4">
              <label htmlFor="field-photo" className="block font-semibold text-slate-900">{t("organisations.photos.label")}</label>
              <p id="field-photo-hint" className="text-sm text-slate-700">{t("organisations.photos.hint", { megabytes: maxMegabytes, count: maxPhotos })}</p>
              <input
                id="field-photo"
                name="photo"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                required
                aria-invalid={photoFailed ? true : undefined}
                aria-describedby={photoFailed ? "field-photo-hint field-photo-error" : "field-photo-hint"}
                className="mt-1 block min-h-11 w-full text-base"
              />
              {photoFailed ? <p id="field-photo-error" role="alert" className="mt-1 text-sm font-semibold text-red-800">{failure.fieldErrors.photo}</p> : null}
            </div>
            <PrimaryButton disabled={busy}>{t("organisations.photos.add")}</PrimaryButton>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="members-title" className="mt-10">
        <h2 id="members-title" className="text-xl font-bold text-sea-900">{t("organisations.members.title")}</h2>
        <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white">
          {organisation.members.map((member) => (
            <li key={member.email} className="p-3">
              <span className="font-semibold">{member.name}</span> <span className="break-all text-sm text-slate-700">{member.email}</span>
            </li>
          ))}
        </ul>
        {organisation.invitations.length > 0 ? (
          <>
            <h3 className="mt-4 font-bold">{t("organisations.invite.pending")}</h3>
            <ul className="mt-1 list-disc pl-6">
              {organisation.invitations.map((invitation) => (
                <li key={invitation.id} className="break-all">{t("organisations.invite.until", { email: invitation.email, date: dateTime(invitation.expiresAt, locale) })}</li>
              ))}
            </ul>
          </>
        ) : null}
        <h3 className="mt-6 font-bold">{t("organisations.invite.title")}</h3>
        {result?.ok && result.intent === "invite" ? <FormAlert tone="success" message={result.message} /> : null}
        {inviteFailed ? <FormAlert message={failure.message} /> : null}
        {organisation.canInvite ? (
          <Form method="post" noValidate className="mt-2">
            <input type="hidden" name="intent" value="invite" />
            <Field name="email" type="email" label={t("organisations.invite.email")} hint={t("organisations.invite.hint")} required error={inviteFailed ? failure.fieldErrors.email : undefined} id="invite-email" />
            <PrimaryButton disabled={busy}>{t("organisations.invite.submit")}</PrimaryButton>
          </Form>
        ) : (
          <p className="mt-2">{t("accountsEmail.invitation.notVerified")}</p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
