import { allergenByCode, faoAreaByCode, gearCategoryByCode } from "~/domain/reference/reference-data";
import type { Locale } from "~/i18n/messages";

/** Allergen codes as the labels of EU 1169/2011 Annex II, in the reader's language. */
export function allergenLabels(codes: readonly string[], locale: Locale): string[] {
  return codes.map((code) => {
    const allergen = allergenByCode(code);
    if (!allergen) return code;
    return locale === "fr" ? allergen.labelFr : allergen.labelEn;
  });
}

export function catchAreaLabel(code: string, locale: Locale): string {
  const area = faoAreaByCode(code);
  if (!area) return code;
  // Only 27.7.d has an official French name in the reference data; others fall back to English.
  return (locale === "fr" ? area.labelFr : null) ?? area.labelEn;
}

export function gearLabel(code: string, locale: Locale): string {
  const gear = gearCategoryByCode(code);
  if (!gear) return code;
  return locale === "fr" ? gear.nameFr : gear.nameEn;
}
