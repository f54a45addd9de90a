import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;
/** A transaction client: use cases accept one so that they compose inside a caller's transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Holder = { prisma?: PrismaClient; pool?: pg.Pool; statements: number };
// Kept on globalThis so that the dev server's module reloads reuse one pool.
const holder: Holder = ((globalThis as { __terreEtMerDb?: Holder }).__terreEtMerDb ??= { statements: 0 });

const SLOW_STATEMENT_MS = 500;

function create(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL manquant : démarrez l'application avec `npm start` ou `npm run dev`, qui lancent PostgreSQL embarqué.");
  }
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // Without a listener, an idle client's error (database restarted) would crash the process.
  pool.on("error", (error) => console.warn("[db] connexion perdue :", error.message));
  holder.pool = pool;
  const client = new PrismaClient({
    adapter: new PrismaPg(pool),
    log: [{ level: "query", emit: "event" }],
  });
  client.$on("query", (event) => {
    holder.statements += 1;
    if (event.duration > SLOW_STATEMENT_MS) {
      console.warn(`[db] requête lente (${event.duration} ms) : ${event.query.slice(0, 200)}`);
    }
  });
  return client;
}

export function db(): PrismaClient {
  holder.prisma ??= create();
  return holder.prisma;
}

/**
 * A read on the hot path (the catalogue: hundreds of rows on every visit) straight through the
 * pool Prisma itself uses: Prisma 7 adds ~5 ms of CPU per 500-row result, the driver alone does
 * not (docs/decisions/007-hot-reads-through-the-pool.md). Parameters are always bound, never
 * interpolated. Writes and everything else go through Prisma.
 */
export async function readRows<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<Row[]> {
  db();
  const pool = holder.pool;
  if (!pool) throw new Error("Pool PostgreSQL absent.");
  holder.statements += 1;
  const started = performance.now();
  const result = await pool.query<Row>(text, values);
  const duration = performance.now() - started;
  if (duration > SLOW_STATEMENT_MS) console.warn(`[db] requête lente (${Math.round(duration)} ms) : ${text.slice(0, 200)}`);
  return result.rows;
}

/** SQL statements sent since the process started: the query-budget tests read it around a call. */
export function statementsIssued(): number {
  return holder.statements;
}

export async function disconnectDb(): Promise<void> {
  await holder.prisma?.$disconnect();
  await holder.pool?.end();
  holder.prisma = undefined;
  holder.pool = undefined;
}
