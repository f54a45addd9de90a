/**
 * The rules of the label « Produit local Dieppe Maritime » (docs/product.md, decision 029), pure.
 * Every number comes from ONE configuration, app/config/label-criteria.json, which the published
 * criteria page reads too: adapt the numbers there, never here.
 *
 * - Distances are great-circle kilometres (haversine, mean Earth radius) to the NEAREST commune of
 *   the territory (reference data: communes.json), limit included (40 km is within).
 * - Fresh farm products: the place of production within the limit.
 * - Sea products: landed at a configured port itself within the limit, caught in a configured FAO area.
 * - Farmed shellfish: the farming site within the limit.
 * - Processed food: made within the limit, and at least the configured share of its raw materials by
 *   weight local (an ingredient is local when its origin is within the limit), water and salt not counted;
 *   or, without positions per ingredient, the local share the producer declares (checked by the reviewer).
 * - Status is a fact of time: a granted or suspended label whose end has passed is EXPIRED at that
 *   instant (`labelStatusAt`), whatever is stored and whether or not any job ran.
 */
import { z } from "zod";
import criteriaJson from "~/config/label-criteria.json";
import { communes, faoAreaByCode } from "~/domain/reference/reference-data";

// ---------------------------------------------------------------------------------------------
// The configuration, checked once when loaded (a broken file stops the start, never a wrong check)

const criteriaSchema = z.object({
  maxDistanceKm: z.number().positive(),
  minLocalSharePercent: z.number().min(0).max(100),
  notCountedInLocalShare: z.array(z.enum(["WATER", "SALT"])),
  faoAreas: z.array(z.string().min(1)).min(1),
  ports: z
    .array(z.object({ code: z.string().regex(/^[A-Z_]+$/), name: z.string().min(1), lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }))
    .min(1),
  validityYears: z.number().int().positive(),
  reminderDaysBeforeExpiry: z.number().int().positive(),
});

export type LabelCriteria = z.infer<typeof criteriaSchema>;
export type LandingPort = LabelCriteria["ports"][number];

export function parseLabelCriteria(json: unknown): LabelCriteria {
  const criteria = criteriaSchema.parse(json);
  for (const area of criteria.faoAreas) {
    if (!faoAreaByCode(area)) throw new Error(`label-criteria.json: unknown FAO area ${area}`);
  }
  return criteria;
}

/** The criteria in force: app/config/label-criteria.json. */
export const LABEL_CRITERIA: LabelCriteria = parseLabelCriteria(criteriaJson);

// ---------------------------------------------------------------------------------------------
// Statuses

export const STORED_LABEL_STATUSES = ["PENDING", "CHANGES_REQUESTED", "GRANTED", "REFUSED", "SUSPENDED", "REVOKED"] as const;
export type StoredLabelStatus = (typeof STORED_LABEL_STATUSES)[number];
/** What a label is at an instant: its stored status, or EXPIRED once its end has passed. */
export type LabelStatusAt = StoredLabelStatus | "EXPIRED";

export const LABEL_PRODUCT_CLASSES = ["FARM", "SEA_CAUGHT", "SHELLFISH_FARMED", "PROCESSED"] as const;
export type LabelProductClassCode = (typeof LABEL_PRODUCT_CLASSES)[number];

/**
 * The status at `now`: a GRANTED or SUSPENDED label whose validUntil is at or before `now` is EXPIRED
 * (the end instant is the first instant it no longer holds). Revoked and refused stay what they are.
 */
export function labelStatusAt(label: { status: StoredLabelStatus; validUntil: Date | null }, now: Date): LabelStatusAt {
  if ((label.status === "GRANTED" || label.status === "SUSPENDED") && label.validUntil !== null && label.validUntil.getTime() <= now.getTime()) {
    return "EXPIRED";
  }
  return label.status;
}

/**
 * The status the public reads for a numbered label (one that was granted once): a label applied for
 * again after its expiry, or refused then, is still the expired label consumers know.
 */
export function publicLabelStatusAt(label: { status: StoredLabelStatus; validUntil: Date | null }, now: Date): LabelStatusAt {
  const status = labelStatusAt(label, now);
  return status === "PENDING" || status === "CHANGES_REQUESTED" || status === "REFUSED" ? "EXPIRED" : status;
}

/** Shown to the public as a valid label: granted and not expired at `now`. */
export function isLabelValidAt(label: { status: StoredLabelStatus; validUntil: Date | null }, now: Date): boolean {
  return labelStatusAt(label, now) === "GRANTED";
}

