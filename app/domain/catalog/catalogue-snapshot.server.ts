import { readRows } from "~/db.server";
import { facetsOf, type CatalogueFacets } from "~/domain/catalog/catalogue-view";
import { listOffers, type CatalogueOffer } from "~/domain/catalog/list-offers.server";
import type { DistributionSchedule } from "~/domain/distributions/ordering-window";

/**
 * What every visitor of a distribution's catalogue sees alike: its schedule and pickup point, its
 * offers, and the filter choices they give. On a Friday evening hundreds of phones ask for it at
 * once, so each app server keeps what it read for one second and shares one read between the
 * requests that arrive meanwhile (docs/decisions/008-one-second-catalogue.md).
 * What it holds is only a copy: stock is taken atomically when an order is placed, whatever the
 * copy said; whether orders are open is decided per request from the copied cutoff and the clock;
 * and the writes of this server forget the copy of the distribution they touched.
 */
export type CatalogueSnapshot = {
  distribution: DistributionSchedule & { pickupPoint: { name: string; commune: string; address: string } };
  offers: CatalogueOffer[];
  facets: CatalogueFacets;
};

export const SNAPSHOT_TTL_MS = 1000;
const MAX_ENTRIES = 500;

type Entry = { expiresAt: number; snapshot: Promise<CatalogueSnapshot | null> };
const entries = new Map<string, Entry>();

/** The shared catalogue of a distribution, or null when there is no such distribution. */
export function catalogueSnapshot(distributionId: string): Promise<CatalogueSnapshot | null> {
  const now = performance.now();
  const cached = entries.get(distributionId);
  if (cached && cached.expiresAt > now) return cached.snapshot;
  if (entries.size >= MAX_ENTRIES) {
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    if (entries.size >= MAX_ENTRIES) entries.clear();
  }
  const snapshot = readSnapshot(distributionId);
  const entry = { expiresAt: now + SNAPSHOT_TTL_MS, snapshot };
  entries.set(distributionId, entry);
  // A failed read is not kept: the next request tries again.
  snapshot.catch(() => {
    if (entries.get(distributionId) === entry) entries.delete(distributionId);
  });
  return snapshot;
}

/** Called after a change to a distribution's stock, so that this server shows it at once. */
export function forgetDistributionOffers(distributionId: string): void {
  entries.delete(distributionId);
}

async function readSnapshot(distributionId: string): Promise<CatalogueSnapshot | null> {
  const [distributions, offers] = await Promise.all([
    readRows<CatalogueSnapshot["distribution"]>(
      `SELECT d.id, d."startsAt", d."endsAt", d."opensAt", d."cutoffAt", d.status::text AS status,
              json_build_object('name', pp.name, 'address', pp.address, 'commune', c.name) AS "pickupPoint"
       FROM "Distribution" d
       JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
       JOIN "Commune" c ON c."inseeCode" = pp."communeInsee"
       WHERE d.id = $1`,
      [distributionId],
    ),
    listOffers(distributionId),
  ]);
  const distribution = distributions[0];
  if (!distribution) return null;
  return { distribution, offers, facets: facetsOf(offers) };
}
