import { db } from "~/db.server";
import type { EmailStatus, Locale } from "~/generated/prisma/client";

export type OutboxEntry = {
  id: string;
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/** The outbox, newest first, for the admin page (which checks the permission itself). */
export async function listOutbox(options: { limit?: number } = {}): Promise<OutboxEntry[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  return db().outboxEmail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      to: true,
      locale: true,
      subject: true,
      text: true,
      html: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
}
