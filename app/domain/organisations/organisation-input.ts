import { z } from "zod";
import { openingRangesOf } from "~/domain/directory/opening-hours";
import { checkOpeningHours, openingHoursFields } from "~/domain/directory/opening-hours-input";
import { emailField } from "~/domain/fields";
import { parseWithParts } from "~/domain/form-parts";
import { PRODUCER_KINDS } from "~/domain/organisations/producer-kinds";
import { communeByInsee, withinTerritory } from "~/domain/organisations/territory";
import { isValidSiret, normaliseSiret } from "~/domain/organisations/siret";
import type { MessageKey } from "~/i18n/messages";

function message(key: MessageKey) {
  return { error: key };
}


export const siretField = z
  .string(message("organisations.field.siret.format"))
  .transform(normaliseSiret)
  .pipe(
    z
      .string()
      .regex(/^\d{14}$/, message("organisations.field.siret.format"))
      .refine(isValidSiret, message("organisations.field.siret.checksum")),
  );

/** An organic control body code as printed on certificates: FR-BIO-01 … FR-BIO-99. */
export const controlBodyField = z
  .string(message("organisations.field.controlBody.format"))
  .trim()
  .toUpperCase()
  .regex(/^FR-BIO-\d{2}$/, message("organisations.field.controlBody.format"));

const optionalText = (max: number, key: MessageKey) => z.string(message(key)).trim().max(max, message(key)).optional().default("");

/** A coordinate typed in a form: empty means "not given"; a comma is accepted as decimal mark. */
const coordinateField = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim().replace(",", "."))) : value),
  z.number(message("organisations.field.position.invalid")).finite(message("organisations.field.position.invalid")).optional(),
);

const checkboxField = z.preprocess((value) => value === "on" || value === "true" || value === "1" || value === true, z.boolean());

/** The profile of a producer organisation, as the creation and edit forms send it. */
export const organisationProfileSchema = z
  .object({
    name: z
      .string(message("organisations.field.name.required"))
      .trim()
      .min(2, message("organisations.field.name.required"))
      .max(120, message("organisations.field.name.too_long")),
    siret: siretField,
    producerKind: z.enum(PRODUCER_KINDS, message("organisations.field.producerKind.invalid")),
    communeInsee: z
      .string(message("organisations.field.commune.unknown"))
      .trim()
      .refine((code) => communeByInsee(code) !== undefined, message("organisations.field.commune.unknown")),
    address: z
      .string(message("organisations.field.address.required"))
      .trim()
      .min(3, message("organisations.field.address.required"))
      .max(200, message("organisations.field.address.too_long")),
    lat: coordinateField,
    lon: coordinateField,
    description: optionalText(2000, "organisations.field.description.too_long"),
    openingHours: optionalText(500, "directory.field.openingHours.too_long"),
    ...openingHoursFields,
    visits: optionalText(1000, "directory.field.visits.too_long"),
    visitBooking: optionalText(300, "directory.field.visitBooking.too_long"),
    organic: checkboxField,
    organicControlBody: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), controlBodyField.optional()),
    contactEmail: emailField,
    contactPhone: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      z
        .string(message("organisations.field.phone.invalid"))
        .trim()
        .max(30, message("organisations.field.phone.invalid"))
        .regex(/^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/, message("organisations.field.phone.invalid"))
        .optional(),
    ),
  })
  .superRefine((profile, context) => {
    checkOpeningHours(profile, context);
    if (profile.organic && !profile.organicControlBody) {
      context.addIssue({ code: "custom", path: ["organicControlBody"], message: "organisations.field.controlBody.required" });
    }
    if ((profile.lat === undefined) !== (profile.lon === undefined)) {
      context.addIssue({ code: "custom", path: [profile.lat === undefined ? "lat" : "lon"], message: "organisations.field.position.incomplete" });
    } else if (profile.lat !== undefined && profile.lon !== undefined && !withinTerritory(profile.lat, profile.lon)) {
      context.addIssue({ code: "custom", path: ["lat"], message: "organisations.field.position.outside" });
    }
  })
  .transform((profile) => {
    // Checked by the refine above: the commune exists.
    const commune = communeByInsee(profile.communeInsee);
    return {
      name: profile.name,
      siret: profile.siret,
      producerKind: profile.producerKind,
      communeInsee: profile.communeInsee,
      address: profile.address,
      // Without a position, the commune's centre: the directory map still places the farm.
      lat: profile.lat ?? commune?.lat ?? null,
      lon: profile.lon ?? commune?.lon ?? null,
      description: profile.description,
      openingHours: profile.openingHours,
      openingHoursWeek: openingRangesOf(profile),
      visits: profile.visits,
      visitBooking: profile.visitBooking,
      organicCertified: profile.organic,
      organicControlBody: profile.organic ? (profile.organicControlBody ?? null) : null,
      contactEmail: profile.contactEmail,
      contactPhone: profile.contactPhone ?? null,
    };
  });

export type OrganisationProfile = z.output<typeof organisationProfileSchema>;

/** The opening hours' table alone: its issues are named with the other fields' (parseWithParts). */
const openingHoursPart = z.object(openingHoursFields).superRefine(checkOpeningHours);

/** A producer's profile form parsed, every refused field named at once, the opening hours' table included. */
export function parseOrganisationProfile(form: unknown): ReturnType<typeof organisationProfileSchema.safeParse> {
  return parseWithParts(organisationProfileSchema, form, [openingHoursPart]);
}
