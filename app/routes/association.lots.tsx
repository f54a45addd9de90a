import { QUANTITY_UNITS, typedNumber } from "~/domain/typed-number";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { claimLot } from "~/domain/donations/claim-lot.server";
import { unitName, unitsText } from "~/domain/donations/donation-format";
import { listClaimableLots, lotUnit } from "~/domain/donations/list-claimable-lots.server";
import { photoUrl } from "~/domain/catalog/product-photo";
import { claimLotSchema } from "~/domain/donations/lot-input";
import { DomainError, isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { requireCharity } from "~/http/charity.server";
import { now } from "~/http/clock.server";
import { domainErrorMessage, domainErrorStatus, translateIssues } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { translate, type Locale } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros } from "~/ui/format";
import { FormAlert } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Lots à réserver — Terre & Mer" }];

/** The lots this charity may claim now; a charity not verified yet reads why it sees none. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { charity } = await requireCharity(request);
  if (!charity.verified) return { verified: false, lots: [] };
  const lots = await listClaimableLots({ charityId: charity.id, now: now() });
  return {
    verified: true,
    lots: lots.map((lot) => ({
      id: lot.id,
      productName: lot.productName,
      description: lot.description,
      unit: lot.unit,
      quantity: lot.quantityMilli / 1000,
      remaining: lot.remainingMilli / 1000,
      storage: lot.storage,
      useBy: lot.useBy,
      bestBefore: lot.bestBefore,
      lotNumber: lot.lotNumber,
      rawFishery: lot.rawFishery,
      pickupPlace: lot.pickupPlace,
      pickupStart: lot.pickupStart.toISOString(),
      pickupEnd: lot.pickupEnd.toISOString(),
      contributionCentsPerUnit: lot.contributionCentsPerUnit,
      photoId: lot.photoId,
      donorName: lot.donor.name,
    })),
  };
}

/** A quantity typed on a phone: "2,5" or "2.5"; anything else goes to zod as typed, to be refused. */
const claimFormSchema = z.object({
  quantity: z.preprocess((value) => typedNumber(value, QUANTITY_UNITS), claimLotSchema.shape.quantity),
});

type ActionResult = { ok: false; target: string; message: string; fieldErrors: Record<string, string> };

function refused(target: string, message: string, status: number, fieldErrors: Record<string, string> = {}) {
  return data<ActionResult>({ ok: false, target, message, fieldErrors }, { status });
}

