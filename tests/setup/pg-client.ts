import pg from "pg";

/**
 * Runs `work` with a client of its own, closed whatever happens: for a statement the application's
 * pool must not run (CREATE / DROP DATABASE, a query on a database a server process uses). Plain
 * `pg`, no vitest: scripts/bench.ts uses it too.
 */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
