import { dfcCatalogUrl } from "~/domain/directory/dfc-catalog";
import {
  communeOf,
  DIRECTORY_KINDS,
  DIRECTORY_KIND_WORDS,
  IN_COMMUNE_KM,
  isDirectoryKind,
  MAX_PAGE,
  NEAR_KM,
  readDirectoryQuery,
  SEARCH_MAX_LENGTH,
  type DirectoryKind,
  type DirectoryQuery,
} from "~/domain/directory/directory-query";
import type { DirectoryResult } from "~/domain/directory/search-directory.server";
import { verificationUrl } from "~/domain/label/label-badge";

/**
 * GET /api/v1/producers (issue 12, decision 033): the directory's search for other platforms,
 * producers and AMAPs only, each with the address of their DFC catalogue. The same URL parameters
 * as /annuaire (q, type, commune, pres, km, categorie, bio, label, page), read by the directory's
 * own `readDirectoryQuery` — but where the page quietly drops what it does not know (an aged shared
 * link still opens), a program is told: every wrong parameter is named in a 400. Pure.
 */

/** The directory's kinds this API lists: the producers' trades and the AMAPs. */
export const PRODUCER_KIND_WORDS: readonly DirectoryKind[] = DIRECTORY_KIND_WORDS.filter((word) => {
  const { actor } = DIRECTORY_KINDS[word];
  return actor === "producer" || actor === "amap";
});

export const PRODUCERS_API_PARAMETERS = ["q", "type", "commune", "pres", "km", "categorie", "bio", "label", "page"] as const;

/** A refused parameter: which one, and the sentence (app/i18n key) that says why, with its values. */
export type QueryIssue = { path: string; messageKey: string; messageParams: Record<string, string | number> };

const INSEE = /^\d[\dAB]\d{3}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const FLAG = /^[01]$/;

export function readProducersApiQuery(params: URLSearchParams): { ok: true; query: DirectoryQuery } | { ok: false; issues: QueryIssue[] } {
  const issues: QueryIssue[] = [];
  const refuse = (path: string, messageKey: string, messageParams: Record<string, string | number> = {}) => issues.push({ path, messageKey, messageParams });
  const known: readonly string[] = PRODUCERS_API_PARAMETERS;
  for (const name of new Set(params.keys())) {
    if (!known.includes(name)) refuse(name, "producersApi.query.unknown", { name, allowed: PRODUCERS_API_PARAMETERS.join(", ") });
  }
  const value = (name: string) => params.get(name);
  const q = value("q");
  if (q !== null && q.trim().length > SEARCH_MAX_LENGTH) refuse("q", "producersApi.query.q", { max: SEARCH_MAX_LENGTH });
  const type = value("type");
  if (type !== null && !(isDirectoryKind(type) && PRODUCER_KIND_WORDS.includes(type))) refuse("type", "producersApi.query.type", { allowed: PRODUCER_KIND_WORDS.join(", ") });
  const commune = value("commune");
  if (commune !== null && !INSEE.test(commune)) refuse("commune", "producersApi.query.commune");
  const near = value("pres");
  if (near !== null && communeOf(near) === null) refuse("pres", "producersApi.query.near");
  if (near !== null && commune !== null) refuse("commune", "producersApi.query.communeAndNear");
  const km = value("km");
  const radii = [IN_COMMUNE_KM, ...NEAR_KM.map(String)];
  if (km !== null && !radii.includes(km)) refuse("km", "producersApi.query.km", { allowed: radii.join(", ") });
  if (km !== null && near === null) refuse("km", "producersApi.query.kmWithoutNear");
  const category = value("categorie");
  if (category !== null && !ID.test(category)) refuse("categorie", "producersApi.query.category");
  for (const flag of ["bio", "label"]) {
    const given = value(flag);
    if (given !== null && !FLAG.test(given)) refuse(flag, "producersApi.query.flag", { name: flag });
  }
  const page = value("page");
  if (page !== null && !(/^\d+$/.test(page) && Number(page) >= 1 && Number(page) <= MAX_PAGE)) refuse("page", "producersApi.query.page", { max: MAX_PAGE });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, query: readDirectoryQuery(params) };
}

export type ApiProducer = {
  id: string;
  slug: string;
  name: string;
  type: "producer" | "amap";
  /** The directory's kind word, as the `type` parameter takes it: « pecheur », « cidrier », « amap »… */
  kind: DirectoryKind;
  commune: { name: string; inseeCode: string } | null;
  position: { lat: number; lon: number } | null;
  /** Great-circle km from the commune searched around (`pres`); null without it. */
  distanceKm: number | null;
  categories: Array<{ fr: string; en: string }>;
  organic: boolean;
  /** Their products' « Produit local Dieppe Maritime » labels valid at the request's instant. */
  labels: Array<{ number: string; status: "granted"; verificationUrl: string }>;
  pageUrl: string;
  dfcCatalogUrl: string;
};

/** A directory result as the API gives it: absolute addresses under the site's, its DFC catalogue's among them. Null for anything but a producer or an AMAP. */
export function presentProducer(result: DirectoryResult, appUrl: string): ApiProducer | null {
  if ((result.type !== "producer" && result.type !== "amap") || !result.slug) return null;
  const site = appUrl.replace(/\/+$/, "");
  return {
    id: result.id,
    slug: result.slug,
    name: result.name,
    type: result.type,
    kind: result.kind,
    commune: result.commune !== null && result.communeInsee !== null ? { name: result.commune, inseeCode: result.communeInsee } : null,
    position: result.lat !== null && result.lon !== null ? { lat: result.lat, lon: result.lon } : null,
    distanceKm: result.km === null ? null : Math.round(result.km * 10) / 10,
    categories: result.categories,
    organic: result.organic,
    labels: result.labels.map((number) => ({ number, status: "granted", verificationUrl: verificationUrl(site, number) })),
    pageUrl: `${site}/producteurs/${encodeURIComponent(result.slug)}`,
    dfcCatalogUrl: dfcCatalogUrl(site, result.slug),
  };
}