// ---------------------------------------------------------------------------------------------
// Validity, reminder, number

/** `from` plus the configured years, same instant of the day (29 February → 1 March). */
export function validityEnd(from: Date, criteria: LabelCriteria = LABEL_CRITERIA): Date {
  const end = new Date(from.getTime());
  end.setUTCFullYear(end.getUTCFullYear() + criteria.validityYears);
  return end;
}

/** The instant from which the renewal reminder is due: the configured days before the end. */
export function reminderDueFrom(validUntil: Date, criteria: LabelCriteria = LABEL_CRITERIA): Date {
  return new Date(validUntil.getTime() - criteria.reminderDaysBeforeExpiry * 24 * 60 * 60 * 1000);
}

/** Due when granted, not expired, within the reminder window, not reminded for this end, no renewal sent. */
export function isReminderDue(
  label: { status: StoredLabelStatus; validUntil: Date | null; remindedFor: Date | null; renewalRequestedAt: Date | null },
  now: Date,
  criteria: LabelCriteria = LABEL_CRITERIA,
): boolean {
  if (label.status !== "GRANTED" || label.validUntil === null || label.renewalRequestedAt !== null) return false;
  if (label.validUntil.getTime() <= now.getTime()) return false;
  if (label.remindedFor !== null && label.remindedFor.getTime() === label.validUntil.getTime()) return false;
  return reminderDueFrom(label.validUntil, criteria).getTime() <= now.getTime();
}

export const LABEL_NUMBER_PATTERN = /^DM-\d{4}-\d{4}$/;

export function labelNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) throw new Error(`label sequence out of range: ${sequence}`);
  return `DM-${year}-${String(sequence).padStart(4, "0")}`;
}

/** A number as typed (spaces, lower case) put in its one form, or null when it cannot be one. */
export function normaliseLabelNumber(typed: string): string | null {
  const compact = typed.trim().toUpperCase().replace(/\s+/g, "");
  return LABEL_NUMBER_PATTERN.test(compact) ? compact : null;
}

// ---------------------------------------------------------------------------------------------
// Distances

export type Position = { lat: number; lon: number };

export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine). */
export function greatCircleKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type NearestCommune = { name: string; inseeCode: string; km: number };

/** The territory's commune nearest to `position` (communes.json), with the distance. */
export function nearestCommune(position: Position): NearestCommune {
  let best: NearestCommune | null = null;
  for (const commune of communes) {
    const km = greatCircleKm(position, commune);
    if (best === null || km < best.km) best = { name: commune.name, inseeCode: commune.inseeCode, km };
  }
  if (best === null) throw new Error("no commune in the reference data");
  return best;
}

export function isWithinTerritory(position: Position, criteria: LabelCriteria = LABEL_CRITERIA): boolean {
  return nearestCommune(position).km <= criteria.maxDistanceKm;
}

export function portByCode(code: string, criteria: LabelCriteria = LABEL_CRITERIA): LandingPort | undefined {
  return criteria.ports.find((port) => port.code === code);
}

// ---------------------------------------------------------------------------------------------
// Local share by weight

export type IngredientKind = "INGREDIENT" | "WATER" | "SALT";
export type LabelIngredient = { name: string; grams: number; kind: IngredientKind; lat: number | null; lon: number | null };

export type LocalShare = { localGrams: number; countedGrams: number; percent: number };

/**
 * The share of the raw materials by weight that is local, water and salt not counted (configuration).
 * An ingredient is local when its origin position is within the limit. Null when nothing is counted.
 */
export function localShare(ingredients: readonly LabelIngredient[], criteria: LabelCriteria = LABEL_CRITERIA): LocalShare | null {
  const excluded = new Set<string>(criteria.notCountedInLocalShare);
  let countedGrams = 0;
  let localGrams = 0;
  for (const ingredient of ingredients) {
    if (excluded.has(ingredient.kind)) continue;
    countedGrams += ingredient.grams;
    if (ingredient.lat !== null && ingredient.lon !== null && isWithinTerritory({ lat: ingredient.lat, lon: ingredient.lon }, criteria)) {
      localGrams += ingredient.grams;
    }
  }
  if (countedGrams <= 0) return null;
  return { localGrams, countedGrams, percent: (localGrams * 100) / countedGrams };
}

/** At least the configured share (limit included), compared without rounding. */
export function meetsLocalShare(share: LocalShare, criteria: LabelCriteria = LABEL_CRITERIA): boolean {
  return share.localGrams * 100 >= criteria.minLocalSharePercent * share.countedGrams;
}

