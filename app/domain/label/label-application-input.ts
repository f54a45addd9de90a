/**
 * The label application form as the server reads it (pure): the product, its class and the evidence.
 * Numbers as typed on a phone ("49,92"); blank fields are "not given" and show in what is missing,
 * never as an error. Ingredients come as numbered rows (ingredient0Name, ingredient0Grams…), blank rows
 * skipped; a row with a name but no weight is an error that names it.
 */
import { z } from "zod";
import { idField } from "~/domain/fields";
import { typedNumber } from "~/domain/typed-number";
import { LABEL_PRODUCT_CLASSES, type LabelEvidence, type LabelIngredient } from "./label-criteria";

export const MAX_INGREDIENT_ROWS = 12;
const message = (key: string) => ({ message: key });

const latitude = z.preprocess((value) => typedNumber(value), z.number(message("label.field.lat")).min(-90, message("label.field.lat")).max(90, message("label.field.lat")).optional());
const longitude = z.preprocess((value) => typedNumber(value), z.number(message("label.field.lon")).min(-180, message("label.field.lon")).max(180, message("label.field.lon")).optional());
const text = (max: number) => z.string().trim().max(max, message("label.field.too_long")).optional().default("");

const baseSchema = z.object({
  productId: idField,
  productClass: z.enum(LABEL_PRODUCT_CLASSES, message("label.field.productClass")),
  placeName: text(200),
  placeLat: latitude,
  placeLon: longitude,
  landingPort: text(40),
  faoArea: text(20),
  declaredLocalSharePercent: z.preprocess((value) => typedNumber(value), z.number(message("label.field.share")).min(0, message("label.field.share")).max(100, message("label.field.share")).optional()),
  lotTraceability: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
  hygieneApproval: text(60),
  producerNote: text(2000),
});

const ingredientSchema = z.object({
  name: z.string().trim().min(1, message("label.field.ingredientName")).max(100, message("label.field.too_long")),
  grams: z.preprocess((value) => typedNumber(value, ["kg", "g"]), z.number(message("label.field.grams")).int(message("label.field.grams")).positive(message("label.field.grams")).max(10_000_000, message("label.field.grams"))),
  kind: z.enum(["INGREDIENT", "WATER", "SALT"]).default("INGREDIENT"),
  lat: latitude,
  lon: longitude,
});

export type LabelApplicationInput = {
  productId: string;
  evidence: Omit<LabelEvidence, "documentCount">;
  hygieneApproval: string;
  producerNote: string;
};

export type ParsedApplication = { ok: true; value: LabelApplicationInput } | { ok: false; errors: Record<string, string> };

/** Reads the form; each refused field named with its message key. A half-given position (lat without lon) is refused. */
export function parseLabelApplication(form: Record<string, unknown>): ParsedApplication {
  const errors: Record<string, string> = {};
  const base = baseSchema.safeParse(form);
  if (!base.success) {
    for (const issue of base.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  const ingredients: LabelIngredient[] = [];
  for (let index = 0; index < MAX_INGREDIENT_ROWS; index += 1) {
    const row = {
      name: form[`ingredient${index}Name`],
      grams: form[`ingredient${index}Grams`],
      kind: form[`ingredient${index}Kind`] || undefined,
      lat: form[`ingredient${index}Lat`],
      lon: form[`ingredient${index}Lon`],
    };
    const blank = [row.name, row.grams, row.lat, row.lon].every((value) => value === undefined || (typeof value === "string" && value.trim() === ""));
    if (blank) continue;
    const parsed = ingredientSchema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      errors[`ingredient${index}${String(issue.path[0] ?? "Name").replace(/^./, (c) => c.toUpperCase())}`] = issue.message;
      continue;
    }
    if ((parsed.data.lat === undefined) !== (parsed.data.lon === undefined)) {
      errors[`ingredient${index}Lat`] = "label.field.position";
      continue;
    }
    ingredients.push({ name: parsed.data.name, grams: parsed.data.grams, kind: parsed.data.kind, lat: parsed.data.lat ?? null, lon: parsed.data.lon ?? null });
  }
  if (!base.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const data = base.data;
  if ((data.placeLat === undefined) !== (data.placeLon === undefined)) return { ok: false, errors: { placeLat: "label.field.position" } };
  const sea = data.productClass === "SEA_CAUGHT";
  return {
    ok: true,
    value: {
      productId: data.productId,
      hygieneApproval: data.hygieneApproval,
      producerNote: data.producerNote,
      evidence: {
        productClass: data.productClass,
        placeName: data.placeName,
        place: sea || data.placeLat === undefined || data.placeLon === undefined ? null : { lat: data.placeLat, lon: data.placeLon },
        landingPort: sea && data.landingPort !== "" ? data.landingPort : null,
        faoArea: sea && data.faoArea !== "" ? data.faoArea : null,
        ingredients: data.productClass === "PROCESSED" ? ingredients : [],
        declaredLocalSharePercent: data.productClass === "PROCESSED" ? (data.declaredLocalSharePercent ?? null) : null,
        lotTraceability: data.lotTraceability,
      },
    },
  };
}
