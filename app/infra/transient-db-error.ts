/**
 * Whether a database error is passing: the connection was lost or refused, the server is
 * restarting or failing over, a lock or statement timed out, a serialization failure or deadlock.
 * Doing the same work again later may succeed, so such an error must never be recorded as the
 * work's final outcome. Walks the error's causes (Prisma's driver adapter wraps pg's errors).
 */
const TRANSIENT_SQLSTATES = new Set(["40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03", "53300", "53400"]);
const TRANSIENT_NODE_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const TRANSIENT_MESSAGE = /Connection terminated|terminating connection|server closed the connection|Connection refused|timeout exceeded when trying to connect|Can't reach database server|canceling statement due to (lock|statement) timeout/i;

export function isTransientDbError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const code of [record.code, record.originalCode, (record.meta as Record<string, unknown> | undefined)?.code]) {
      if (typeof code === "string" && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NODE_CODES.has(code) || code.startsWith("08"))) return true;
    }
    if (typeof record.message === "string" && TRANSIENT_MESSAGE.test(record.message)) return true;
    current = record.cause;
  }
  return false;
}