/** A claim from the list: the pickup code is shown on the pickups page; a refusal beside its lot. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, charity } = await requireCharity(request, { verified: true });
  const locale = localeOf(request, user.locale);
  const form = await readForm(request);
  const lotId = idField.safeParse(form.lotId);
  if (!lotId.success) return refused("", translate(locale, "error.not_found"), 404);
  const target = lotId.data;
  if (form.intent !== "claim") return refused(target, translate(locale, "claiming.field.intent"), 400);

  const parsed = claimFormSchema.safeParse(form);
  if (!parsed.success) {
    const message = translateIssues(parsed.error, locale)[0]?.message ?? translate(locale, "error.invalid");
    return refused(target, message, 400, { quantity: message });
  }
  try {
    const claim = await claimLot({ input: parsed.data, lotId: target, charity, claimedById: user.id, now: now() });
    return redirect(`/association/retraits?reserve=${claim.id}`);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "exceeds_remaining") {
      const remaining = error.details.remaining ?? 0;
      const unit = await lotUnit(target);
      const message =
        remaining <= 0 || !unit
          ? translate(locale, "claiming.claim.none_left")
          : translate(locale, "claiming.claim.exceeds_remaining", { remaining: unitsText(remaining, unit, locale) });
      return refused(target, message, 409, { quantity: message });
    }
    const message = domainErrorMessage(error, locale);
    const status = domainErrorStatus(error.code);
    return refused(target, message, status, error.details.field ? { [error.details.field]: message } : {});
  }
}

export default function LotsToClaim() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const t = useT();
  const orphan = result && !page.lots.some((lot) => lot.id === result.target) ? result.message : null;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("claiming.lots.title")}</h1>
      {!page.verified ? (
        <p role="status" className="mt-4 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 font-medium text-amber-900">{t("donations.claim.not_verified")}</p>
      ) : (
        <>
          <p className="mt-1">{t("claiming.lots.intro")}</p>
          {orphan ? (
            <div className="mt-4"><FormAlert message={orphan} /></div>
          ) : null}
          {page.lots.length === 0 ? <p className="mt-4">{t("claiming.lots.none")}</p> : null}
          <ul className="mt-4 space-y-4">
            {page.lots.map((lot) => (
              <LotCard key={lot.id} lot={lot} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type PageLot = ReturnType<typeof useLoaderData<typeof loader>>["lots"][number];

function LotCard({ lot }: { lot: PageLot }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const result = useActionData<ActionResult>();
  const answer = result && result.target === lot.id ? result : null;
  const error = answer?.fieldErrors.quantity;
  const inputId = `quantite-${lot.id}`;
  const headingId = `lot-${lot.id}`;
  const unit = unitName(lot.unit, locale);
  const decimal = (value: number) => String(value).replace(".", locale === "fr" ? "," : ".");
  return (
    <li>
      <article aria-labelledby={headingId} className="rounded-xl border border-slate-300 bg-white p-4">
        <div className="flex flex-wrap gap-4">
          {lot.photoId ? (
            <img src={photoUrl(lot.photoId, 320)} alt={t("claiming.lots.photoAlt", { product: lot.productName })} className="h-24 w-24 shrink-0 rounded-lg object-cover" loading="lazy" />
          ) : null}
          <div className="min-w-0 flex-1">
            <h2 id={headingId} className="text-lg font-bold text-sea-900">{lot.productName}</h2>
            <p className="text-sm">{t("claiming.lots.donor")} : <span className="font-semibold">{lot.donorName}</span></p>
            <p className="mt-1 flex flex-wrap gap-2">
              {lot.rawFishery ? <span className="rounded bg-sea-100 px-2 py-0.5 text-sm font-semibold text-sea-900">{t("claiming.lots.rawFishery")}</span> : null}
              {lot.storage === "FROZEN" ? <span className="rounded bg-sky-100 px-2 py-0.5 text-sm font-semibold text-sky-900">{t("claiming.lots.frozen")}</span> : null}
              {lot.contributionCentsPerUnit !== null ? <span className="rounded bg-earth-50 px-2 py-0.5 text-sm font-semibold text-earth-700">{t("claiming.lots.seaBasket")}</span> : null}
            </p>
          </div>
        </div>
        {lot.description ? <p className="mt-2">{lot.description}</p> : null}
        <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("claiming.lots.remaining")}</dt>
          <dd className="text-lg font-bold">
            {unitsText(lot.remaining, lot.unit, locale)}{" "}
            {lot.remaining !== lot.quantity ? <span className="text-sm font-normal">{t("claiming.lots.ofTotal", { total: unitsText(lot.quantity, lot.unit, locale) })}</span> : null}
          </dd>
          <dt className="font-semibold">{t("claiming.lots.storage")}</dt>
          <dd>{t(`claiming.storage.${lot.storage}`)}</dd>
          {lot.useBy ? (
            <>
              <dt className="font-semibold">{t("claiming.lots.useBy")}</dt>
              <dd>{isoDateText(lot.useBy, locale)}</dd>
            </>
          ) : null}
          {lot.bestBefore ? (
            <>
              <dt className="font-semibold">{t("claiming.lots.bestBefore")}</dt>
              <dd>{isoDateText(lot.bestBefore, locale)}</dd>
            </>
          ) : null}
          {lot.lotNumber ? (
            <>
              <dt className="font-semibold">{t("claiming.lots.lotNumber")}</dt>
              <dd>{lot.lotNumber}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t("claiming.lots.place")}</dt>
          <dd>{lot.pickupPlace}</dd>
          <dt className="font-semibold">{t("claiming.lots.window")}</dt>
          <dd>{t("claiming.lots.windowValue", { start: dateTime(lot.pickupStart, locale), end: dateTime(lot.pickupEnd, locale) })}</dd>
          {lot.contributionCentsPerUnit !== null ? (
            <>
              <dt className="font-semibold">{t("claiming.lots.seaBasket")}</dt>
              <dd>{t("claiming.lots.contribution", { amount: euros(lot.contributionCentsPerUnit, locale), unit })}</dd>
            </>
          ) : null}
        </dl>
        <Form method="post" preventScrollReset className="mt-3 flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="claim" />
          <input type="hidden" name="lotId" value={lot.id} />
          <span className="flex flex-col">
            <label htmlFor={inputId} className="font-semibold">{t("claiming.claim.quantity", { unit })}</label>
            <span id={`${inputId}-hint`} className="text-sm text-slate-700">{t("claiming.claim.quantityHint")}</span>
            <input
              key={lot.remaining}
              id={inputId}
              name="quantity"
              inputMode="decimal"
              autoComplete="off"
              required
              defaultValue={decimal(lot.remaining)}
              aria-invalid={error ? true : undefined}
              aria-describedby={[`${inputId}-hint`, error ? `${inputId}-error` : null].filter(Boolean).join(" ")}
              className="mt-1 w-32 rounded-lg border border-slate-400 px-3 py-2 text-lg aria-[invalid]:border-red-700"
            />
          </span>
          <button type="submit" disabled={busy} className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-5 py-2 font-semibold text-white hover:bg-sea-800 disabled:opacity-60">
            {t("claiming.claim.submit")}
          </button>
        </Form>
        {answer ? (
          <p id={error ? `${inputId}-error` : undefined} role="alert" className="mt-2 rounded-lg border-l-4 border-red-700 bg-red-50 p-2 font-medium text-red-900">
            {answer.message}
          </p>
        ) : null}
      </article>
    </li>
  );
}

/** "2026-12-01" → "1 déc. 2026" / "1 Dec 2026", without any time zone shift. */
function isoDateText(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return new Date(Date.UTC(year, month - 1, day, 12)).toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
