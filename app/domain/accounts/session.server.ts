import { createHash, randomBytes } from "node:crypto";
import { db, readRows, type DbOrTx } from "~/db.server";
import { rolesFromMemberships, type Role } from "~/domain/accounts/permissions";
import type { Locale } from "~/i18n/messages";

export const SESSION_COOKIE = "tm_session";
export const SESSION_DAYS = 30;

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  roles: Role[];
  organisationIds: string[];
  /** Each organisation the person belongs to, with their role there. */
  memberships: Array<{ organisationId: string; role: Exclude<Role, "CONSUMER"> }>;
};

/** The database keeps only a hash of the session token: a leaked table opens no session. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(tx: DbOrTx, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
  await tx.session.create({ data: { id: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function destroySession(token: string): Promise<void> {
  await db().session.deleteMany({ where: { id: hashToken(token) } });
}

type SessionRow = {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  memberships: Array<{ role: Exclude<Role, "CONSUMER">; organisationId: string }>;
};

/** One statement: the session, its user and their memberships. */
export async function findSessionUser(token: string, now: Date): Promise<CurrentUser | null> {
  // Every signed-in page reads this: through the pool directly (decision 007).
  const rows = await readRows<SessionRow>(
    `SELECT u.id, u.email, u.name, u.locale::text AS locale,
       COALESCE((SELECT json_agg(json_build_object('role', m.role, 'organisationId', m."organisationId"))
                 FROM "Membership" m WHERE m."userId" = u.id), '[]'::json) AS memberships
     FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = $1 AND s."expiresAt" > $2`,
    [hashToken(token), now],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    roles: rolesFromMemberships(row.memberships),
    organisationIds: row.memberships.map((membership) => membership.organisationId),
    memberships: row.memberships,
  };
}
