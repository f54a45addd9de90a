import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseMessage } from "../mime";

/**
 * The emails a journey's people receive, as written by scripts/mail-catcher.ts (the server under
 * test sends to it through SMTP_URL). One-time links are read here, as a person reads them in
 * their mailbox: never from the outbox (decision 015).
 */
export const MAIL_CATCHER_DIR = process.env.MAIL_CATCHER_DIR ?? ".data/e2e-mail";

/**
 * When this test run started: set once by playwright.config.ts (which imports this file) in the
 * runner, inherited by its workers. Emails received before it belong to an earlier run whose mail
 * catcher was reused (`reuseExistingServer` on a developer's machine): never read.
 */
const RUN_STARTED_AT = Number((process.env.E2E_RUN_STARTED_AT ??= String(Date.now())));

/** The emails `address` received since `since` (the run's start by default), oldest first. */
export function emailsTo(address: string, since: number = RUN_STARTED_AT): Array<{ subject: string; text: string; html: string }> {
  const folder = path.join(MAIL_CATCHER_DIR, address.toLowerCase().replace(/[^a-z0-9@._+-]/g, "_"));
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".eml") && receivedAt(name) >= since)
    .sort()
    .map((name) => parseMessage(readFileSync(path.join(folder, name), "utf8")));
}

/** scripts/mail-catcher.ts names each message `<Date.now()>-<n>.eml`. */
function receivedAt(fileName: string): number {
  return Number(fileName.split("-")[0]);
}

/**
 * Waits (the mail worker sends every few seconds) for the last link to `linkPath` that `address`
 * received since `since` (the run's start by default: pass the moment before the action that sends
 * it, to be sure it is that email's link); returns its path.
 */
export async function waitForLink(address: string, linkPath: string, options: { since?: number; timeoutMs?: number } = {}): Promise<string> {
  const { since = RUN_STARTED_AT, timeoutMs = 20_000 } = options;
  const escaped = linkPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`${escaped}[A-Za-z0-9_-]+`, "g");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = emailsTo(address, since).flatMap((email) => email.text.match(pattern) ?? []).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`aucun lien ${linkPath} reçu par ${address} en ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits for the first email to `address` received since `since` whose subject matches; returns it. */
export async function waitForEmail(
  address: string,
  subject: RegExp,
  options: { since?: number; timeoutMs?: number } = {},
): Promise<{ subject: string; text: string; html: string }> {
  const { since = RUN_STARTED_AT, timeoutMs = 20_000 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = emailsTo(address, since).find((email) => subject.test(email.subject));
    if (found) return found;
    if (Date.now() > deadline) {
      const received = emailsTo(address, since).map((email) => email.subject);
      throw new Error(`aucun e-mail « ${subject} » reçu par ${address} en ${timeoutMs} ms (reçus : ${JSON.stringify(received)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
