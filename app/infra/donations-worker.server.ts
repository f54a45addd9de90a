import { expireLots } from "~/domain/donations/expire-lots.server";
import { markMissedClaims } from "~/domain/donations/mark-missed-claims.server";

/**
 * The `donations.expire` job (every minute, app/infra/jobs.server.ts): expires lots and marks
 * missed claims. Both are single conditional UPDATEs, so a job run twice, or by two servers at
 * once, changes each row once. A failed run is reported by pg-boss and done at the next tick.
 */
export async function donationsHandler(at: Date): Promise<void> {
  // Claims first: the same run then expires their lots, whose window is over.
  const missed = await markMissedClaims(at);
  const expired = await expireLots(at);
  if (missed.length > 0 || expired.length > 0) {
    console.info(`[dons] ${expired.length} lot(s) expiré(s), ${missed.length} réservation(s) manquée(s)`);
  }
}
