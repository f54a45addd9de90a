import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { countedQuantityText } from "~/domain/donations/donation-format";
import { listDonorLots } from "~/domain/donations/list-donor-lots.server";
import { donorLotState } from "~/domain/donations/unsold-stock";
import { now } from "~/http/clock.server";
import { requireProducer } from "~/http/producer.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime } from "~/ui/format";
import { FormAlert } from "~/ui/form";
import { ClaimStatusBadge, LotStateBadge } from "~/ui/donor-lot";

export const meta: MetaFunction = () => [{ title: "Mes dons — Terre & Mer" }];

/** The donor's lots, the ones still offered first, each with its claims (never their pickup codes). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const at = now();
  const lots = await listDonorLots({ donorId: producer.id, now: at });
  return {
    verified: producer.verified,
    lots: lots.map((lot) => ({
      id: lot.id,
      productName: lot.productName,
      unit: lot.unit,
      quantityMilli: lot.quantityMilli,
      claimedMilli: lot.claimedMilli,
      state: donorLotState(lot, at),
      pickupPlace: lot.pickupPlace,
      pickupStart: lot.pickupStart,
      pickupEnd: lot.pickupEnd,
      claims: lot.claims.map((claim) => ({ id: claim.id, charityName: claim.charityName, quantityMilli: claim.quantityMilli, status: claim.status })),
    })),
  };
}

const linkButton = "inline-flex min-h-11 items-center justify-center rounded-lg px-4 py-2 font-semibold";

export default function DonorLots() {
  const { verified, lots } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const given = Number(params.get("donnes") ?? "0");
  const already = Number(params.get("deja") ?? "0");
  return (
    <div>
      <h1 className="text-2xl font-bold text-sea-900">{t("donor.list.title")}</h1>
      <p className="mt-2">{t("donor.list.intro")}</p>
      {given > 0 ? <FormAlert tone="success" message={t("donor.unsold.done", { count: given }) + (already > 0 ? ` ${t("donor.unsold.doneAlready", { count: already })}` : "")} /> : null}
      {!verified ? <p className="mt-3 rounded-lg bg-amber-50 p-3 font-semibold text-amber-900">{t("donor.list.notVerified")}</p> : null}
      <p className="mt-4 flex flex-wrap gap-2 print:hidden">
        {verified ? (
          <>
            <Link to="/producteur/dons/nouveau" className={`${linkButton} bg-sea-700 text-white hover:bg-sea-800`}>{t("donor.link.publish")}</Link>
            <Link to="/producteur/dons/invendus" className={`${linkButton} border border-sea-700 bg-white text-sea-800 hover:bg-sea-50`}>{t("donor.link.unsold")}</Link>
          </>
        ) : null}
        <Link to="/producteur/dons/recapitulatif" className={`${linkButton} border border-sea-700 bg-white text-sea-800 hover:bg-sea-50`}>{t("donor.link.summary")}</Link>
      </p>

      {lots.length === 0 ? (
        <p className="mt-6">{t("donor.list.empty")}</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {lots.map((lot) => (
            <li key={lot.id} className="rounded-xl border border-slate-300 bg-white p-4">
              <h2 className="text-lg font-bold text-sea-900">
                <Link to={`/producteur/dons/${lot.id}`} className="underline">{lot.productName}</Link>
              </h2>
              <p className="mt-1"><LotStateBadge state={lot.state} /></p>
              <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">{t("donor.lot.claimed")}</dt>
                <dd>{t("donor.lot.claimedOf", { claimed: countedQuantityText(lot.claimedMilli, lot.unit, locale), total: countedQuantityText(lot.quantityMilli, lot.unit, locale) })}</dd>
                <dt className="font-semibold">{t("donor.lot.window")}</dt>
                <dd>{t("donor.lot.windowText", { start: dateTime(lot.pickupStart, locale), end: dateTime(lot.pickupEnd, locale) })}</dd>
                <dt className="font-semibold">{t("donor.lot.place")}</dt>
                <dd>{lot.pickupPlace}</dd>
              </dl>
              {lot.claims.length === 0 ? (
                <p className="mt-2 text-sm text-slate-700">{t("donor.claims.none")}</p>
              ) : (
                <>
                  <h3 className="mt-3 font-bold">{t("donor.claims.title")}</h3>
                  <ul className="mt-1 divide-y divide-slate-200">
                    {lot.claims.map((claim) => (
                      <li key={claim.id} className="flex flex-wrap items-center gap-x-3 py-2">
                        <span className="font-semibold">{claim.charityName}</span>
                        <span>{countedQuantityText(claim.quantityMilli, lot.unit, locale)}</span>
                        <ClaimStatusBadge status={claim.status} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
