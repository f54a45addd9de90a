import { checkDatabase } from "~/infra/database-health.server";

/** How long a load balancer waits at most for an answer about the database. */
const DATABASE_TIMEOUT_MS = 2_000;

/**
 * GET /healthz, for load balancers: 200 {"status":"ok"} when the database answers, else 503.
 * No session, no cookie, no rendering: one `SELECT 1` through the pool. A stopping server
 * refuses new connections, so the load balancer's next check fails there too.
 */
export async function loader() {
  const database = await checkDatabase({ timeoutMs: DATABASE_TIMEOUT_MS });
  if (!database.up) console.warn(`[healthz] base de données indisponible : ${database.reason}`);
  return new Response(JSON.stringify(database.up ? { status: "ok" } : { status: "unavailable", database: "down" }), {
    status: database.up ? 200 : 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
