import { purgeExpired } from "~/domain/maintenance/purge-expired.server";
import { now as clockNow } from "~/http/clock.server";
import { startPeriodicJob } from "~/infra/periodic-job.server";

const DEFAULT_INTERVAL_MS = 60 * 60_000;

export type MaintenanceWorker = { stop(): Promise<void> };

/**
 * Purges what has expired (sessions, rate-limit counters, reset and verification tokens, old
 * invitations, old emails: purge-expired.server.ts) at start and then every hour. Each app
 * process runs one; an advisory lock lets one purge at a time. Runs never overlap within a
 * process (startPeriodicJob), and no error escapes: a failed run is logged and retried next time.
 */
export function startMaintenanceWorker(options: { intervalMs?: number; now?: () => Date } = {}): MaintenanceWorker {
  const now = options.now ?? clockNow;
  return startPeriodicJob({
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    failureMessage: "[maintenance] purge interrompue, nouvel essai au prochain passage :",
    async run() {
      const report = await purgeExpired(now());
      const total = report ? Object.values(report).reduce((sum, count) => sum + count, 0) : 0;
      if (report && total > 0) {
        const detail = Object.entries(report).filter(([, count]) => count > 0).map(([name, count]) => `${name} ${count}`).join(", ");
        console.info(`[maintenance] ${total} ligne(s) expirée(s) effacée(s) : ${detail}`);
      }
    },
  });
}
