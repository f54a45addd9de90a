import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { cancelClaim } from "~/domain/donations/cancel-claim.server";
import { byPickupStart, isCancellable } from "~/domain/donations/claim-rules";
import { degreesText, quantityText, unitsText } from "~/domain/donations/donation-format";
import { listCharityClaimViews, type CharityClaimView } from "~/domain/donations/list-claims.server";
import { isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { requireCharity } from "~/http/charity.server";
import { now } from "~/http/clock.server";
import { domainErrorMessage, domainErrorStatus } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros } from "~/ui/format";
import { FormAlert } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Mes retraits — Terre & Mer" }];

const GROUPS = ["reserved", "collected", "missed", "cancelled"] as const;
type Group = (typeof GROUPS)[number];

function pageClaim(claim: CharityClaimView, at: Date) {
  return {
    id: claim.id,
    productName: claim.productName,
    lotNumber: claim.lotNumber,
    quantity: claim.quantity,
    unit: claim.unitCode,
    status: claim.status,
    pickupCode: claim.status === "reserved" ? claim.pickupCode : null,
    pickupPlace: claim.pickupPlace,
    pickupStart: claim.pickupStart.toISOString(),
    pickupEnd: claim.pickupEnd.toISOString(),
    collectedAt: claim.collectedAt?.toISOString() ?? null,
    temperatureC: claim.temperatureC,
    contributionCents: claim.contributionCents,
    donorName: claim.donor.name,
    donorPhone: claim.donorPhone,
    cancellable: isCancellable(claim, at),
  };
}

