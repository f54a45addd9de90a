import { translate, type Locale } from "~/i18n/messages";

/** How the donor's pages write quantities of a lot: "15 kg", "3 pièces", "2,5 litres". */

const numbers = { fr: new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 }), en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 3 }) };

export type StoredUnit = "KG" | "PIECE" | "LITRE";

export function unitWord(unit: StoredUnit, milli: number, locale: Locale): string {
  if (unit === "KG") return "kg";
  const plural = milli > 1000;
  if (unit === "PIECE") return translate(locale, plural ? "donor.unit.pieces" : "donor.unit.piece");
  return translate(locale, plural ? "donor.unit.litres" : "donor.unit.litre");
}

export function quantityNumber(milli: number, locale: Locale): string {
  return numbers[locale].format(milli / 1000);
}

export function quantityText(milli: number, unit: StoredUnit, locale: Locale): string {
  return `${quantityNumber(milli, locale)} ${unitWord(unit, milli, locale)}`;
}

/** A quantity shown back in an input, in the page's language: 2500 → "2,5" (fr) / "2.5" (en). */
export function quantityInput(milli: number, locale: Locale): string {
  const text = String(milli / 1000);
  return locale === "fr" ? text.replace(".", ",") : text;
}

/** A temperature in tenths of a degree: 35 → "3,5 °C", -200 → "−20 °C". */
export function temperatureText(deciC: number, locale: Locale): string {
  const text = numbers[locale].format(deciC / 10).replace("-", "−");
  return `${text} °C`;
}
