import { typedNumber } from "~/domain/typed-number";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { isCalendarDate } from "~/domain/donations/donation-rules";
import { publishLotSchema, type PublishLotInput } from "~/domain/donations/lot-input";
import { eurosToCents } from "~/domain/sales/offer-rules";
import { parisDateTime, TERRITORY_TIME_ZONE } from "~/domain/time/paris";
import { isMessageKey, type MessageKey } from "~/i18n/messages";

/**
 * The donor's forms, as typed on a phone, turned into the API's own schema (publishLotSchema):
 * decimal commas ("2,5" kg, "3,20" €), Paris wall-clock times from datetime-local inputs,
 * checkboxes, empty fields meaning "not given". One set of rules for the page and the API.
 */

export type FormIssue = { field: string; messageKey: MessageKey };
export type LotFormResult = { ok: true; input: PublishLotInput } | { ok: false; issues: FormIssue[] };

/** The publish form's field names (the schema's, except the price typed in euros). */
export const LOT_FORM_FIELDS = [
  "productName",
  "description",
  "categoryId",
  "quantity",
  "unit",
  "storage",
  "useBy",
  "bestBefore",
  "lotNumber",
  "rawFishery",
  "frozenAtMinus18",
  "pickupPlace",
  "pickupStart",
  "pickupEnd",
  "costPrice",
] as const;

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d{1,3})?)?$/;

/** "2,5", "2.5", " 15 " → a number; anything else stays as typed (the schema then names the field). */
export function decimalFromText(value: string | undefined): number | string | undefined {
  return typedNumber(value) as number | string | undefined;
}

/** A datetime-local value ("2026-11-27T17:00") read as Paris wall-clock time, or null. */
export function parisLocalToInstant(value: string | undefined): Date | null {
  const match = LOCAL_DATE_TIME.exec((value ?? "").trim());
  if (!match || !isCalendarDate(match[1]!)) return null;
  return parisDateTime(match[1]!, `${match[2]}:${match[3]}`);
}

/** An instant as a datetime-local value in Paris time: what the form shows back. */
export function instantToParisLocal(instant: Date): string {
  return format(new TZDate(instant.getTime(), TERRITORY_TIME_ZONE), "yyyy-MM-dd'T'HH:mm");
}

function optionalText(value: string | undefined): string | null {
  const text = (value ?? "").trim();
  return text === "" ? null : text;
}

function checkbox(value: string | undefined): boolean | string {
  if (value === undefined || value === "" || value === "off" || value === "false") return false;
  if (value === "on" || value === "true" || value === "1") return true;
  return value;
}

/** Units as the form offers them (French words as values are fine: they never reach the API). */
const UNIT_VALUES: Record<string, string> = { kg: "kg", piece: "piece", litre: "litre" };
const STORAGE_VALUES: Record<string, string> = { ambient: "ambient", chilled: "chilled", frozen: "frozen" };

/**
 * The API's messages speak of ISO 8601 and cents; a form's reader typed a date and euros. These
 * fields get the form's own sentence, the others keep the API's (they already name the field).
 */
const FORM_MESSAGES: Partial<Record<string, MessageKey>> = {
  pickupStart: "donor.field.pickupStart",
  pickupEnd: "donor.field.pickupEnd",
  costPriceCents: "donor.field.costPrice",
  unit: "donor.field.unit",
  storage: "donor.field.storage",
  useBy: "donor.field.useBy",
  bestBefore: "donor.field.bestBefore",
  rawFishery: "donor.field.checkbox",
  frozenAtMinus18: "donor.field.checkbox",
};

/** The schema's field → the form's field. */
export function formFieldOf(schemaField: string): string {
  return schemaField === "costPriceCents" ? "costPrice" : schemaField;
}

