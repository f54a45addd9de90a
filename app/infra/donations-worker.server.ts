import { expireLots } from "~/domain/donations/expire-lots.server";
import { markMissedClaims } from "~/domain/donations/mark-missed-claims.server";
import { now as clockNow } from "~/http/clock.server";

const DEFAULT_INTERVAL_MS = 60_000;

export type DonationsWorker = { stop(): Promise<void> };

/**
 * Expires lots and marks missed claims in the background, every minute. Each app process runs
 * one: both jobs are single conditional UPDATEs, so several workers at once change each row once.
 * Runs never overlap within a process (the next is scheduled when the previous ends), and no
 * error escapes: a failed run is logged and retried at the next tick.
 */
export function startDonationsWorker(options: { intervalMs?: number; now?: () => Date } = {}): DonationsWorker {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const now = options.now ?? clockNow;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function tick(): Promise<void> {
    try {
      const at = now();
      // Claims first: the same tick then expires their lots, whose window is over.
      const missed = await markMissedClaims(at);
      const expired = await expireLots(at);
      if (missed.length > 0 || expired.length > 0) {
        console.info(`[dons] ${expired.length} lot(s) expiré(s), ${missed.length} réservation(s) manquée(s)`);
      }
    } catch (error) {
      console.warn("[dons] passage interrompu, nouvel essai au prochain :", error instanceof Error ? error.message : error);
    }
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => schedule(intervalMs));
    }, delayMs);
    // The worker must never be what keeps a process alive.
    timer.unref();
  }

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
