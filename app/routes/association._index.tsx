import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { readRows } from "~/db.server";
import { upcomingPickups } from "~/domain/donations/claim-rules";
import { unitsText } from "~/domain/donations/donation-format";
import { unitCodes } from "~/domain/donations/donation-quantity";
import { listClaimableLots } from "~/domain/donations/list-claimable-lots.server";
import { listCharityClaims } from "~/domain/donations/list-claims.server";
import { verificationStatus } from "~/domain/organisations/review-organisation";
import { parisIsoDate } from "~/domain/time/paris";
import { requireCharity } from "~/http/charity.server";
import { now } from "~/http/clock.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert } from "~/ui/form";
import { asDate, dateTime, longDate, timeRange } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Espace association — Terre & Mer" }];

/**
 * The charity's home: where it stands with the territory; once verified, how many lots it may
 * claim now and its coming pickups with the next one's code. A handful of statements whatever
 * the number of lots and claims.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { charity } = await requireCharity(request);
  const [state] = await readRows<{ verifiedAt: Date | null; refusedAt: Date | null; refusalReason: string | null }>(
    `SELECT "verifiedAt", "refusedAt", "refusalReason" FROM "Organisation" WHERE id = $1 AND kind = 'CHARITY'`,
    [charity.id],
  );
  const status = state ? verificationStatus(state) : "pending";
  const refusalReason = status === "refused" ? (state?.refusalReason ?? null) : null;
  if (status !== "verified") return { name: charity.name, status, refusalReason, claimable: 0, upcoming: 0, next: null };

  const at = now();
  const [lots, claims] = await Promise.all([listClaimableLots({ charityId: charity.id, now: at }), listCharityClaims(charity.id)]);
  const upcoming = upcomingPickups(claims, at);
  const first = upcoming[0];
  const next = first
    ? { productName: first.productName, quantity: first.quantity, unit: first.unit, donorName: first.donor.name, pickupPlace: first.pickupPlace, pickupStart: first.pickupStart, pickupEnd: first.pickupEnd, pickupCode: first.pickupCode ?? "" }
    : null;
  return { name: charity.name, status, refusalReason, claimable: lots.length, upcoming: upcoming.length, next };
}

function pickupWindow(start: Date | string, end: Date | string, locale: "fr" | "en"): string {
  if (parisIsoDate(asDate(start)) === parisIsoDate(asDate(end))) return `${longDate(start, locale)}, ${timeRange(start, end)}`;
  return `${dateTime(start, locale)} → ${dateTime(end, locale)}`;
}

export default function CharityHome() {
  const { name, status, refusalReason, claimable, upcoming, next } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("charity.home.title")}</h1>
      <p className="mt-1 text-lg">{name}</p>
      {search.get("demande") === "1" ? <div className="mt-3"><FormAlert tone="success" message={t("charity.home.created")} /></div> : null}

      <section aria-labelledby="status-title" className="mt-4">
        <h2 id="status-title" className="sr-only">{t("organisations.status.title")}</h2>
        {status === "pending" ? <p className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-900">{t("charity.home.pending")}</p> : null}
        {status === "refused" ? (
          <div className="rounded-lg border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            <p className="font-semibold">{t("charity.home.refused")}</p>
            {refusalReason ? <p className="mt-1">{t("charity.home.refusedReason", { reason: refusalReason })}</p> : null}
            <p className="mt-1">{t("charity.home.refusedHelp")}</p>
          </div>
        ) : null}
        {status === "verified" ? <p className="rounded-lg border-l-4 border-sea-700 bg-sea-50 p-3 text-sea-900">{t("charity.home.verified")}</p> : null}
      </section>

      {status === "verified" ? (
        <>
          <section aria-labelledby="lots-title" className="mt-6">
            <h2 id="lots-title" className="text-xl font-bold text-sea-900">{t("charity.home.lotsTitle")}</h2>
            <p className="mt-1">{t("charity.home.lotsCount", { count: claimable })}</p>
            <p><Link to="/association/lots" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("charity.home.lotsLink")}</Link></p>
          </section>
          <section aria-labelledby="pickups-title" className="mt-6">
            <h2 id="pickups-title" className="text-xl font-bold text-sea-900">{t("charity.home.pickupsTitle")}</h2>
            <p className="mt-1">{t("charity.home.pickupsCount", { count: upcoming })}</p>
            {next ? (
              <div className="mt-3 rounded-xl border border-slate-300 bg-white p-4">
                <h3 className="text-lg font-bold">{t("charity.home.next")}</h3>
                <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                  <dt className="font-semibold">{t("charity.home.nextProduct")}</dt>
                  <dd>{next.productName} · {unitsText(next.quantity, unitCodes[next.unit], locale)} · {next.donorName}</dd>
                  <dt className="font-semibold">{t("charity.home.nextPlace")}</dt>
                  <dd>{next.pickupPlace}</dd>
                  <dt className="font-semibold">{t("charity.home.nextWindow")}</dt>
                  <dd>{pickupWindow(next.pickupStart, next.pickupEnd, locale)}</dd>
                  <dt className="font-semibold">{t("charity.home.nextCode")}</dt>
                  <dd><strong className="font-mono text-2xl tracking-widest" data-pickup-code>{next.pickupCode}</strong> <span className="block text-sm text-slate-700">{t("charity.home.codeHint")}</span></dd>
                </dl>
              </div>
            ) : null}
            <p><Link to="/association/retraits" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("charity.home.pickupsLink")}</Link></p>
          </section>
        </>
      ) : null}

      <nav aria-labelledby="sections-title" className="mt-6 print:hidden">
        <h2 id="sections-title" className="text-xl font-bold text-sea-900">{t("charity.home.sections")}</h2>
        <ul className="mt-1">
          {status === "verified" ? (
            <li><Link to="/association/recus" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("charity.home.receivedLink")}</Link></li>
          ) : null}
          <li><Link to="/association/reglages" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("charity.home.settingsLink")}</Link></li>
        </ul>
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
