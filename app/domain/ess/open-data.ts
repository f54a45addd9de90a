import { toCsv } from "~/domain/catalog/import/csv";
import type { OpenDataActor } from "~/domain/ess/open-data.server";

/**
 * The directory as open data (decision 031): the same actors as JSON (with its licence inside) and
 * as CSV (no comment line, which many readers choke on: the licence travels in a `Link` header,
 * the JSON and the directory page). Pure.
 */
export const OPEN_DATA_LICENCE = {
  name: "Licence Ouverte / Open Licence 2.0",
  id: "etalab-2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
} as const;

export const OPEN_DATA_PRODUCER = "Terre & Mer — Dieppe-Maritime";

/** The value of the `Link` header of both downloads: the licence (RFC 8288, rel="license"). */
export const OPEN_DATA_LINK_HEADER = `<${OPEN_DATA_LICENCE.url}>; rel="license"`;

/**
 * Columns of the CSV (schema.data.gouv.fr's conventions: UTF-8, comma, dot as decimal mark, lists
 * separated by « | », booleans as true/false), the same names as the JSON's fields in snake case.
 */
export const OPEN_DATA_CSV_HEADERS = ["type", "id", "nom", "categorie_acteur", "code_insee", "commune", "latitude", "longitude", "categories_produits", "bio", "labels_produit_local", "page"] as const;

function absolute(baseUrl: string, path: string | null): string {
  return path ? `${baseUrl.replace(/\/$/, "")}${path}` : "";
}

export function openDataCsv(actors: readonly OpenDataActor[], baseUrl: string): string {
  return toCsv(
    [
      [...OPEN_DATA_CSV_HEADERS],
      ...actors.map((actor) => [
        actor.type,
        actor.id,
        actor.name,
        actor.kind ?? "",
        actor.communeInsee ?? "",
        actor.commune ?? "",
        actor.lat === null ? "" : String(actor.lat),
        actor.lon === null ? "" : String(actor.lon),
        actor.categories.join(" | "),
        String(actor.organic),
        actor.labels.join(" | "),
        absolute(baseUrl, actor.path),
      ]),
    ],
    ",",
  );
}

export function openDataJson(actors: readonly OpenDataActor[], input: { baseUrl: string; generatedAt: Date }) {
  return {
    title: "Annuaire des acteurs de l'économie sociale et solidaire et des circuits courts — Dieppe-Maritime",
    producer: OPEN_DATA_PRODUCER,
    licence: OPEN_DATA_LICENCE,
    generatedAt: input.generatedAt.toISOString(),
    count: actors.length,
    actors: actors.map((actor) => ({
      type: actor.type,
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      commune: actor.communeInsee ? { inseeCode: actor.communeInsee, name: actor.commune } : null,
      position: actor.lat === null || actor.lon === null ? null : { lat: actor.lat, lon: actor.lon },
      categories: actor.categories,
      organic: actor.organic,
      labels: actor.labels,
      url: actor.path ? absolute(input.baseUrl, actor.path) : null,
    })),
  };
}
