import communesJson from "~/domain/reference/data/communes.json";
import { communes, type Commune } from "~/domain/reference/reference-data";

/**
 * The territory a producer can be placed in: the box around the centres of its communes, widened
 * by about 5 km so that a farm at the edge of a commune still fits.
 */
const MARGIN_DEGREES = 0.05;

export const TERRITORY_BOUNDS = {
  minLat: Math.min(...communes.map((commune) => commune.lat)) - MARGIN_DEGREES,
  maxLat: Math.max(...communes.map((commune) => commune.lat)) + MARGIN_DEGREES,
  minLon: Math.min(...communes.map((commune) => commune.lon)) - MARGIN_DEGREES,
  maxLon: Math.max(...communes.map((commune) => commune.lon)) + MARGIN_DEGREES,
} as const;

export function withinTerritory(lat: number, lon: number): boolean {
  return lat >= TERRITORY_BOUNDS.minLat && lat <= TERRITORY_BOUNDS.maxLat && lon >= TERRITORY_BOUNDS.minLon && lon <= TERRITORY_BOUNDS.maxLon;
}

export function communeByInsee(inseeCode: string): Commune | undefined {
  return communes.find((commune) => commune.inseeCode === inseeCode);
}

/** "Ferme du Vieux Puits — Arques" → "ferme-du-vieux-puits-arques". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "producteur";
}

/** The agglomeration as described in communes.json (its EPCI entry): the territory organisation's name. */
export function territoryName(): string {
  const epci = communesJson.find((entry) => entry.kind === "epci");
  if (!epci) throw new Error("L'intercommunalité manque dans communes.json");
  const usual = "usualName" in epci && typeof epci.usualName === "string" ? epci.usualName : null;
  return usual ? `${usual} — ${epci.name}` : epci.name;
}
