import type { SaleUnit } from "~/domain/catalog/units";
import type { Locale } from "~/i18n/messages";

/**
 * How a stock reads on the producer's sales page: a count of sale units written with its unit, as
 * a stall's slate would — "12 kg", "30 pièces", "8 × 100 g" (8 means 800 g, not 8 g), "5 bottes".
 * French takes the plural from 2, English from anything but 1.
 */
const words: Record<SaleUnit, Record<Locale, [one: string, many: string]>> = {
  KG: { fr: ["kg", "kg"], en: ["kg", "kg"] },
  G100: { fr: ["× 100 g", "× 100 g"], en: ["× 100 g", "× 100 g"] },
  LITRE: { fr: ["litre", "litres"], en: ["litre", "litres"] },
  PIECE: { fr: ["pièce", "pièces"], en: ["piece", "pieces"] },
  BUNCH: { fr: ["botte", "bottes"], en: ["bunch", "bunches"] },
  DOZEN: { fr: ["douzaine", "douzaines"], en: ["dozen", "dozen"] },
};

function isMany(count: number, locale: Locale): boolean {
  return locale === "fr" ? Math.abs(count) >= 2 : Math.abs(count) !== 1;
}

/** The unit a stock counts, for that count: "pièce" / "pièces", "× 100 g", "kg". */
export function stockUnit(unit: SaleUnit, count: number, locale: Locale): string {
  const [one, many] = words[unit][locale];
  return isMany(count, locale) ? many : one;
}

/** A stock with its unit: "12 kg", "30 pièces", "8 × 100 g", "1 botte". */
export function stockText(count: number, unit: SaleUnit, locale: Locale): string {
  return `${count.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB")} ${stockUnit(unit, count, locale)}`.replace(/\u202f/g, "\u00a0");
}