/** The raw values a lot form sends, read into the API schema's input shape (not yet validated). */
export function lotFormCandidate(raw: Record<string, string | undefined>) {
  const start = parisLocalToInstant(raw.pickupStart);
  const end = parisLocalToInstant(raw.pickupEnd);
  const price = (raw.costPrice ?? "").trim();
  return {
    productName: (raw.productName ?? "").trim(),
    description: optionalText(raw.description),
    categoryId: optionalText(raw.categoryId),
    quantity: decimalFromText(raw.quantity) ?? "",
    unit: UNIT_VALUES[raw.unit ?? ""] ?? raw.unit ?? "",
    storage: STORAGE_VALUES[raw.storage ?? ""] ?? raw.storage ?? "",
    useBy: optionalText(raw.useBy),
    bestBefore: optionalText(raw.bestBefore),
    lotNumber: optionalText(raw.lotNumber),
    rawFishery: checkbox(raw.rawFishery),
    frozenAtMinus18: checkbox(raw.frozenAtMinus18),
    pickupPlace: optionalText(raw.pickupPlace),
    // A wall-clock time that is not one stays as typed: the schema refuses it by the field's name.
    pickupStart: start ? start.toISOString() : (raw.pickupStart ?? ""),
    pickupEnd: end ? end.toISOString() : (raw.pickupEnd ?? ""),
    costPriceCents: price === "" ? "" : (eurosToCents(price) ?? price),
  };
}

/** A lot form → the API's input, or every field that is wrong, each with its message key. */
export function parseLotForm(raw: Record<string, string | undefined>): LotFormResult {
  const parsed = publishLotSchema.safeParse(lotFormCandidate(raw));
  if (parsed.success) return { ok: true, input: parsed.data };
  const issues: FormIssue[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const schemaField = String(issue.path[0] ?? "");
    const field = formFieldOf(schemaField);
    if (seen.has(field)) continue;
    seen.add(field);
    const messageKey = FORM_MESSAGES[schemaField] ?? (isMessageKey(issue.message) ? issue.message : "error.invalid");
    issues.push({ field, messageKey });
  }
  return { ok: false, issues };
}

/** The unsold form's per-offer fields (`quantity.<offerId>`…); the window and place are common. */
export const UNSOLD_ROW_FIELDS = ["quantity", "costPrice", "useBy", "bestBefore", "storage", "rawFishery", "frozenAtMinus18", "lotNumber"] as const;
export const UNSOLD_COMMON_FIELDS = ["pickupPlace", "pickupStart", "pickupEnd"] as const;

/** At most this many rows in one submit (a week of unsold offers is far fewer). */
export const MAX_UNSOLD_ROWS = 200;

const OFFER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type UnsoldRowForm = { offerId: string; values: Record<string, string | undefined> };
export type UnsoldForm = { rows: UnsoldRowForm[]; common: Record<string, string | undefined> };

/**
 * The unsold form's checked rows (`give.<offerId>` ticked) with their own fields, and the common
 * pickup place and window. An id that cannot be one is refused as the unknown id it is.
 */
export function parseUnsoldForm(raw: Record<string, string | undefined>): { ok: true; form: UnsoldForm } | { ok: false; issue: FormIssue } {
  const rows: UnsoldRowForm[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith("give.") || checkbox(value) !== true) continue;
    const offerId = key.slice("give.".length);
    if (!OFFER_ID.test(offerId)) return { ok: false, issue: { field: key, messageKey: "field.id.invalid" } };
    rows.push({ offerId, values: Object.fromEntries(UNSOLD_ROW_FIELDS.map((field) => [field, raw[`${field}.${offerId}`]])) });
  }
  if (rows.length === 0) return { ok: false, issue: { field: "give", messageKey: "donor.unsold.none_checked" } };
  if (rows.length > MAX_UNSOLD_ROWS) return { ok: false, issue: { field: "give", messageKey: "donor.unsold.too_many" } };
  return { ok: true, form: { rows, common: Object.fromEntries(UNSOLD_COMMON_FIELDS.map((field) => [field, raw[field]])) } };
}
