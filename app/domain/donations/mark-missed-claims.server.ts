import { db, type DbOrTx } from "~/db.server";

/**
 * Reservations not collected by the end of their lot's pickup window (pickupEnd < now, as
 * pickupBreaches still accepts a hand-over at pickupEnd itself) become MISSED (the
 * donations worker). Their quantity is NOT given back to the lot: the window is over, so the lot
 * is past claiming anyway (expire-lots.server.ts expires it on the same tick); claimedMilli keeps
 * saying what was reserved, and the donor's figures count only COLLECTED claims.
 *
 * One set-based UPDATE ... WHERE status = 'RESERVED': run twice, or by two workers at once, each
 * claim changes once. Returns the ids this run changed.
 */
export async function markMissedClaims(now: Date, client: DbOrTx = db()): Promise<string[]> {
  const rows = await client.$queryRaw<Array<{ id: string }>>`
    UPDATE "DonationClaim" c SET status = 'MISSED', "missedAt" = ${now}
    FROM "DonationLot" l
    WHERE l.id = c."lotId" AND c.status = 'RESERVED' AND l."pickupEnd" < ${now}
    RETURNING c.id`;
  return rows.map((row) => row.id);
}
