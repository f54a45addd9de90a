import { communes, type Commune } from "~/domain/reference/reference-data";

/**
 * What a directory search asks, as it lives in the URL (/annuaire?q=cidre&type=cidrier&commune=76217&bio=1&page=2,
 * or near a commune: /annuaire?q=coquilles&pres=dieppe&km=20):
 * shareable, and the GET form writes it without any script. Pure: read from and written back to
 * URL parameters, the two inverse of each other for every query this accepts. Anything the page
 * does not know (an unknown kind, a page of letters) is dropped, never an error: a shared link
 * that has aged still opens a directory.
 */

/** The kinds of actor the directory lists, by their URL word; `subKind` is the schema's ProducerKind or EssActorKind. */
export const DIRECTORY_KINDS = {
  maraicher: { actor: "producer", subKind: "MARKET_GARDENER" },
  laitier: { actor: "producer", subKind: "DAIRY" },
  eleveur: { actor: "producer", subKind: "LIVESTOCK" },
  cidrier: { actor: "producer", subKind: "CIDER_MAKER" },
  boulanger: { actor: "producer", subKind: "BAKER" },
  pecheur: { actor: "producer", subKind: "FISHER" },
  transformateur: { actor: "producer", subKind: "PROCESSOR" },
  apiculteur: { actor: "producer", subKind: "BEEKEEPER" },
  amap: { actor: "amap", subKind: null },
  "point-de-retrait": { actor: "pickupPoint", subKind: null },
  association: { actor: "charity", subKind: null },
  // The territory's ESS actors entered by the admin (EssActorKind in the schema).
  "jardin-partage": { actor: "essActor", subKind: "COMMUNITY_GARDEN" },
  "atelier-insertion": { actor: "essActor", subKind: "INSERTION_WORKSHOP" },
  cigales: { actor: "essActor", subKind: "CIGALES" },
  "creation-entreprise": { actor: "essActor", subKind: "BUSINESS_CREATION_HUB" },
  "reseau-ess": { actor: "essActor", subKind: "ESS_NETWORK" },
} as const;

export type DirectoryKind = keyof typeof DIRECTORY_KINDS;
export type ActorType = (typeof DIRECTORY_KINDS)[DirectoryKind]["actor"];

export const DIRECTORY_KIND_WORDS = Object.keys(DIRECTORY_KINDS) as DirectoryKind[];

export function isDirectoryKind(value: string): value is DirectoryKind {
  return Object.hasOwn(DIRECTORY_KINDS, value);
}

/** The URL word of an actor's kind, as results name it. */
export function kindWordOf(actor: ActorType, subKind: string | null): DirectoryKind {
  const found = DIRECTORY_KIND_WORDS.find((word) => {
    const kind = DIRECTORY_KINDS[word];
    return kind.actor === actor && (kind.subKind === null || kind.subKind === subKind);
  });
  return found ?? (actor === "amap" ? "amap" : actor === "pickupPoint" ? "point-de-retrait" : actor === "charity" ? "association" : "maraicher");
}

export type DirectoryQuery = {
  /** Words typed, trimmed and with runs of spaces made one; "" is no search. */
  q: string;
  kind: DirectoryKind | null;
  /** A commune's INSEE code: only the actors of that commune (« à Dieppe »). */
  commune: string | null;
  /** Around a commune (« près de Dieppe »): its INSEE code and the radius; results sorted by distance. Never set with `commune`. */
  near: { commune: string; km: NearKm } | null;
  /** A product category's id. */
  category: string | null;
  organic: boolean;
  /** Only actors holding (or, for a point, selling) a « Produit local Dieppe Maritime » label valid now. */
  label: boolean;
  page: number;
};

export const SEARCH_MAX_LENGTH = 80;
export const PAGE_SIZE = 20;
/** Past this page a search is a crawl, not a person: the last page a link may ask for. */
export const MAX_PAGE = 500;

/** The radii a visitor may choose around a commune, in km; 0 in the form means « in the commune only ». */
export const NEAR_KM = [10, 20, 40] as const;
export type NearKm = (typeof NEAR_KM)[number];
/** The radius when a commune is chosen and no radius is given (a shared `?pres=dieppe`). */
export const DEFAULT_NEAR_KM: NearKm = 20;
/** The form's radius word for « only in this commune », the exact-commune filter. */
export const IN_COMMUNE_KM = "0";

const INSEE = /^\d[\dAB]\d{3}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function readDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const q = (params.get("q") ?? "").replace(/\s+/g, " ").trim().slice(0, SEARCH_MAX_LENGTH).trim();
  const kind = params.get("type") ?? "";
  const commune = params.get("commune") ?? "";
  const around = communeOf(params.get("pres") ?? "");
  const km = params.get("km") ?? "";
  const radius = NEAR_KM.find((choice) => String(choice) === km) ?? DEFAULT_NEAR_KM;
  const category = params.get("categorie") ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    q,
    kind: isDirectoryKind(kind) ? kind : null,
    // The form sends one commune as `pres` with a radius; « 0 km » is the commune alone, as `commune=` says.
    commune: around && km === IN_COMMUNE_KM ? around.inseeCode : !around && INSEE.test(commune) ? commune : null,
    near: around && km !== IN_COMMUNE_KM ? { commune: around.inseeCode, km: radius } : null,
    category: ID.test(category) ? category : null,
    organic: params.get("bio") === "1",
    label: params.get("label") === "1",
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The URL parameters of a query, only those it sets, in a stable order: `readDirectoryQuery` reads them back the same. */
export function directoryParams(query: DirectoryQuery, overrides: Partial<DirectoryQuery> = {}): URLSearchParams {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.kind) params.set("type", merged.kind);
  if (merged.commune) params.set("commune", merged.commune);
  if (merged.near) {
    params.set("pres", communeSlug(communeByInsee(merged.near.commune)?.name ?? merged.near.commune));
    params.set("km", String(merged.near.km));
  }
  if (merged.category) params.set("categorie", merged.category);
  if (merged.organic) params.set("bio", "1");
  if (merged.label) params.set("label", "1");
  if (merged.page > 1) params.set("page", String(merged.page));
  return params;
}

export function directoryHref(query: DirectoryQuery, overrides: Partial<DirectoryQuery> = {}): string {
  const search = directoryParams(query, overrides).toString();
  return search ? `/annuaire?${search}` : "/annuaire";
}

/** A commune's name as a URL word: « Arques-la-Bataille » → « arques-la-bataille ». */
export function communeSlug(name: string): string {
  return name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function communeByInsee(inseeCode: string): Commune | undefined {
  return communes.find((commune) => commune.inseeCode === inseeCode);
}

/** The territory's commune a link names by INSEE code or by its name's URL word (any case, accents or not). */
export function communeOf(word: string): Commune | null {
  const trimmed = word.trim();
  if (trimmed === "") return null;
  const slug = communeSlug(trimmed);
  return communes.find((commune) => commune.inseeCode === trimmed || communeSlug(commune.name) === slug) ?? null;
}

/** A search's words as a LIKE pattern that matches them anywhere, with %, _ and \ taken literally. */
export function containsPattern(words: string): string {
  return `%${words.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}
