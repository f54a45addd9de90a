/**
 * The renewal reminder (job `label.remind`, daily): each label in force whose end is within the
 * configured days (30), with no renewal sent, gets one email to the producer's members, ONCE per end.
 * The "reminded" mark (remindedFor = validUntil) is set by a conditional UPDATE in the transaction
 * that writes the email: two servers running the job at once send it once; a renewal moves the end
 * and so allows the next period's reminder.
 */
import { db, readRows } from "~/db.server";
import { env } from "~/env.server";
import { LABEL_CRITERIA } from "./label-criteria";
import { emailProducer, recordLabelEvent } from "./label-steps.server";

/** Due at $1 (now) with $2 days of notice, on the label aliased `l` (label-criteria.ts: isReminderDue says the same). */
const DUE_SQL = `l."status" = 'GRANTED' AND l."renewalRequestedAt" IS NULL AND l."validUntil" > $1::timestamptz
  AND l."validUntil" <= $1::timestamptz + make_interval(days => $2::int) AND l."remindedFor" IS DISTINCT FROM l."validUntil"`;

export async function remindLabelRenewals(input: { now: Date; appUrl?: string }): Promise<{ reminded: number }> {
  const days = LABEL_CRITERIA.reminderDaysBeforeExpiry;
  const due = await readRows<{ id: string }>(`SELECT l.id FROM "Label" l WHERE ${DUE_SQL} ORDER BY l."validUntil"`, [input.now, days]);
  let reminded = 0;
  for (const { id } of due) {
    const sent = await db().$transaction(async (tx) => {
      const marked = await tx.$queryRawUnsafe<Array<{ id: string; number: string; validUntil: Date; productName: string; producerId: string }>>(
        `UPDATE "Label" l SET "remindedFor" = l."validUntil"
         FROM "Product" p
         WHERE l.id = $3 AND p.id = l."productId" AND ${DUE_SQL}
         RETURNING l.id, l.number, l."validUntil", p.name AS "productName", p."producerId"`,
        input.now,
        days,
        id,
      );
      const label = marked[0];
      if (!label) return false;
      await recordLabelEvent(tx, { labelId: label.id, at: input.now, actor: null, kind: "REMINDED", from: "GRANTED", to: "GRANTED", detail: { validUntil: label.validUntil.toISOString() } });
      await emailProducer(tx, { producerId: label.producerId, kind: "REMINDER", productName: label.productName, number: label.number, validUntil: label.validUntil, reason: null, appUrl: input.appUrl ?? env().APP_URL });
      return true;
    });
    if (sent) reminded += 1;
  }
  return { reminded };
}
