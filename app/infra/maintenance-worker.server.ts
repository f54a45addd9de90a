import { purgeExpired } from "~/domain/maintenance/purge-expired.server";

/**
 * The `maintenance.purge` job (hourly and at start, app/infra/jobs.server.ts): purges what has
 * expired (sessions, rate-limit counters, reset and verification tokens, old invitations, old
 * emails: purge-expired.server.ts). Its advisory lock still lets one purge run at a time.
 */
export async function maintenanceHandler(at: Date): Promise<void> {
  const report = await purgeExpired(at);
  const total = report ? Object.values(report).reduce((sum, count) => sum + count, 0) : 0;
  if (report && total > 0) {
    const detail = Object.entries(report).filter(([, count]) => count > 0).map(([name, count]) => `${name} ${count}`).join(", ");
    console.info(`[maintenance] ${total} ligne(s) expirée(s) effacée(s) : ${detail}`);
  }
}