// ---------------------------------------------------------------------------------------------
// An application's evidence: what it proves, and what is still missing

export type LabelEvidence = {
  productClass: LabelProductClassCode;
  placeName: string;
  place: Position | null;
  landingPort: string | null;
  faoArea: string | null;
  ingredients: readonly LabelIngredient[];
  declaredLocalSharePercent: number | null;
  lotTraceability: boolean;
  documentCount: number;
};

/** What is missing before an application can be sent; each code has a message (label area, `label.missing.<code>`). */
export type MissingItem = "place" | "landing_port" | "fao_area" | "ingredients" | "lot_traceability" | "document";

/** A criterion measured on the evidence, met or not (`label.criterion.<code>`). */
export type CriterionCheck =
  | { code: "place_within"; met: boolean; km: number; commune: string; maxKm: number }
  | { code: "port_within"; met: boolean; km: number | null; port: string | null; maxKm: number }
  | { code: "fao_area"; met: boolean; area: string }
  | { code: "local_share"; met: boolean; percent: number; minPercent: number; declared: boolean };

export type EvidenceAssessment = {
  /** Distance from the place (production, processing or farming site) to the nearest commune. */
  distance: NearestCommune | null;
  checks: CriterionCheck[];
  missing: MissingItem[];
  /** Nothing missing and every measured criterion met: the application may be sent. */
  sendable: boolean;
};

function needsPlace(productClass: LabelProductClassCode): boolean {
  return productClass !== "SEA_CAUGHT";
}

/** What is still missing from an application, in the order the form asks for it. */
export function whatIsMissing(evidence: LabelEvidence, criteria: LabelCriteria = LABEL_CRITERIA): MissingItem[] {
  const missing: MissingItem[] = [];
  if (needsPlace(evidence.productClass) && evidence.place === null) missing.push("place");
  if (evidence.productClass === "SEA_CAUGHT") {
    if (evidence.landingPort === null || !portByCode(evidence.landingPort, criteria)) missing.push("landing_port");
    if (evidence.faoArea === null || evidence.faoArea.trim() === "") missing.push("fao_area");
  }
  if (evidence.productClass === "PROCESSED" && localShare(evidence.ingredients, criteria) === null && evidence.declaredLocalSharePercent === null) {
    missing.push("ingredients");
  }
  if (!evidence.lotTraceability) missing.push("lot_traceability");
  if (evidence.documentCount < 1) missing.push("document");
  return missing;
}

/** The criteria measured on the evidence (what can be measured from what was given) and what is missing. */
export function assessEvidence(evidence: LabelEvidence, criteria: LabelCriteria = LABEL_CRITERIA): EvidenceAssessment {
  const checks: CriterionCheck[] = [];
  let distance: NearestCommune | null = null;
  if (needsPlace(evidence.productClass) && evidence.place !== null) {
    distance = nearestCommune(evidence.place);
    checks.push({ code: "place_within", met: distance.km <= criteria.maxDistanceKm, km: distance.km, commune: distance.name, maxKm: criteria.maxDistanceKm });
  }
  if (evidence.productClass === "SEA_CAUGHT") {
    const port = evidence.landingPort === null ? undefined : portByCode(evidence.landingPort, criteria);
    if (port) {
      const km = nearestCommune(port).km;
      checks.push({ code: "port_within", met: km <= criteria.maxDistanceKm, km, port: port.name, maxKm: criteria.maxDistanceKm });
    }
    if (evidence.faoArea !== null && evidence.faoArea.trim() !== "") {
      checks.push({ code: "fao_area", met: criteria.faoAreas.includes(evidence.faoArea.trim()), area: evidence.faoArea.trim() });
    }
  }
  if (evidence.productClass === "PROCESSED") {
    const share = localShare(evidence.ingredients, criteria);
    if (share !== null) {
      checks.push({ code: "local_share", met: meetsLocalShare(share, criteria), percent: share.percent, minPercent: criteria.minLocalSharePercent, declared: false });
    } else if (evidence.declaredLocalSharePercent !== null) {
      checks.push({
        code: "local_share",
        met: evidence.declaredLocalSharePercent >= criteria.minLocalSharePercent,
        percent: evidence.declaredLocalSharePercent,
        minPercent: criteria.minLocalSharePercent,
        declared: true,
      });
    }
  }
  const missing = whatIsMissing(evidence, criteria);
  return { distance, checks, missing, sendable: missing.length === 0 && checks.every((check) => check.met) };
}
