import { db, type DbOrTx } from "~/db.server";

/**
 * Open lots no charity may take any more become EXPIRED, by themselves (the donations worker):
 * - the pickup window is over (pickupEnd < now: the window includes its last instant);
 * - the use-by day is over (any storage: nothing is given past its use-by date);
 * - a CHILLED lot with a use-by date has less than 48 h before the end of that day. Decided: the
 *   lot leaves the list for everyone, although a charity that redistributes the same day could
 *   still take it — a lot that only such a charity may claim is too short-lived to advertise;
 *   reservations already made stay collectable under the hand-over rules (confirm-pickup).
 * The use-by day ends at midnight in Paris (donation-rules.ts `useByDeadline`, written here in SQL).
 *
 * One set-based UPDATE ... WHERE status = 'OPEN': a second run, or a second worker at the same
 * moment, finds those rows no longer OPEN (PostgreSQL re-checks the WHERE after waiting for the
 * first one's row locks), so each lot changes once. Returns the ids this run changed.
 */
export async function expireLots(now: Date, client: DbOrTx = db()): Promise<string[]> {
  const rows = await client.$queryRaw<Array<{ id: string }>>`
    UPDATE "DonationLot" SET status = 'EXPIRED', "expiredAt" = ${now}
    WHERE status = 'OPEN' AND (
      "pickupEnd" < ${now}
      OR ("useBy" IS NOT NULL AND ((("useBy")::date + 1)::timestamp AT TIME ZONE 'Europe/Paris') <= ${now})
      OR (storage = 'CHILLED' AND "useBy" IS NOT NULL
          AND ((("useBy")::date + 1)::timestamp AT TIME ZONE 'Europe/Paris') < ${now}::timestamptz + interval '48 hours'))
    RETURNING id`;
  return rows.map((row) => row.id);
}
