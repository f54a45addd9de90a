import { expireLots } from "~/domain/donations/expire-lots.server";
import { markMissedClaims } from "~/domain/donations/mark-missed-claims.server";
import { now as clockNow } from "~/http/clock.server";
import { startPeriodicJob } from "~/infra/periodic-job.server";

const DEFAULT_INTERVAL_MS = 60_000;

export type DonationsWorker = { stop(): Promise<void> };

/**
 * Expires lots and marks missed claims in the background, every minute. Each app process runs
 * one: both jobs are single conditional UPDATEs, so several workers at once change each row once.
 * Runs never overlap within a process (startPeriodicJob), and no error escapes: a failed run is
 * logged and retried at the next tick.
 */
export function startDonationsWorker(options: { intervalMs?: number; now?: () => Date } = {}): DonationsWorker {
  const now = options.now ?? clockNow;
  return startPeriodicJob({
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    failureMessage: "[dons] passage interrompu, nouvel essai au prochain :",
    async run() {
      const at = now();
      // Claims first: the same tick then expires their lots, whose window is over.
      const missed = await markMissedClaims(at);
      const expired = await expireLots(at);
      if (missed.length > 0 || expired.length > 0) {
        console.info(`[dons] ${expired.length} lot(s) expiré(s), ${missed.length} réservation(s) manquée(s)`);
      }
    },
  });
}
