// The territory's checked reference data, copied verbatim from shared/data (sources in
// data/SOURCES.md). Refresh them with `cp ../shared/data/*.json app/domain/reference/data/`, never by hand.
import allergensJson from "./data/allergens.json";
import communesJson from "./data/communes.json";
import faoAreasJson from "./data/fao-areas.json";
import fishSpeciesJson from "./data/fish-species.json";
import gearCategoriesJson from "./data/gear-categories.json";
import vatRatesJson from "./data/vat-rates.json";

export type Allergen = { code: string; annexIIItem: number; labelFr: string; labelEn: string };
export type Commune = { name: string; inseeCode: string; postalCode: string; lat: number; lon: number };
export type FaoArea = { code: string; nameFr: string | null; nameEn: string; labelFr: string | null; labelEn: string };
export type FishSpecies = {
  id: string;
  commercialNameFr: string;
  commercialNameEn: string;
  scientificName: string;
  faoCode: string;
  productionMethod: string;
  typicalGear: string | null;
  faoArea: string | null;
};
export type GearCategory = { code: string; order: number; nameFr: string; nameEn: string };
export type VatRate = { code: string; ratePercent: number; labelFr: string; labelEn: string };

export const allergens: readonly Allergen[] = allergensJson;
export const communes: readonly Commune[] = communesJson.flatMap((entry) =>
  entry.kind === "commune" && entry.inseeCode && entry.postalCode && entry.lat !== null && entry.lon !== null
    ? [{ name: entry.name, inseeCode: entry.inseeCode, postalCode: entry.postalCode, lat: entry.lat, lon: entry.lon }]
    : [],
);
export const faoAreas: readonly FaoArea[] = faoAreasJson;
export const fishSpecies: readonly FishSpecies[] = fishSpeciesJson;
export const gearCategories: readonly GearCategory[] = gearCategoriesJson;
export const vatRates: readonly VatRate[] = vatRatesJson;

/** VAT rates in basis points (5.5 % → 550), the unit stored on products. */
export const vatRatesBp: readonly number[] = vatRates.map((rate) => Math.round(rate.ratePercent * 100));

export function allergenByCode(code: string): Allergen | undefined {
  return allergens.find((allergen) => allergen.code === code);
}

export function gearCategoryByCode(code: string): GearCategory | undefined {
  return gearCategories.find((gear) => gear.code === code);
}

export function faoAreaByCode(code: string): FaoArea | undefined {
  return faoAreas.find((area) => area.code === code);
}
