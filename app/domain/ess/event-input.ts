import { z } from "zod";
import { checkPosition, communeField, coordinateField, positionSchema, websiteField } from "~/domain/ess/ess-actor-input";
import { parseWithParts } from "~/domain/form-parts";
import { EVENT_KINDS } from "~/domain/ess/event-kinds";
import { communeByInsee } from "~/domain/organisations/territory";
import { parisDateTime } from "~/domain/time/paris";
import type { MessageKey } from "~/i18n/messages";

function message(key: MessageKey) {
  return { error: key };
}

/** A day as a date input sends it. */
const dayField = z.string(message("essEvents.field.date.invalid")).trim().regex(/^\d{4}-\d{2}-\d{2}$/, message("essEvents.field.date.invalid"));
/** A wall-clock time in Paris as a time input sends it (seconds ignored). */
const timeField = z
  .string(message("essEvents.field.time.invalid"))
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, message("essEvents.field.time.invalid"))
  .transform((value) => value.slice(0, 5));

/** The longest an event may last: a forum or a market, not a season. */
export const MAX_EVENT_DAYS = 14;

function validDay(isoDate: string): boolean {
  const [year, month, day] = isoDate.split("-").map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0));
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}

const endDayField = z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), dayField.refine(validDay, message("essEvents.field.date.invalid")).optional());

type EventTimes = { startDay: string; startTime: string; endDay?: string; endTime: string };

/** The event's instants from its Paris wall-clock day and times (across DST: `parisDateTime`). */
function instantsOf(times: EventTimes): { startsAt: Date; endsAt: Date } {
  return { startsAt: parisDateTime(times.startDay, times.startTime), endsAt: parisDateTime(times.endDay ?? times.startDay, times.endTime) };
}

/** An end after its start, and within MAX_EVENT_DAYS of it: the issue on the end's field. */
function checkTimes(times: EventTimes, context: z.RefinementCtx): void {
  const { startsAt, endsAt } = instantsOf(times);
  if (endsAt.getTime() <= startsAt.getTime()) {
    context.addIssue({ code: "custom", path: ["endTime"], message: "essEvents.field.end.beforeStart" });
  } else if (endsAt.getTime() - startsAt.getTime() > MAX_EVENT_DAYS * 24 * 3600 * 1000) {
    context.addIssue({ code: "custom", path: ["endDay"], message: "essEvents.field.end.tooLong" });
  }
}

/** The day and times alone: their order is named with the other fields' issues (parseEventForm). */
const eventTimesSchema = z
  .object({ startDay: dayField.refine(validDay, message("essEvents.field.date.invalid")), startTime: timeField, endDay: endDayField, endTime: timeField })
  .superRefine(checkTimes);

/**
 * An event as the producer's and the admin's forms send it: the day and times are Paris wall-clock
 * times, turned into instants here (across DST: `parisDateTime`). An end before its start, a date
 * that does not exist, a position outside the territory are refused with the field named.
 */
export const eventSchema = z
  .object({
    title: z.string(message("essEvents.field.title.required")).trim().min(3, message("essEvents.field.title.required")).max(120, message("essEvents.field.title.too_long")),
    kind: z.enum(EVENT_KINDS, message("essEvents.field.kind.invalid")),
    description: z.string().trim().max(2000, message("essEvents.field.description.too_long")).optional().default(""),
    startDay: dayField.refine(validDay, message("essEvents.field.date.invalid")),
    startTime: timeField,
    endDay: endDayField,
    endTime: timeField,
    placeName: z.string(message("essEvents.field.place.required")).trim().min(2, message("essEvents.field.place.required")).max(120, message("essEvents.field.place.required")),
    address: z.string().trim().max(200, message("essEvents.field.address.too_long")).optional().default(""),
    communeInsee: communeField,
    lat: coordinateField,
    lon: coordinateField,
    registrationUrl: websiteField,
    registrationText: z.string().trim().max(300, message("essEvents.field.registration.too_long")).optional().default(""),
  })
  .superRefine((event, context) => {
    checkPosition(event, context);
    checkTimes(event, context);
  })
  .transform((event) => {
    const { startsAt, endsAt } = instantsOf(event);
    const commune = communeByInsee(event.communeInsee);
    return {
      title: event.title,
      kind: event.kind,
      description: event.description,
      startsAt,
      endsAt,
      placeName: event.placeName,
      address: event.address,
      communeInsee: event.communeInsee,
      lat: event.lat ?? commune?.lat ?? 0,
      lon: event.lon ?? commune?.lon ?? 0,
      registrationUrl: event.registrationUrl ?? null,
      registrationText: event.registrationText,
    };
  });

export type EventInput = z.output<typeof eventSchema>;

/**
 * Parses an event form (the producer's and the admin's): when it refuses, the position's and the
 * times' own issues are named with the other fields' — « la fin est avant le début » comes with
 * « titre manquant », not after it is fixed.
 */
export function parseEventForm(form: Record<string, string>): ReturnType<typeof eventSchema.safeParse> {
  return parseWithParts(eventSchema, form, [positionSchema, eventTimesSchema]);
}

/** Who holds an event the admin enters: « org:<id> » (an organisation) or « ess:<id> » (an ESS actor). */
export const eventHolderField = z
  .string(message("essEvents.field.holder.invalid"))
  .trim()
  .regex(/^(org|ess):[A-Za-z0-9_-]{1,80}$/, message("essEvents.field.holder.invalid"))
  .transform((value) => {
    const [kind, id] = value.split(":") as ["org" | "ess", string];
    return kind === "org" ? { organisationId: id, essActorId: null } : { organisationId: null, essActorId: id };
  });
