import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { MAX_PHOTO_BYTES, PHOTO_MAX_SIDE, photoUrl } from "~/domain/catalog/product-photo";
import { attachLotPhoto } from "~/domain/donations/attach-lot-photo.server";
import { confirmPickup, confirmPickupSchema } from "~/domain/donations/confirm-pickup.server";
import { countedQuantityText, temperatureText, unitWord } from "~/domain/donations/donation-format";
import { storageNames } from "~/domain/donations/donation-quantity";
import { getDonorLot } from "~/domain/donations/list-donor-lots.server";
import { decimalFromText } from "~/domain/donations/lot-form";
import { needsHandOverTemperature } from "~/domain/donations/pickup-rules";
import { donorLotState } from "~/domain/donations/unsold-stock";
import { withdrawLot } from "~/domain/donations/withdraw-lot.server";
import { DomainError, isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { formatParis } from "~/domain/time/paris";
import { now } from "~/http/clock.server";
import { domainErrorMessage, domainErrorStatus, fieldErrors, pageError, translateIssues } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { readPhotoUpload } from "~/http/photo-upload.server";
import { requireProducer } from "~/http/producer.server";
import { translate, type Locale } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ClaimStatusBadge, LotStateBadge } from "~/ui/donor-lot";
import { ErrorPage } from "~/ui/error-page";
import { asDate, dateTime, euros } from "~/ui/format";
import { Field, FormAlert, PrimaryButton, SecondaryButton } from "~/ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.lot.productName ?? "Lot"} — Terre & Mer` }];

/** The lot of the URL, the signed-in donor's own; anything else is a 404 that tells nothing. */
async function ownLot(request: Request, donorId: string, param: string | undefined) {
  const id = idField.safeParse(param);
  const lot = id.success ? await getDonorLot({ donorId, lotId: id.data }) : null;
  if (!lot) throw pageError(request, new DomainError("not_found"));
  return lot;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const lot = await ownLot(request, producer.id, params.id);
  const { claims, costPriceCents, offerId, ...facts } = lot;
  return {
    lot: { ...facts, state: donorLotState(lot, now()) },
    claims: claims.map((claim) => ({
      id: claim.id,
      charityName: claim.charityName,
      quantityMilli: claim.quantityMilli,
      status: claim.status,
      collectedAt: claim.collectedAt,
      temperatureDeciC: claim.temperatureDeciC,
    })),
    fromUnsold: offerId !== null,
    costPriceCents,
  };
}

type ActionResult = { ok: false; target: string; message: string; fieldErrors: Record<string, string> };

function refused(target: string, message: string, status: number, errors: Record<string, string> = {}) {
  return data<ActionResult>({ ok: false, target, message, fieldErrors: errors }, { status });
}

function refusedBy(target: string, error: unknown, locale: Locale) {
  if (!isDomainError(error)) throw error;
  const message = domainErrorMessage(error, locale);
  return refused(target, message, domainErrorStatus(error.code), error.details.field ? { [error.details.field]: message } : {});
}

/** The hand-over of one reservation, the photo, and withdrawing the lot. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  // Ownership first: another producer learns nothing, not even whether their input was valid.
  const lot = await ownLot(request, producer.id, params.id);
  const here = `/producteur/dons/${lot.id}`;

  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    try {
      const upload = await readPhotoUpload(request, { fieldName: "photo", maxBytes: MAX_PHOTO_BYTES });
      await attachLotPhoto({ donorId: producer.id, lotId: lot.id, bytes: upload.bytes, now: now() });
      return redirect(`${here}?photo=1`);
    } catch (error) {
      return refusedBy("photo", error, locale);
    }
  }

  const form = await readForm(request);
  if (form.intent === "pickup") {
    const target = form.claimId ?? "";
    // Only this lot's reservations are handed over from this page.
    if (!lot.claims.some((claim) => claim.id === target)) return refused(target, translate(locale, "error.not_found"), 404);
    const parsed = confirmPickupSchema.safeParse({ pickupCode: form.pickupCode ?? "", temperatureC: decimalFromText(form.temperatureC) });
    if (!parsed.success) {
      const errors = fieldErrors(translateIssues(parsed.error, locale));
      return refused(target, Object.values(errors)[0] ?? translate(locale, "error.invalid"), 400, errors);
    }
    try {
      await confirmPickup({ ...parsed.data, claimId: target, donorId: producer.id, userId: user.id, now: now() });
      return redirect(`${here}?remis=${encodeURIComponent(target)}`);
    } catch (error) {
      return refusedBy(target, error, locale);
    }
  }
  if (form.intent === "withdraw") {
    try {
      await withdrawLot({ donorId: producer.id, lotId: lot.id, now: now() });
      return redirect(`${here}?retire=1`);
    } catch (error) {
      return refusedBy("withdraw", error, locale);
    }
  }
  return refused("intent", translate(locale, "donor.field.intent"), 400, { intent: translate(locale, "donor.field.intent") });
}

const box = "mt-6 rounded-xl border border-slate-300 bg-white p-4";

/** The cost price is per one unit: "par pièce", never "par pièces". */
const ONE_UNIT_MILLI = 1000;

