/**
 * A local SMTP server that keeps every message it receives as a file, for the browser journeys
 * and for trying the site's emails on a developer's machine (decision 015: one-time links are
 * never in the outbox, only in the emails actually sent).
 *
 *   MAIL_CATCHER_PORT=2525 MAIL_CATCHER_DIR=.data/mail npx tsx scripts/mail-catcher.ts
 *   SMTP_URL=smtp://127.0.0.1:2525 npm start
 *
 * Each message is written to MAIL_CATCHER_DIR/<recipient>/<time>-<n>.eml; tests/e2e/mailbox.ts
 * reads them. It listens on 127.0.0.1 only and accepts no authentication: never a real relay.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const port = Number(process.env.MAIL_CATCHER_PORT ?? 2525);
const dir = process.env.MAIL_CATCHER_DIR ?? ".data/mail";
let received = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      received += 1;
      for (const rcpt of session.envelope.rcptTo) {
        const folder = path.join(dir, rcpt.address.toLowerCase().replace(/[^a-z0-9@._+-]/g, "_"));
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, `${Date.now()}-${String(received).padStart(6, "0")}.eml`), Buffer.concat(chunks));
      }
      callback();
    });
  },
});

server.listen(port, "127.0.0.1", () => console.info(`[mail-catcher] SMTP sur 127.0.0.1:${port}, messages dans ${dir}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