/** The charity's own claims: to collect first (soonest pickup first) with their codes, then the past ones. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { charity } = await requireCharity(request);
  const at = now();
  const views = await listCharityClaimViews(charity.id);
  const claims = views.map((claim) => pageClaim(claim, at));
  const reserved = views
    .filter((claim) => claim.status === "reserved")
    .sort(byPickupStart)
    .map((claim) => pageClaim(claim, at));
  const reservedId = new URL(request.url).searchParams.get("reserve");
  return {
    groups: {
      reserved,
      collected: claims.filter((claim) => claim.status === "collected"),
      missed: claims.filter((claim) => claim.status === "missed"),
      cancelled: claims.filter((claim) => claim.status === "cancelled"),
    } satisfies Record<Group, unknown>,
    justReserved: reserved.find((claim) => claim.id === reservedId) ?? null,
  };
}

type ActionResult = { ok: boolean; target: string; message: string };

/** Cancelling a reservation: the quantity goes back to the lot, the donor is told. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, charity } = await requireCharity(request);
  const locale = localeOf(request, user.locale);
  const form = await readForm(request);
  const claimId = idField.safeParse(form.claimId);
  if (!claimId.success) return data<ActionResult>({ ok: false, target: "", message: translate(locale, "error.not_found") }, { status: 404 });
  if (form.intent !== "cancel") return data<ActionResult>({ ok: false, target: claimId.data, message: translate(locale, "claiming.field.intent") }, { status: 400 });
  try {
    const cancelled = await cancelClaim({ claimId: claimId.data, charityId: charity.id, now: now() });
    const quantity = quantityText(cancelled.quantityMilli, cancelled.unit, locale);
    return { ok: true, target: cancelled.id, message: translate(locale, "claiming.cancel.done", { quantity }) } satisfies ActionResult;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return data<ActionResult>({ ok: false, target: claimId.data, message: domainErrorMessage(error, locale) }, { status: domainErrorStatus(error.code) });
  }
}

const GROUP_TITLES = {
  reserved: "claiming.claims.reserved",
  collected: "claiming.claims.collected",
  missed: "claiming.claims.missed",
  cancelled: "claiming.claims.cancelled",
} as const;

export default function CharityPickups() {
  const { groups, justReserved } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const t = useT();
  const locale = useLocale();
  const total = GROUPS.reduce((sum, group) => sum + groups[group].length, 0);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("claiming.claims.title")}</h1>
      <p className="mt-1">{t("claiming.claims.intro")}</p>
      {result ? (
        <div className="mt-4"><FormAlert tone={result.ok ? "success" : "error"} message={result.message} /></div>
      ) : null}
      {justReserved && !result ? (
        <section role="status" aria-labelledby="reserve-title" className="mt-4 rounded-xl border-4 border-earth-600 bg-earth-50 p-4">
          <h2 id="reserve-title" className="text-lg font-bold text-earth-700">{t("claiming.claims.done")}</h2>
          <p className="mt-2">
            <span className="block font-semibold">{t("claiming.claims.code")}</span>
            <span className="block font-mono text-5xl font-bold tracking-widest text-slate-900" data-pickup-code>{justReserved.pickupCode}</span>
          </p>
          <p className="mt-2 font-semibold">{justReserved.productName} — {unitsText(justReserved.quantity, justReserved.unit, locale)}</p>
          <p>{justReserved.pickupPlace}</p>
          <p>{t("claiming.lots.windowValue", { start: dateTime(justReserved.pickupStart, locale), end: dateTime(justReserved.pickupEnd, locale) })}</p>
        </section>
      ) : null}
      {total === 0 ? <p className="mt-4">{t("claiming.claims.none")}</p> : null}
      {total > 0
        ? GROUPS.map((group) => (
            <section key={group} aria-labelledby={`groupe-${group}`} className="mt-6">
              <h2 id={`groupe-${group}`} className="text-xl font-bold text-sea-900">
                {t(GROUP_TITLES[group])} ({groups[group].length})
              </h2>
              {groups[group].length === 0 ? <p className="mt-2">{t("claiming.claims.empty")}</p> : null}
              <ul className="mt-2 space-y-3">
                {groups[group].map((claim) => (
                  <ClaimCard key={claim.id} claim={claim} />
                ))}
              </ul>
            </section>
          ))
        : null}
    </div>
  );
}

type PageClaim = ReturnType<typeof useLoaderData<typeof loader>>["groups"]["reserved"][number];

function ClaimCard({ claim }: { claim: PageClaim }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  return (
    <li className="rounded-xl border border-slate-300 bg-white p-4">
      <h3 className="font-bold">{claim.productName} — {unitsText(claim.quantity, claim.unit, locale)}</h3>
      {claim.pickupCode ? (
        <p className="mt-1">
          <span className="font-semibold">{t("claiming.claims.code")} : </span>
          <span className="font-mono text-3xl font-bold tracking-widest">{claim.pickupCode}</span>
        </p>
      ) : null}
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t("claiming.lots.donor")}</dt>
        <dd>{claim.donorName}</dd>
        {claim.status === "reserved" && claim.donorPhone ? (
          <>
            <dt className="font-semibold">{t("claiming.claims.donorPhone")}</dt>
            <dd>
              <a href={`tel:${claim.donorPhone.replace(/[^+\d]/g, "")}`} className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{claim.donorPhone}</a>
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t("claiming.lots.place")}</dt>
        <dd>{claim.pickupPlace}</dd>
        <dt className="font-semibold">{t("claiming.lots.window")}</dt>
        <dd>{t("claiming.lots.windowValue", { start: dateTime(claim.pickupStart, locale), end: dateTime(claim.pickupEnd, locale) })}</dd>
        {claim.lotNumber ? (
          <>
            <dt className="font-semibold">{t("claiming.lots.lotNumber")}</dt>
            <dd>{claim.lotNumber}</dd>
          </>
        ) : null}
        {claim.contributionCents > 0 ? (
          <>
            <dt className="font-semibold">{t("claiming.received.contribution")}</dt>
            <dd>{euros(claim.contributionCents, locale)}</dd>
          </>
        ) : null}
        {claim.status === "collected" ? (
          <>
            <dt className="font-semibold">{t("claiming.claims.collectedAt")}</dt>
            <dd>{claim.collectedAt ? dateTime(claim.collectedAt, locale) : "—"}</dd>
            <dt className="font-semibold">{t("claiming.claims.temperature")}</dt>
            <dd>{claim.temperatureC === null ? t("claiming.claims.noTemperature") : degreesText(claim.temperatureC, locale)}</dd>
          </>
        ) : null}
      </dl>
      {claim.status === "collected" ? (
        <p className="mt-2">
          <Link to={`/dons/bordereau/${claim.id}`} className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("claiming.claims.slip")}</Link>
        </p>
      ) : null}
      {claim.cancellable ? (
        <Form method="post" preventScrollReset className="mt-2 print:hidden">
          <input type="hidden" name="intent" value="cancel" />
          <input type="hidden" name="claimId" value={claim.id} />
          <button type="submit" disabled={busy} className="inline-flex min-h-11 items-center rounded-lg border border-red-800 bg-white px-4 py-2 font-semibold text-red-900 disabled:opacity-60">
            {t("claiming.cancel.submit")}
          </button>
        </Form>
      ) : null}
    </li>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
