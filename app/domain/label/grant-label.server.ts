import { db, type Tx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { formatParis } from "~/domain/time/paris";
import { labelNumber, labelStatusAt, validityEnd } from "./label-criteria";
import { assertReviewer, emailProducer, labelStateRefused, lockLabel, recordLabelEvent, type LabelActor } from "./label-steps.server";

/**
 * The next number of the year (Paris year of the grant): one UPSERT on the year's counter row in the
 * grant's transaction. The row lock serialises concurrent grants, a rolled-back grant gives its number
 * back: no gap, no duplicate (the unique index on Label.number is the last guard).
 */
export async function takeLabelNumber(tx: Tx, now: Date): Promise<string> {
  const year = Number(formatParis(now, "fr", "yyyy"));
  const rows = await tx.$queryRaw<Array<{ lastSequence: number }>>`
    INSERT INTO "LabelNumberCounter" ("year", "lastSequence") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "lastSequence" = "LabelNumberCounter"."lastSequence" + 1
    RETURNING "lastSequence"`;
  return labelNumber(year, rows[0]!.lastSequence);
}

/**
 * A reviewer grants (decision 029):
 * - a pending application: its number (the one it had, or the next of the year) and one year from now;
 * - a renewal sent before expiry: the same number, one more year from the old end.
 * Anything else (changes requested, refused, suspended, revoked, already decided) is refused.
 */
export async function grantLabel(input: { actor: LabelActor; labelId: string; now: Date; appUrl: string }): Promise<{ number: string; validUntil: Date; renewal: boolean }> {
  assertReviewer(input.actor);
  const { now } = input;
  return db().$transaction(async (tx) => {
    const label = await lockLabel(tx, input.labelId);
    if (!label) throw new DomainError("not_found");
    const status = labelStatusAt(label, now);
    if (label.status === "GRANTED" && label.renewalRequestedAt !== null && label.validUntil !== null && label.number !== null) {
      const validUntil = validityEnd(label.validUntil);
      await tx.label.update({ where: { id: label.id }, data: { validUntil, renewalRequestedAt: null, renewalChangesRequestedAt: null, reviewMessage: null, reason: null, updatedAt: now }, select: { id: true } });
      await recordLabelEvent(tx, { labelId: label.id, at: now, actor: input.actor, kind: "RENEWED", from: "GRANTED", to: "GRANTED", detail: { number: label.number, previousValidUntil: label.validUntil.toISOString(), validUntil: validUntil.toISOString() } });
      await emailProducer(tx, { producerId: label.producerId, kind: "RENEWED", productName: label.productName, number: label.number, validUntil, reason: null, appUrl: input.appUrl });
      return { number: label.number, validUntil, renewal: true };
    }
    if (label.status !== "PENDING") throw labelStateRefused(status);
    const number = label.number ?? (await takeLabelNumber(tx, now));
    const validUntil = validityEnd(now);
    await tx.label.update({
      where: { id: label.id },
      data: { status: "GRANTED", number, grantedAt: now, validFrom: now, validUntil, renewalChangesRequestedAt: null, reviewMessage: null, reason: null, remindedFor: null, updatedAt: now },
      select: { id: true },
    });
    await recordLabelEvent(tx, { labelId: label.id, at: now, actor: input.actor, kind: "GRANTED", from: "PENDING", to: "GRANTED", detail: { number, validFrom: now.toISOString(), validUntil: validUntil.toISOString() } });
    await emailProducer(tx, { producerId: label.producerId, kind: "GRANTED", productName: label.productName, number, validUntil, reason: null, appUrl: input.appUrl });
    return { number, validUntil, renewal: false };
  });
}
