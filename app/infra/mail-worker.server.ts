import nodemailer from "nodemailer";
import { deliverDueEmails } from "~/domain/mail/deliver-outbox.server";
import { env } from "~/env.server";
import { startPeriodicJob } from "~/infra/periodic-job.server";

const DEFAULT_INTERVAL_MS = 5000;
const BATCH_SIZE = 20;
// A backlog is drained batch after batch within one tick, up to this many batches.
const MAX_BATCHES_PER_TICK = 10;

// nodemailer's defaults let one exchange hang for up to 10 min of socket silence. The worst SMTP
// exchange for one message must stay far below the claim lease (CLAIM_LEASE_MS, 10 min), or a slow
// send could be claimed again and sent twice by another worker.
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export type MailWorker = { stop(): Promise<void> };

/**
 * Delivers the outbox in the background when SMTP_URL is set; otherwise emails simply stay in the
 * outbox, readable at /admin/outbox. Runs never overlap (startPeriodicJob) and no error escapes:
 * a failed run is logged and retried at the next tick.
 */
export function startMailWorker(options: { intervalMs?: number } = {}): MailWorker {
  const config = env();
  if (!config.SMTP_URL) {
    console.info("[mail] SMTP_URL absent : les e-mails restent dans la boîte d'envoi (/admin/outbox).");
    return { stop: async () => {} };
  }

  const transport = nodemailer.createTransport({ url: config.SMTP_URL, ...SMTP_TIMEOUTS });
  const from = config.MAIL_FROM;
  const job = startPeriodicJob({
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    failureMessage: "[mail] envoi interrompu, nouvel essai au prochain passage :",
    async run() {
      for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !job.stopped(); batch += 1) {
        const report = await deliverDueEmails({ transport, from, batchSize: BATCH_SIZE });
        if (report.retried > 0 || report.failed > 0) {
          console.warn(`[mail] ${report.retried} e-mail(s) à réessayer, ${report.failed} en échec définitif (détail sur /admin/outbox)`);
        }
        if (report.sent + report.retried + report.failed < BATCH_SIZE) break;
      }
    },
  });
  return {
    async stop() {
      await job.stop();
      transport.close();
    },
  };
}
