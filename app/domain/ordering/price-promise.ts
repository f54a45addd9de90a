import { DomainError } from "~/domain/errors";

/**
 * What a customer is promised (decision 019): the price they were shown when they confirmed.
 * The page posts the prices it displayed (an API client may send `unitPriceCents` per line);
 * when an offer's price is no longer that one, nothing is ordered and the customer is told each
 * change before confirming again.
 */
export type PriceChange = { offerId: string; name: string; shownCents: number; currentCents: number };

export function priceChanges(
  offers: ReadonlyArray<{ id: string; name: string; priceCents: number }>,
  shown: ReadonlyMap<string, number>,
): PriceChange[] {
  return offers.flatMap((offer) => {
    const shownCents = shown.get(offer.id);
    return shownCents === undefined || shownCents === offer.priceCents ? [] : [{ offerId: offer.id, name: offer.name, shownCents, currentCents: offer.priceCents }];
  });
}

export function priceChangedError(changes: PriceChange[]): DomainError {
  // No offerIds: pages read those as "sold out"; priceChanges names each offer.
  return new DomainError("price_changed", { priceChanges: changes });
}
