/**
 * Whether an error says "the database is not answering" — refused, reset, timed out, shut down,
 * restarting — rather than "this statement is wrong". Such a failure is temporary: the request is
 * answered 503 with Retry-After (docs/decisions/017), never a hang or a bare 500.
 *
 * The shapes below are the ones pg and Prisma 7 + @prisma/adapter-pg were seen to throw when the
 * database was stopped, frozen, or killed its backends (tests/integration/database-unavailable.test.ts):
 * - pg / Node: socket codes (ECONNREFUSED...), SQLSTATE classes 08 (connection exception) and
 *   57P0x (admin/crash shutdown, cannot connect now), 57014 (statement timeout), 53300 (too many
 *   connections), 25P03 (idle in transaction timeout), and plain Errors with pg's own messages
 *   ("Connection terminated unexpectedly", "Query read timeout", "timeout exceeded when trying to connect");
 * - Prisma: P1001 (cannot reach), P1002, P1008, P1017 (connection closed), P2024 (pool timeout),
 *   P2028 (no transaction in time), and P2010 whose driver error carries one of the codes above.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someDatabaseErrorPart(error, speaksOfUnavailability);
}

/**
 * Whether `says` holds for the error, one of its causes, or the driver error Prisma wrapped in
 * it: the one walk through pg's and Prisma's error shapes, shared by every reading of them.
 */
export function someDatabaseErrorPart(error: unknown, says: (part: object) => boolean): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    if (says(current)) return true;
    const driverCause = driverAdapterCause(current);
    if (driverCause && says(driverCause)) return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}

/** How long a client should wait before trying again, in seconds (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN", "ECONNABORTED"]);
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "57014", "53300", "25P03"]);
const DRIVER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES = [
  "connection terminated",
  "query read timeout",
  "timeout exceeded when trying to connect",
  "is not queryable",
  "can't reach database server",
  "server has closed the connection",
  "terminating connection due to administrator command",
  "the database system is starting up",
  "the database system is shutting down",
];

function speaksOfUnavailability(value: object): boolean {
  const code = "code" in value && typeof value.code === "string" ? value.code : undefined;
  if (code && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  const originalCode = "originalCode" in value && typeof value.originalCode === "string" ? value.originalCode : undefined;
  if (originalCode && (SQLSTATES.has(originalCode) || /^08[0-9A-Z]{3}$/.test(originalCode))) return true;
  if ("kind" in value && typeof value.kind === "string" && DRIVER_KINDS.has(value.kind)) return true;
  const message = "message" in value && typeof value.message === "string" ? value.message.toLowerCase() : "";
  return MESSAGES.some((known) => message.includes(known));
}

/** Prisma's P2010 (a raw query failed) keeps the driver's error in meta.driverAdapterError.cause. */
function driverAdapterCause(value: object): object | undefined {
  const meta = "meta" in value && typeof value.meta === "object" && value.meta !== null ? value.meta : undefined;
  const adapterError = meta && "driverAdapterError" in meta && typeof meta.driverAdapterError === "object" ? meta.driverAdapterError : undefined;
  const cause = adapterError && "cause" in adapterError && typeof adapterError.cause === "object" ? adapterError.cause : undefined;
  return cause ?? undefined;
}
