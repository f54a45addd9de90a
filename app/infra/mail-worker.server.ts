import nodemailer from "nodemailer";
import { deliverDueEmails } from "~/domain/mail/deliver-outbox.server";
import { env } from "~/env.server";

const BATCH_SIZE = 20;
// A backlog is drained batch after batch within one job, up to this many batches.
const MAX_BATCHES_PER_RUN = 10;

// nodemailer's defaults let one exchange hang for up to 10 min of socket silence. The worst SMTP
// exchange for one message must stay far below the claim lease (CLAIM_LEASE_MS, 10 min), or a slow
// send could be claimed again and sent twice by another worker.
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export type MailHandler = { run(): Promise<void>; close(): void };

/**
 * The `mail.deliver` job (app/infra/jobs.server.ts): delivers the due outbox emails when SMTP_URL
 * is set; otherwise emails simply stay in the outbox, readable at /admin/outbox. Emails are
 * claimed FOR UPDATE SKIP LOCKED (deliver-outbox.server.ts), so two servers never send one twice;
 * a failed send is retried by the outbox itself, at the next job.
 */
export function startMailHandler(): MailHandler {
  const config = env();
  if (!config.SMTP_URL) {
    console.info("[mail] SMTP_URL absent : les e-mails restent dans la boîte d'envoi (/admin/outbox).");
    return { run: async () => {}, close: () => {} };
  }
  const transport = nodemailer.createTransport({ url: config.SMTP_URL, ...SMTP_TIMEOUTS });
  const from = config.MAIL_FROM;
  let closed = false;
  return {
    async run() {
      for (let batch = 0; batch < MAX_BATCHES_PER_RUN && !closed; batch += 1) {
        const report = await deliverDueEmails({ transport, from, batchSize: BATCH_SIZE });
        if (report.retried > 0 || report.failed > 0) {
          console.warn(`[mail] ${report.retried} e-mail(s) à réessayer, ${report.failed} en échec définitif (détail sur /admin/outbox)`);
        }
        if (report.sent + report.retried + report.failed < BATCH_SIZE) break;
      }
    },
    close() {
      closed = true;
      transport.close();
    },
  };
}
