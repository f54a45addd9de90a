import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseMessage } from "../mime";

/**
 * The emails a journey's people receive, as written by scripts/mail-catcher.ts (the server under
 * test sends to it through SMTP_URL). One-time links are read here, as a person reads them in
 * their mailbox: never from the outbox (decision 015).
 */
export const MAIL_CATCHER_DIR = process.env.MAIL_CATCHER_DIR ?? ".data/e2e-mail";

export function emailsTo(address: string): Array<{ subject: string; text: string; html: string }> {
  const folder = path.join(MAIL_CATCHER_DIR, address.toLowerCase().replace(/[^a-z0-9@._+-]/g, "_"));
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".eml"))
    .sort()
    .map((name) => parseMessage(readFileSync(path.join(folder, name), "utf8")));
}

/** Waits (the mail worker sends every few seconds) for the last link to `linkPath` that `address` received; returns its path. */
export async function waitForLink(address: string, linkPath: string, timeoutMs = 20_000): Promise<string> {
  const escaped = linkPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`${escaped}[A-Za-z0-9_-]+`, "g");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = emailsTo(address).flatMap((email) => email.text.match(pattern) ?? []).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`aucun lien ${linkPath} reçu par ${address} en ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
