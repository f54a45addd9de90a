import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { documentReader } from "~/domain/donations/document-reader";
import { quantityText, unitName } from "~/domain/donations/donation-format";
import { traceLot } from "~/domain/donations/trace-lot.server";
import { isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { requireUser } from "~/http/auth.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Traçabilité d'un lot — Terre & Mer" }];

/**
 * Paniers de la mer, both ways: from the boat's raw lot to the charities' bags, or back. For the
 * members of the organisations in the chain and territory admins; for anyone else, 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idField.safeParse(params.lotId);
  if (!id.success) throw new Response("Not found", { status: 404 });
  try {
    return await traceLot(id.data, documentReader(user));
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export default function LotTracePage() {
  const { focusLotId, lots } = useLoaderData<typeof loader>();
  const t = useT();
  const focus = lots.find((lot) => lot.id === focusLotId);
  const root = lots.filter((lot) => lot.depth === 0);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("sea.trace.title", { product: focus?.productName ?? "" })}</h1>
      <p className="mt-2">{t("sea.trace.intro")}</p>
      <ol className="mt-4 space-y-4">
        {root.map((lot) => (
          <LotNode key={lot.id} lot={lot} lots={lots} focusLotId={focusLotId} />
        ))}
      </ol>
    </div>
  );
}

type PageLot = ReturnType<typeof useLoaderData<typeof loader>>["lots"][number];

function LotNode({ lot, lots, focusLotId }: { lot: PageLot; lots: PageLot[]; focusLotId: string }) {
  const t = useT();
  const locale = useLocale();
  const here = lot.id === focusLotId;
  const Heading = lot.depth === 0 ? "h2" : "h3";
  const species = [lot.commercialName, lot.scientificName ? `(${lot.scientificName})` : null].filter(Boolean).join(" ");
  return (
    <li className={`rounded-xl border bg-white p-4 ${here ? "border-sea-700 ring-2 ring-sea-700" : "border-slate-300"}`} aria-current={here ? "true" : undefined}>
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t(lot.depth === 0 ? "sea.trace.level0" : "sea.trace.levelN")}</p>
      <Heading className="text-lg font-bold text-sea-900">
        {here ? lot.productName : <Link to={`/dons/tracabilite/${lot.id}`} className="underline">{lot.productName}</Link>}
        {here ? <span className="ml-2 text-sm font-normal">{t("sea.trace.here")}</span> : null}
      </Heading>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
        <Fact label={t("sea.trace.donor")} value={lot.donor.name} />
        <Fact label={t("sea.trace.quantity")} value={quantityText(lot.quantityMilli, lot.unit, locale)} />
        <Fact label={t("sea.trace.lotNumber")} value={lot.lotNumber ?? t("sea.trace.none")} />
        {species ? <Fact label={t("sea.trace.species")} value={species} /> : null}
        <Fact label={t(lot.rawFishery ? "sea.trace.landing" : "sea.trace.published")} value={dateTime(lot.createdAt, locale)} />
        <Fact label={t("sea.trace.storage")} value={t(`sea.storage.${lot.storage}`)} />
        {lot.useBy ? <Fact label={t("sea.trace.useBy")} value={calendarDate(lot.useBy)} /> : null}
        {lot.bestBefore ? <Fact label={t("sea.trace.bestBefore")} value={calendarDate(lot.bestBefore)} /> : null}
        {lot.contributionCentsPerUnit !== null ? (
          <Fact label={t("sea.trace.contribution")} value={t("sea.trace.contributionValue", { amount: euros(lot.contributionCentsPerUnit, locale), unit: unitName(lot.unit, locale) })} />
        ) : null}
      </dl>
      {lot.rawFishery ? <p className="mt-1 text-sm font-semibold">{t("sea.trace.raw")}</p> : null}
      <Claims lot={lot} lots={lots} focusLotId={focusLotId} />
    </li>
  );
}

/** "2026-12-01" → "01/12/2026": reads the same in French and British English. */
function calendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

function Fact({ label, value }: { label: string; value: string }) {
  const locale = useLocale();
  return (
    <div>
      <dt className="inline font-semibold">{label}{locale === "fr" ? "\u00a0: " : ": "}</dt>
      <dd className="inline">{value}</dd>
    </div>
  );
}

function Claims({ lot, lots, focusLotId }: { lot: PageLot; lots: PageLot[]; focusLotId: string }) {
  const t = useT();
  const locale = useLocale();
  const Heading = lot.depth === 0 ? "h3" : "h4";
  return (
    <div className="mt-3">
      <Heading className="font-semibold">{t("sea.trace.claims")}</Heading>
      {lot.claims.length === 0 && lot.hiddenClaims === 0 ? <p className="text-sm">{t("sea.trace.noClaims")}</p> : null}
      <ul className="mt-1 space-y-2">
        {lot.claims.map((claim) => {
          const made = claim.processedLotIds.map((id) => lots.find((candidate) => candidate.id === id)).filter((candidate): candidate is PageLot => candidate !== undefined);
          return (
            <li key={claim.id} className="text-sm">
              {t("sea.trace.claim", { charity: claim.charity.name, quantity: quantityText(claim.quantityMilli, lot.unit, locale), date: dateTime(claim.createdAt, locale) })}
              {" · "}
              {t(`sea.status.${claim.status}`)}
              {claim.collectedAt ? `, ${t("sea.trace.collected", { date: dateTime(claim.collectedAt, locale) })}` : null}
              {made.length > 0 ? (
                <div className="mt-2 border-l-4 border-sea-200 pl-3">
                  <p className="font-semibold">{t("sea.trace.madeInto")}</p>
                  <ol className="mt-2 space-y-3">
                    {made.map((child) => (
                      <LotNode key={child.id} lot={child} lots={lots} focusLotId={focusLotId} />
                    ))}
                  </ol>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {lot.hiddenClaims > 0 ? <p className="mt-1 text-sm text-slate-700">{t("sea.trace.hidden", { count: lot.hiddenClaims })}</p> : null}
    </div>
  );
}


export function ErrorBoundary() {
  return <ErrorPage />;
}
