import type { Locale } from "~/i18n/messages";

export type SaleUnit = "PIECE" | "BUNCH" | "KG" | "G100" | "DOZEN" | "LITRE";

const labels: Record<SaleUnit, { fr: string; en: string }> = {
  PIECE: { fr: "pièce", en: "piece" },
  BUNCH: { fr: "botte", en: "bunch" },
  KG: { fr: "kg", en: "kg" },
  G100: { fr: "100 g", en: "100 g" },
  DOZEN: { fr: "douzaine", en: "dozen" },
  LITRE: { fr: "litre", en: "litre" },
};

export function unitLabel(unit: SaleUnit, locale: Locale): string {
  return labels[unit][locale];
}
