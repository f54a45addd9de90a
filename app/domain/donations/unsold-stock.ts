import type { SaleUnit } from "~/domain/catalog/units";
import { addParisDays, parisDateTime, parisIsoDate } from "~/domain/time/paris";

/**
 * Pure rules of the donor's pages: what a closed distribution's unsold stock becomes as a lot
 * (unit, quantity, storage, raw fishery), the pickup window offered by default, and how a lot's
 * state reads for its donor.
 */

/** Offers of distributions that ended at most this many days ago can still be given. */
export const UNSOLD_DAYS = 7;

export type LotUnit = "kg" | "piece" | "litre";

/**
 * Offer stock counts sale units. As a lot: kilos stay kilos, 100 g units become tenths of a kilo,
 * litres stay litres, pieces and bunches are pieces, a dozen is 12 pieces. In thousandths.
 */
export function donationQuantityOf(saleUnit: SaleUnit, count: number): { unit: LotUnit; quantityMilli: number } {
  switch (saleUnit) {
    case "KG":
      return { unit: "kg", quantityMilli: count * 1000 };
    case "G100":
      return { unit: "kg", quantityMilli: count * 100 };
    case "LITRE":
      return { unit: "litre", quantityMilli: count * 1000 };
    case "DOZEN":
      return { unit: "piece", quantityMilli: count * 12_000 };
    case "PIECE":
    case "BUNCH":
      return { unit: "piece", quantityMilli: count * 1000 };
  }
}

/** The categories kept cold at the stall (sea products, dairy, meat). */
const CHILLED_CATEGORIES = new Set(["poissons", "coquillages", "cremerie", "viandes"]);
const SEA_CATEGORIES = new Set(["poissons", "coquillages"]);

export type UnsoldProductFacts = {
  kind: "PRODUCT" | "BASKET";
  categoryId: string;
  scientificName: string | null;
  productionMethod: string | null;
  /** Processed food lists its ingredients (cooked whelks, smoked herring); raw fish does not. */
  ingredients: string | null;
};

/** A sea product carries the sea labelling (a species), or sits in a sea category. */
export function isSeaProduct(product: UnsoldProductFacts): boolean {
  return product.kind === "PRODUCT" && (product.scientificName !== null || product.productionMethod !== null || SEA_CATEGORIES.has(product.categoryId));
}

/**
 * What the unsold form proposes for a product: sea products chilled, and raw fishery when they
 * are fish or shellfish as landed (no ingredient list: nothing cooked, smoked or marinated).
 * The donor may change both.
 */
export function unsoldDefaults(product: UnsoldProductFacts): { storage: "ambient" | "chilled"; rawFishery: boolean } {
  const sea = isSeaProduct(product);
  const chilled = sea || CHILLED_CATEGORIES.has(product.categoryId);
  const processed = (product.ingredients ?? "").trim() !== "";
  return { storage: chilled ? "chilled" : "ambient", rawFishery: sea && !processed };
}

/** Days a chilled product is proposed to keep after its distribution day: dairy a week, the rest three. */
const KEEPS_DAYS: Record<string, number> = { cremerie: 7 };
const CHILLED_KEEPS_DAYS = 3;

/**
 * The use-by date (DLC) the unsold form proposes, from the distribution's day and the product: a
 * chilled product keeps CHILLED_KEEPS_DAYS days after the day it was on the stall (dairy a week),
 * so fish landed for Friday is proposed until Monday; ambient food has no use-by date to propose.
 * The donor checks it against the label; the publication rules still refuse a date before the
 * end of the pickup window.
 */
export function defaultUnsoldUseBy(product: UnsoldProductFacts, distributionStartsAt: Date): string | null {
  if (unsoldDefaults(product).storage !== "chilled") return null;
  return parisIsoDate(addParisDays(distributionStartsAt, KEEPS_DAYS[product.categoryId] ?? CHILLED_KEEPS_DAYS));
}

const FIVE_MINUTES = 5 * 60_000;

/**
 * The pickup window offered for unsold stock: from now (to the 5 minutes below: the food is
 * there, a charity may come at once) to tomorrow 19:00 in Paris.
 */
export function defaultUnsoldWindow(now: Date): { start: Date; end: Date } {
  const start = new Date(Math.floor(now.getTime() / FIVE_MINUTES) * FIVE_MINUTES);
  const end = parisDateTime(parisIsoDate(addParisDays(now, 1)), "19:00");
  return { start, end };
}

/** The longest pickup place a lot keeps (lot-input.ts). */
const PICKUP_PLACE_MAX = 200;

/**
 * The pickup place offered for unsold stock: where the latest distribution was held (the food is
 * still there), else the farm's address.
 */
export function defaultUnsoldPickupPlace(latest: { pickupPointName: string; pickupPointAddress: string } | undefined, farmAddress: string): string {
  return (latest ? `${latest.pickupPointName}, ${latest.pickupPointAddress}` : farmAddress).slice(0, PICKUP_PLACE_MAX);
}

export type DonorLotState = "open" | "all_claimed" | "expired" | "withdrawn";

/** A lot as its donor reads it: still offered, all claimed, over (by the job or its window), or withdrawn. */
export function donorLotState(lot: { status: "OPEN" | "EXPIRED" | "WITHDRAWN"; quantityMilli: number; claimedMilli: number; pickupEnd: Date }, now: Date): DonorLotState {
  if (lot.status === "WITHDRAWN") return "withdrawn";
  if (lot.status === "EXPIRED") return "expired";
  if (lot.claimedMilli >= lot.quantityMilli) return "all_claimed";
  if (lot.pickupEnd.getTime() <= now.getTime()) return "expired";
  return "open";
}
