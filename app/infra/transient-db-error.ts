import { isDatabaseUnavailable, someDatabaseErrorPart } from "~/infra/database-unavailable";

/**
 * Whether a database error is passing: the database is not answering (isDatabaseUnavailable:
 * refused, cut, failing over, timed out), or the statement lost a race it may win next time
 * (serialization failure, deadlock, lock not available or lock timeout). Doing the same work again
 * later may succeed, so such an error must never be recorded as the work's final outcome.
 */
export function isTransientDbError(error: unknown): boolean {
  return isDatabaseUnavailable(error) || someDatabaseErrorPart(error, lostARace);
}

const RACE_SQLSTATES = new Set(["40001", "40P01", "55P03"]);

function lostARace(part: object): boolean {
  for (const key of ["code", "originalCode"] as const) {
    const code = key in part ? (part as Record<string, unknown>)[key] : undefined;
    if (typeof code === "string" && RACE_SQLSTATES.has(code)) return true;
  }
  const message = "message" in part && typeof part.message === "string" ? part.message : "";
  return /canceling statement due to lock timeout|deadlock detected|could not serialize access/i.test(message);
}
