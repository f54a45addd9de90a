import { toUnits, type DonationUnitCode } from "~/domain/donations/donation-quantity";
import { translate, type Locale } from "~/i18n/messages";

/**
 * How donation quantities and temperatures are written, the same on pages, documents and emails:
 * "10,5 kg", "3 pièce(s)", "2,5 °C". Quantities are stored in thousandths of their unit and
 * temperatures in tenths of a degree; the API and the emails carry them in units and degrees.
 */

// Built once: an Intl.NumberFormat costs ~20 µs to build and a yearly summary writes hundreds.
const numbers: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 3 }),
};

/** "kg", "pièce(s)", "litre(s)". */
export function unitName(unit: DonationUnitCode, locale: Locale): string {
  return translate(locale, `claiming.unit.${unit}`);
}

/** A number of units in the reader's language: 2.5 → "2,5" (fr) / "2.5" (en), at most 3 decimals. */
export function unitsNumber(units: number, locale: Locale): string {
  return numbers[locale].format(units);
}

/** A quantity stored in thousandths, as a number: 2500 → "2,5". */
export function quantityNumber(milli: number, locale: Locale): string {
  return unitsNumber(toUnits(milli), locale);
}

/** A quantity in units: 10.5 → "10,5 kg", 3 → "3 pièce(s)". */
export function unitsText(units: number, unit: DonationUnitCode, locale: Locale): string {
  return `${unitsNumber(units, locale)} ${unitName(unit, locale)}`;
}

/** A quantity stored in thousandths: 10 500 → "10,5 kg". */
export function quantityText(milli: number, unit: DonationUnitCode, locale: Locale): string {
  return unitsText(toUnits(milli), unit, locale);
}

/** The donor's pages agree the unit with the number: "1 pièce", "3 pièces", "2,5 litres". */
export function unitWord(unit: DonationUnitCode, milli: number, locale: Locale): string {
  if (unit === "KG") return "kg";
  const plural = milli > 1000;
  if (unit === "PIECE") return translate(locale, plural ? "donor.unit.pieces" : "donor.unit.piece");
  return translate(locale, plural ? "donor.unit.litres" : "donor.unit.litre");
}

/** A quantity as the donor's pages write it: "15 kg", "3 pièces", "2,5 litres". */
export function countedQuantityText(milli: number, unit: DonationUnitCode, locale: Locale): string {
  return `${quantityNumber(milli, locale)} ${unitWord(unit, milli, locale)}`;
}

/** A quantity shown back in an input, in the page's language: 2500 → "2,5" (fr) / "2.5" (en). */
export function quantityInput(milli: number, locale: Locale): string {
  const text = String(toUnits(milli));
  return locale === "fr" ? text.replace(".", ",") : text;
}

/** A temperature in degrees, below zero with a true minus sign: 3.5 → "3,5 °C", -18 → "−18 °C". */
export function degreesText(degrees: number, locale: Locale): string {
  return `${numbers[locale].format(degrees).replace("-", "−")} °C`;
}

/** A temperature stored in tenths of a degree: 35 → "3,5 °C", -185 → "−18,5 °C". */
export function temperatureText(deciC: number, locale: Locale): string {
  return degreesText(deciC / 10, locale);
}

