import { listOffers, type CatalogueOffer } from "~/domain/catalog/list-offers.server";

/**
 * The offers of a distribution are the same for every visitor, and on a Friday evening hundreds
 * of phones ask for them at once. Each app server keeps what it read for one second and shares
 * one read between the requests that arrive meanwhile (docs/decisions/008-one-second-catalogue.md).
 * What it holds is only a copy: stock is taken atomically when an order is placed, whatever the
 * copy said, and the writes of this server forget the copy of the distribution they touched.
 */
export const SNAPSHOT_TTL_MS = 1000;
const MAX_ENTRIES = 500;

type Entry = { expiresAt: number; offers: Promise<CatalogueOffer[]> };
const entries = new Map<string, Entry>();

export function distributionOffers(distributionId: string): Promise<CatalogueOffer[]> {
  const now = performance.now();
  const cached = entries.get(distributionId);
  if (cached && cached.expiresAt > now) return cached.offers;
  if (entries.size >= MAX_ENTRIES) {
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    if (entries.size >= MAX_ENTRIES) entries.clear();
  }
  const offers = listOffers(distributionId);
  const entry = { expiresAt: now + SNAPSHOT_TTL_MS, offers };
  entries.set(distributionId, entry);
  // A failed read is not kept: the next request tries again.
  offers.catch(() => {
    if (entries.get(distributionId) === entry) entries.delete(distributionId);
  });
  return offers;
}

/** Called after a change to a distribution's stock, so that this server shows it at once. */
export function forgetDistributionOffers(distributionId: string): void {
  entries.delete(distributionId);
}
