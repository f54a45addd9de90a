import { readRows } from "~/db.server";
import { within } from "~/infra/within";

export type DatabaseHealth = { up: true } | { up: false; reason: string };

/**
 * Asks the database a trivial question, giving up after `timeoutMs`: a load balancer needs an
 * answer quickly, even while the database is away (its connection attempt may hang far longer).
 */
export async function checkDatabase({ timeoutMs }: { timeoutMs: number }): Promise<DatabaseHealth> {
  const probe = readRows("SELECT 1 AS up", []).then(
    (): DatabaseHealth => ({ up: true }),
    (error: unknown): DatabaseHealth => ({ up: false, reason: error instanceof Error ? error.message : String(error) }),
  );
  const outcome = await within(probe, timeoutMs);
  return outcome === "expired" ? { up: false, reason: `no answer within ${timeoutMs} ms` } : outcome;
}
