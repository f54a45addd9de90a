import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll } from "vitest";
import { deliverDueEmails } from "~/domain/mail/deliver-outbox.server";
import { parseMessage } from "./mime";

export { parseMessage };

/**
 * A real mailbox for tests: an SMTP server on 127.0.0.1 that keeps what it receives, and a reader
 * of the messages nodemailer writes. One-time links (password reset, invitation, email
 * confirmation) exist only in the emails actually sent (decision 015): a test reads them here, as
 * the recipient would, never from the outbox.
 */

const FROM = "Terre & Mer <bonjour@terre-et-mer.test>";

let shared: Promise<SmtpServer> | undefined;

/** Sends the due emails to `address` (and only those) through the shared test SMTP server; returns every email it received. */
export async function receivedBy(address: string, now = new Date()): Promise<Array<{ subject: string; text: string; html: string }>> {
  if (!shared) {
    shared = startSmtpServer();
    afterAll(async () => {
      const server = await shared;
      shared = undefined;
      await server?.close();
    });
  }
  const server = await shared;
  const transport = server.transport();
  for (;;) {
    const report = await deliverDueEmails({ transport, from: FROM, now, onlyTo: address });
    if (report.sent + report.retried + report.failed === 0) break;
  }
  return server.messagesTo(address).map((message) => parseMessage(message.raw));
}

/** The token of the last link to `path` (e.g. "/reinitialiser/") that `address` received. */
export async function lastLinkTokenTo(address: string, path: string, now = new Date()): Promise<string> {
  const messages = await receivedBy(address, now);
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const tokens = messages.flatMap((message) => [...message.text.matchAll(new RegExp(`${escaped}([A-Za-z0-9_-]+)`, "g"))].map((match) => match[1] ?? ""));
  const token = tokens.at(-1);
  if (!token) throw new Error(`aucun lien ${path} reçu par ${address}`);
  return token;
}

export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

type Received = { recipients: string[]; raw: string };

/**
 * A real SMTP server on a free port of 127.0.0.1. `refuse` answers RCPT TO with a temporary 451;
 * `rejectData` takes the whole message then answers 554; every other message is kept.
 */
export async function startSmtpServer(
  options: {
    refuse?: (address: string, attempt: number) => boolean;
    rejectData?: (address: string) => boolean;
    delayMs?: number;
  } = {},
) {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const transports: nodemailer.Transporter[] = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const attempt = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, attempt);
      if (options.refuse?.(address.address, attempt)) {
        callback(Object.assign(new Error("Service temporairement indisponible"), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        if (recipients.some((address) => options.rejectData?.(address))) {
          callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 554 }));
          return;
        }
        setTimeout(() => {
          received.push({ recipients, raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        }, options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("le serveur SMTP n'écoute pas sur TCP");
  const port = address.port;

  return {
    port,
    async close() {
      for (const transport of transports) transport.close();
      await new Promise<void>((resolve) => server.close(resolve));
    },
    transport() {
      const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
      transports.push(transport);
      return transport;
    },
    messagesTo: (address: string) => received.filter((message) => message.recipients.includes(address)),
    attemptsFor: (address: string) => attempts.get(address) ?? 0,
  };
}
