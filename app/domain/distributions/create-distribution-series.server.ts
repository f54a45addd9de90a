import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "~/db.server";
import { can } from "~/domain/accounts/permissions";
import type { CurrentUser } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { ORGANISER_ROLES } from "~/domain/distributions/organiser.server";
import {
  calendarDaysBetween,
  isValidCalendarDate,
  MAX_SERIES_DAYS,
  minutesOfTime,
  seriesOccurrences,
  type SeriesRule,
} from "~/domain/distributions/series-dates";
import type { MessageKey } from "~/i18n/messages";

function message(key: MessageKey) {
  return { error: key };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const timeField = z.string(message("series.field.time.invalid")).trim().regex(TIME, message("series.field.time.invalid"));

function intField(min: number, max: number, key: MessageKey) {
  return z.preprocess(
    (value) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    z.number(message(key)).int(message(key)).min(min, message(key)).max(max, message(key)),
  );
}

const dateField = z.string(message("series.field.date.invalid")).trim().refine(isValidCalendarDate, message("series.field.date.invalid"));

/**
 * The series form. `today` is the Paris calendar date: a series starts today or later and spans at
 * most a year. Every rule of the DistributionSeries CHECK is here, with a message per field.
 */
export function distributionSeriesSchema(today: string) {
  return z
    .object({
      pickupPointId: z.string(message("series.field.pickupPoint.unknown")).trim().regex(/^[A-Za-z0-9_-]{1,64}$/, message("series.field.pickupPoint.unknown")),
      weekday: intField(1, 7, "series.field.weekday.invalid"),
      startTime: timeField,
      endTime: timeField,
      cutoffDaysBefore: intField(0, 14, "series.field.cutoffDaysBefore.range"),
      cutoffTime: timeField,
      opensDaysBefore: intField(0, 60, "series.field.opensDaysBefore.range"),
      slotMinutes: intField(5, 240, "series.field.slotMinutes.range"),
      slotCapacity: intField(1, 1000, "series.field.slotCapacity.range"),
      firstDate: dateField,
      lastDate: dateField,
    })
    .superRefine((rule, context) => {
      // Zod runs this even when a field failed: compare only what is well formed.
      const timesValid = [rule.startTime, rule.endTime, rule.cutoffTime].every((time) => typeof time === "string" && TIME.test(time));
      const datesValid = [rule.firstDate, rule.lastDate].every((date) => typeof date === "string" && isValidCalendarDate(date));
      const numbersValid = [rule.cutoffDaysBefore, rule.opensDaysBefore].every(Number.isInteger);
      if (timesValid && minutesOfTime(rule.endTime) <= minutesOfTime(rule.startTime)) {
        context.addIssue({ code: "custom", path: ["endTime"], message: "series.field.endTime.beforeStart" });
      }
      if (timesValid && rule.cutoffDaysBefore === 0 && minutesOfTime(rule.cutoffTime) > minutesOfTime(rule.startTime)) {
        context.addIssue({ code: "custom", path: ["cutoffTime"], message: "series.field.cutoffTime.afterStart" });
      }
      if (numbersValid && rule.opensDaysBefore < rule.cutoffDaysBefore) {
        context.addIssue({ code: "custom", path: ["opensDaysBefore"], message: "series.field.opensDaysBefore.beforeCutoff" });
      }
      if (!datesValid) return;
      if (rule.firstDate < today) {
        context.addIssue({ code: "custom", path: ["firstDate"], message: "series.field.firstDate.past" });
      }
      if (rule.lastDate < rule.firstDate) {
        context.addIssue({ code: "custom", path: ["lastDate"], message: "series.field.lastDate.beforeFirst" });
      } else if (calendarDaysBetween(rule.firstDate, rule.lastDate) > MAX_SERIES_DAYS) {
        context.addIssue({ code: "custom", path: ["lastDate"], message: "series.field.lastDate.tooFar" });
      }
    });
}

export type DistributionSeriesInput = z.output<ReturnType<typeof distributionSeriesSchema>>;

type CreateSeriesInput = {
  organiserId: string;
  actor: Pick<CurrentUser, "id" | "roles">;
  rule: DistributionSeriesInput;
  now: Date;
};

export type CreatedSeries = { seriesId: string; created: string[]; skipped: string[] };

/**
 * "Every Friday 17:00–19:00 at the quay, orders close Wednesday 20:00", for a date range: the
 * series and each of its distributions with their pickup slots, in one transaction. Dates whose
 * cutoff has already passed are left out, and so are dates where the pickup point already has a
 * distribution starting at that instant (another series, or one made by hand). The pickup point
 * row is locked, so two organisers creating series at one point at once never double a date.
 */
export async function createDistributionSeries(input: CreateSeriesInput): Promise<CreatedSeries> {
  if (!can(input.actor, "manage:distribution:own")) throw new DomainError("forbidden");
  const { pickupPointId, ...times } = input.rule;
  const rule: SeriesRule = times;
  const occurrences = seriesOccurrences(rule).filter((occurrence) => occurrence.cutoffAt.getTime() > input.now.getTime());
  return db().$transaction(
    async (tx) => {
      const organiser = await tx.organisation.findFirst({
        where: { id: input.organiserId, memberships: { some: { userId: input.actor.id, role: { in: [...ORGANISER_ROLES] } } } },
        select: { id: true, verifiedAt: true },
      });
      if (!organiser) throw new DomainError("forbidden");
      if (!organiser.verifiedAt) throw new DomainError("not_verified");
      const point = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "PickupPoint" WHERE id = ${pickupPointId} FOR UPDATE`;
      if (point.length === 0) throw new DomainError("invalid", { field: "pickupPointId" });

      const existing = await tx.distribution.findMany({
        where: { pickupPointId, startsAt: { in: occurrences.map((occurrence) => occurrence.startsAt) } },
        select: { startsAt: true },
      });
      const taken = new Set(existing.map((distribution) => distribution.startsAt.getTime()));
      const toCreate = occurrences.filter((occurrence) => !taken.has(occurrence.startsAt.getTime()));
      if (toCreate.length === 0) throw new DomainError("invalid", { field: "firstDate" });

      const seriesId = randomUUID();
      await tx.distributionSeries.create({
        data: { id: seriesId, organiserId: organiser.id, pickupPointId, ...rule, createdAt: input.now },
        select: { id: true },
      });
      const distributions = toCreate.map((occurrence) => ({ id: randomUUID(), occurrence }));
      await tx.distribution.createMany({
        data: distributions.map(({ id, occurrence }) => ({
          id,
          pickupPointId,
          startsAt: occurrence.startsAt,
          endsAt: occurrence.endsAt,
          opensAt: occurrence.opensAt,
          cutoffAt: occurrence.cutoffAt,
          status: "SCHEDULED" as const,
          organiserId: organiser.id,
          seriesId,
        })),
      });
      await tx.pickupSlot.createMany({
        data: distributions.flatMap(({ id, occurrence }) =>
          occurrence.slots.map((slot) => ({ id: randomUUID(), distributionId: id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: rule.slotCapacity })),
        ),
      });
      return {
        seriesId,
        created: toCreate.map((occurrence) => occurrence.date),
        skipped: occurrences.filter((occurrence) => taken.has(occurrence.startsAt.getTime())).map((occurrence) => occurrence.date),
      };
    },
    { maxWait: 20_000, timeout: 20_000 },
  );
}