export default function DonorLotPage() {
  const { lot, claims, fromUnsold, costPriceCents } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state !== "idle";
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const handedOver = params.get("remis");
  const notice = result
    ? null
    : params.get("publie") === "1"
      ? t("donor.lot.published")
      : params.get("retire") === "1"
        ? t("donor.lot.withdrawn")
        : params.get("photo") === "1"
          ? t("donor.photo.saved")
          : handedOver && claims.some((claim) => claim.id === handedOver && claim.status === "COLLECTED")
            ? t("donor.pickup.done")
            : null;
  const reserved = claims.filter((claim) => claim.status === "RESERVED");
  const needsTemperature = needsHandOverTemperature(lot.storage);

  return (
    <div className="mx-auto max-w-2xl">
      <p className="print:hidden"><Link to="/producteur/dons" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("donor.back")}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{lot.productName}</h1>
      <p className="mt-2"><LotStateBadge state={lot.state} /></p>
      <div className="mt-3">
        {notice ? <FormAlert tone="success" message={notice} /> : null}
        {result && (result.target === "withdraw" || result.target === "intent") ? <FormAlert message={result.message} /> : null}
      </div>

      <section className={box} aria-labelledby="facts-title">
        <h2 id="facts-title" className="text-lg font-bold text-sea-900">{t("donor.lot.facts")}</h2>
        {lot.photo ? (
          <img src={photoUrl(lot.photo.id, 640)} width={lot.photo.width} height={lot.photo.height} alt={t("donor.photo.alt", { name: lot.productName })} className="mt-2 h-auto max-h-64 w-auto max-w-full rounded-lg" />
        ) : null}
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("donor.lot.quantity")}</dt>
          <dd>{countedQuantityText(lot.quantityMilli, lot.unit, locale)}</dd>
          <dt className="font-semibold">{t("donor.lot.claimed")}</dt>
          <dd>{t("donor.lot.claimedOf", { claimed: countedQuantityText(lot.claimedMilli, lot.unit, locale), total: countedQuantityText(lot.quantityMilli, lot.unit, locale) })}</dd>
          <dt className="font-semibold">{t("donor.field.storage.label")}</dt>
          <dd>{t(`donor.storage.${storageNames[lot.storage]}`)}</dd>
          {lot.useBy ? (
            <>
              <dt className="font-semibold">{t("donor.field.useBy.label")}</dt>
              <dd>{formatParis(asDate(`${lot.useBy}T12:00:00Z`), locale, "d MMMM yyyy")}</dd>
            </>
          ) : null}
          {lot.bestBefore ? (
            <>
              <dt className="font-semibold">{t("donor.field.bestBefore.label")}</dt>
              <dd>{formatParis(asDate(`${lot.bestBefore}T12:00:00Z`), locale, "d MMMM yyyy")}</dd>
            </>
          ) : null}
          {lot.lotNumber ? (
            <>
              <dt className="font-semibold">{t("donor.field.lotNumber.label")}</dt>
              <dd>{lot.lotNumber}</dd>
            </>
          ) : null}
          {lot.rawFishery ? (
            <>
              <dt className="font-semibold">{t("donor.field.rawFishery.label")}</dt>
              <dd>{t("donor.yes")}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t("donor.lot.place")}</dt>
          <dd>{lot.pickupPlace}</dd>
          <dt className="font-semibold">{t("donor.lot.window")}</dt>
          <dd>{t("donor.lot.windowText", { start: dateTime(lot.pickupStart, locale), end: dateTime(lot.pickupEnd, locale) })}</dd>
          <dt className="font-semibold">{t("donor.lot.costPrice")}</dt>
          <dd>{t("donor.lot.costPriceText", { price: euros(costPriceCents, locale), unit: unitWord(lot.unit, ONE_UNIT_MILLI, locale) })}</dd>
          {fromUnsold ? (
            <>
              <dt className="font-semibold">{t("donor.lot.origin")}</dt>
              <dd>{t("donor.lot.fromUnsold")}</dd>
            </>
          ) : null}
        </dl>
        {lot.description ? <p className="mt-2 whitespace-pre-line">{lot.description}</p> : null}
      </section>

      <section className={box} aria-labelledby="claims-title">
        <h2 id="claims-title" className="text-lg font-bold text-sea-900">{t("donor.claims.title")}</h2>
        {claims.length === 0 ? <p className="mt-2">{t("donor.claims.none")}</p> : null}
        <ul className="mt-2 space-y-4">
          {claims.map((claim) => {
            const failure = result && result.target === claim.id ? result : null;
            const codeId = `code-${claim.id}`;
            const temperatureId = `temperature-${claim.id}`;
            return (
              <li key={claim.id} className="rounded-lg border border-slate-200 p-3">
                <h3 className="font-bold">{claim.charityName}</h3>
                <p className="mt-1 flex flex-wrap items-center gap-x-3">
                  <span>{countedQuantityText(claim.quantityMilli, lot.unit, locale)}</span>
                  <ClaimStatusBadge status={claim.status} />
                </p>
                {claim.status === "COLLECTED" && claim.collectedAt ? (
                  <>
                    <p className="mt-2">
                      {t("donor.pickup.collectedAt", { date: formatParis(asDate(claim.collectedAt), locale, "d MMMM yyyy"), time: formatParis(asDate(claim.collectedAt), locale, "HH:mm") })}
                      {claim.temperatureDeciC !== null ? `, ${temperatureText(claim.temperatureDeciC, locale)}` : ""}
                    </p>
                    <p className="mt-2 flex flex-wrap gap-x-4 print:hidden">
                      <a href={`/dons/bordereau/${claim.id}.pdf`} className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("donor.slip.pdf")}</a>
                      <Link to={`/dons/bordereau/${claim.id}`} className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("donor.slip.page")}</Link>
                    </p>
                  </>
                ) : null}
                {claim.status === "RESERVED" ? (
                  <Form method="post" noValidate className="mt-3 print:hidden" aria-label={t("donor.pickup.formLabel", { charity: claim.charityName })}>
                    <input type="hidden" name="intent" value="pickup" />
                    <input type="hidden" name="claimId" value={claim.id} />
                    {failure ? <FormAlert message={failure.message} /> : null}
                    <div className="grid gap-x-4 sm:grid-cols-2">
                      <Field
                        id={codeId}
                        name="pickupCode"
                        label={t("donor.pickup.code.label", { charity: claim.charityName })}
                        hint={t("donor.pickup.code.hint")}
                        inputMode="numeric"
                        autoComplete="off"
                        pattern="[0-9]{6}"
                        maxLength={6}
                        error={failure?.fieldErrors.pickupCode}
                        required
                      />
                      <Field
                        id={temperatureId}
                        name="temperatureC"
                        label={t("donor.pickup.temperature.label", { charity: claim.charityName })}
                        hint={t(needsTemperature ? "donor.pickup.temperature.required" : "donor.pickup.temperature.optional")}
                        inputMode="decimal"
                        autoComplete="off"
                        error={failure?.fieldErrors.temperatureC}
                        required={needsTemperature}
                      />
                    </div>
                    <PrimaryButton disabled={busy}>{t("donor.pickup.submit")}</PrimaryButton>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
        {reserved.length > 0 ? <p className="mt-3 text-sm text-slate-700">{t("donor.pickup.codeNote")}</p> : null}
      </section>

      {lot.state === "open" || lot.state === "all_claimed" ? (
        <section className={`${box} print:hidden`} aria-labelledby="photo-title">
          <h2 id="photo-title" className="text-lg font-bold text-sea-900">{t("donor.photo.title")}</h2>
          <Form method="post" encType="multipart/form-data" className="mt-2">
            <label htmlFor="field-photo" className="block font-semibold">{t("donor.photo.label")}</label>
            <p id="field-photo-hint" className="text-sm text-slate-700">{t("donor.photo.hint", { megabytes: MAX_PHOTO_BYTES / (1024 * 1024), pixels: PHOTO_MAX_SIDE })}</p>
            {result && result.target === "photo" ? <FormAlert message={result.message} /> : null}
            <input id="field-photo" type="file" name="photo" accept="image/jpeg,image/png,image/webp" aria-describedby="field-photo-hint" className="mt-1 block min-h-11 w-full text-base" />
            <div className="mt-3"><PrimaryButton disabled={busy}>{t("donor.photo.upload")}</PrimaryButton></div>
          </Form>
        </section>
      ) : null}

      {lot.status === "OPEN" ? (
        <section className={`${box} print:hidden`} aria-labelledby="withdraw-title">
          <h2 id="withdraw-title" className="text-lg font-bold text-sea-900">{t("donor.withdraw.title")}</h2>
          <p className="mt-2 text-sm">{t("donor.withdraw.hint")}</p>
          {reserved.length > 0 ? <p className="mt-2 rounded-lg bg-amber-50 p-3 text-sm font-semibold text-amber-900">{t("donor.withdraw.reserved", { count: reserved.length })}</p> : null}
          <Form method="post" className="mt-3">
            <SecondaryButton name="intent" value="withdraw" disabled={busy}>{t("donor.withdraw.button")}</SecondaryButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
