import type { SaleUnit } from "~/domain/catalog/units";
import { unitLabel } from "~/domain/catalog/units";
import { formatEuros, pricePerKgCents, type Locale } from "~/domain/money";

/**
 * What a price label needs to know about an offer (or an order line): the price is always for one
 * sale unit; a piece sold by weight carries its estimated weight per piece, a packed product its
 * net quantity. The model has no net volume field: a bottle's volume is read from its name when the
 * name declares one (« Cidre brut (75 cl) »), as the label on the bottle does.
 */
export type PricedItem = {
  /** The product's name: a volume it declares (« 75 cl », « 1 L », « 6 × 33 cl ») gives the price per litre. */
  name?: string;
  unit: SaleUnit;
  priceCents: number;
  variableWeight: boolean;
  /** Estimated weight of one piece sold by weight (Product.estimatedWeightGrams, OrderLine.gramsPerUnit). */
  estimatedWeightGrams: number | null;
  /** Declared net quantity of a packed piece (Product.netQuantityGrams); null on order lines. */
  netQuantityGrams: number | null;
};

const about = { fr: "environ", en: "about" } as const;
const kilograms = { fr: new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 }), en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 3 }) };

function grams(value: number, locale: Locale): string {
  return value < 1000 ? `${value} g` : `${kilograms[locale].format(value / 1000)} kg`;
}

/** "26,90 €/kg" / "€26.90/kg": the price per kilogram (or per litre), as a stall's blackboard writes it. */
function perKg(cents: number, locale: Locale, per: "kg" | "l" = "kg"): string {
  return `${formatEuros(cents, locale)}/${per}`;
}

const volumePattern = /(?:(\d+)\s*[×x]\s*)?(\d+(?:[.,]\d+)?)\s*(ml|cl|litres?|l)(?![\p{L}\p{N}])/iu;
const millilitresPer: Record<string, number> = { ml: 1, cl: 10, l: 1000, litre: 1000, litres: 1000 };

/**
 * The volume a product's name declares, in millilitres: « (75 cl) » → 750, « (1,5 L) » → 1500,
 * « (6 × 33 cl) » → 1980; null when the name declares none (grams, percentages, counts are not volumes).
 */
export function declaredVolumeMl(name: string): number | null {
  const match = volumePattern.exec(name);
  if (!match) return null;
  const [, count, amount, unit] = match;
  const perItem = Number((amount ?? "").replace(",", ".")) * (millilitresPer[(unit ?? "").toLowerCase()] ?? 0);
  const total = Math.round(perItem * (count ? Number(count) : 1));
  return total > 0 ? total : null;
}

function positive(value: number | null): value is number {
  return value !== null && value > 0;
}

/**
 * How a price reads, the same on the catalogue cards, the product page, the cart and the order:
 * - a piece sold by weight: "environ 600 g · 26,92 €/kg · environ 16,15 €" — its price per kg and
 *   its estimated price, never a price per piece beside a price per kg for the same fish;
 * - by the kilogram: "26,90 €/kg"; by the litre: "3,50 €/l";
 * - by 100 g: "2,50 € / 100 g · 25,00 €/kg";
 * - by the piece, bunch or dozen: "4,20 € / pièce", with "· 16,80 €/kg" when its net quantity is known,
 *   or "· 7,47 €/l" when its name declares a volume (a drink compares per litre, not per kg).
 */
export function priceLabel(item: PricedItem, locale: Locale): string {
  const price = formatEuros(item.priceCents, locale);
  if (item.variableWeight && item.unit !== "KG" && item.unit !== "G100" && item.unit !== "LITRE" && positive(item.estimatedWeightGrams)) {
    const kgCents = Math.round((item.priceCents * 1000) / item.estimatedWeightGrams);
    return `${about[locale]} ${grams(item.estimatedWeightGrams, locale)} · ${perKg(kgCents, locale)} · ${about[locale]} ${price}`;
  }
  const per = comparisonPrice(item);
  if (item.unit === "KG" || item.unit === "LITRE") return perKg(item.priceCents, locale, per?.per);
  const each = `${price} / ${unitLabel(item.unit, locale)}`;
  return per ? `${each} · ${perKg(per.cents, locale, per.per)}` : each;
}

/** The price per kg or per litre a shopper compares; a piece whose name declares a volume compares per litre. */
function comparisonPrice(item: PricedItem): { cents: number; per: "kg" | "l" } | null {
  if (item.unit !== "KG" && item.unit !== "G100" && item.unit !== "LITRE" && item.name) {
    const millilitres = declaredVolumeMl(item.name);
    if (millilitres !== null) return { cents: Math.round((item.priceCents * 1000) / millilitres), per: "l" };
  }
  return pricePerKgCents(item.priceCents, item);
}

/**
 * What a quantity counts, beside a quantity field or after a number: "× 100 g" for a product sold
 * per 100 g (3 means 300 g, not 3 g), "kg" for one sold by the kilogram; nothing for pieces.
 */
export function quantityUnit(unit: SaleUnit): string | null {
  if (unit === "G100") return "× 100 g";
  if (unit === "KG") return "kg";
  return null;
}
