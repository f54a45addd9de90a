import { z } from "zod";
import { parseWithParts } from "~/domain/form-parts";
import { emailField } from "~/domain/fields";
import { ESS_ACTOR_KINDS } from "~/domain/ess/ess-actor-kinds";
import { searchKey } from "~/domain/ess/search-key";
import { communeByInsee, withinTerritory } from "~/domain/organisations/territory";
import type { MessageKey } from "~/i18n/messages";

function message(key: MessageKey) {
  return { error: key };
}

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A coordinate typed in a form: empty means "not given"; a comma is accepted as decimal mark. */
export const coordinateField = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim().replace(",", "."))) : value),
  z.number(message("essActors.field.position.invalid")).finite(message("essActors.field.position.invalid")).optional(),
);

export const communeField = z
  .string(message("essActors.field.commune.unknown"))
  .trim()
  .refine((code) => communeByInsee(code) !== undefined, message("essActors.field.commune.unknown"));

/** An http(s) address, or nothing. */
export const websiteField = z.preprocess(
  emptyToUndefined,
  z
    .string(message("essActors.field.website.invalid"))
    .trim()
    .max(300, message("essActors.field.website.invalid"))
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
      } catch {
        return false;
      }
    }, message("essActors.field.website.invalid"))
    .optional(),
);

export const phoneField = z.preprocess(
  emptyToUndefined,
  z
    .string(message("essActors.field.phone.invalid"))
    .trim()
    .max(30, message("essActors.field.phone.invalid"))
    .regex(/^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/, message("essActors.field.phone.invalid"))
    .optional(),
);

/**
 * A position typed as two coordinates, or none (the commune's centre then): both or neither, and
 * inside the territory's box (`withinTerritory`). Adds its issues on `lat`/`lon`.
 */
export function checkPosition(position: { lat?: number; lon?: number }, context: z.RefinementCtx): void {
  if ((position.lat === undefined) !== (position.lon === undefined)) {
    context.addIssue({ code: "custom", path: [position.lat === undefined ? "lat" : "lon"], message: "essActors.field.position.incomplete" });
  } else if (position.lat !== undefined && position.lon !== undefined && !withinTerritory(position.lat, position.lon)) {
    context.addIssue({ code: "custom", path: ["lat"], message: "essActors.field.position.outside" });
  }
}

/** The position alone: its issues are reported with the others' (zod runs an object's refinements only once its fields parse). */
export const positionSchema = z.object({ lat: coordinateField, lon: coordinateField }).superRefine(checkPosition);

/** A form with a position (an ESS actor's): the position's issues are named with the others'. */
export function parseWithPosition<Schema extends z.ZodType>(schema: Schema, form: Record<string, string>): ReturnType<Schema["safeParse"]> {
  return parseWithParts(schema, form, [positionSchema]);
}

/** The admin's form for one ESS actor (create and edit alike). */
export const essActorSchema = z
  .object({
    name: z
      .string(message("essActors.field.name.required"))
      .trim()
      .min(2, message("essActors.field.name.required"))
      .max(120, message("essActors.field.name.too_long")),
    kind: z.enum(ESS_ACTOR_KINDS, message("essActors.field.kind.invalid")),
    communeInsee: communeField,
    address: z.string().trim().max(200, message("essActors.field.address.too_long")).optional().default(""),
    lat: coordinateField,
    lon: coordinateField,
    offer: z
      .string(message("essActors.field.offer.required"))
      .trim()
      .min(3, message("essActors.field.offer.required"))
      .max(2000, message("essActors.field.offer.too_long")),
    contactEmail: z.preprocess(emptyToUndefined, emailField.optional()),
    contactPhone: phoneField,
    website: websiteField,
    published: z.preprocess((value) => value === "on" || value === "true" || value === "1" || value === true, z.boolean()),
  })
  .superRefine((actor, context) => {
    checkPosition(actor, context);
    if (!actor.contactEmail && !actor.contactPhone && !actor.website) {
      context.addIssue({ code: "custom", path: ["contactEmail"], message: "essActors.field.contact.required" });
    }
  })
  .transform((actor) => {
    const commune = communeByInsee(actor.communeInsee);
    return {
      name: actor.name,
      kind: actor.kind,
      communeInsee: actor.communeInsee,
      address: actor.address,
      // Without typed coordinates, the commune's centre: the map still places the actor.
      lat: actor.lat ?? commune?.lat ?? 0,
      lon: actor.lon ?? commune?.lon ?? 0,
      offer: actor.offer,
      contactEmail: actor.contactEmail ?? null,
      contactPhone: actor.contactPhone ?? null,
      website: actor.website ?? null,
      published: actor.published,
      searchKey: searchKey(actor.name, actor.offer),
    };
  });

export type EssActorInput = z.output<typeof essActorSchema>;
