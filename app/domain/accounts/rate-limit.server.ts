import type { DbOrTx } from "~/db.server";

export type RateLimitRule = { limit: number; windowSeconds: number };

/**
 * Counts one hit for `key` in the current fixed window, atomically in PostgreSQL (no counter in
 * memory: app servers are stateless), and tells whether the limit is now exceeded.
 */
export async function hitRateLimit(
  tx: DbOrTx,
  key: string,
  rule: RateLimitRule,
  now: Date,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await tx.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitHit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1
    RETURNING "count"`;
  const count = rows[0]?.count ?? 1;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: count <= rule.limit, retryAfterSeconds };
}

export async function clearRateLimit(tx: DbOrTx, key: string): Promise<void> {
  await tx.rateLimitHit.deleteMany({ where: { key } });
}
