import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { z } from "zod";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;
/** A transaction client: use cases accept one so that they compose inside a caller's transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Holder = { prisma?: PrismaClient; pool?: pg.Pool; statements: number };
// Kept on globalThis so that the dev server's module reloads reuse one pool.
const holder: Holder = ((globalThis as { __terreEtMerDb?: Holder }).__terreEtMerDb ??= { statements: 0 });

const SLOW_STATEMENT_MS = 500;

const milliseconds = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/**
 * How long anything may wait on the database (docs/decisions/017-timeouts-and-body-limits.md).
 * Without these, a database that fails over or freezes holds every request for minutes; with
 * them, a request fails within seconds (answered 503: app/infra/database-unavailable.ts) and the
 * pool, having dropped the broken connections, serves again by itself once the database is back.
 * Each is a variable of the environment, in milliseconds; 0 turns one off.
 */
const poolSettingsSchema = z.object({
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  /** Opening a connection, or waiting for a free one in the pool. */
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(5_000),
  /** One statement, stopped by PostgreSQL itself (statement_timeout). */
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(20_000),
  /** A transaction left open with nothing running: PostgreSQL ends the session and frees its locks. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(60_000),
  /** The client's own bound on an answer: the backstop when the server cannot even cancel (frozen, unreachable). */
  DATABASE_QUERY_TIMEOUT_MS: milliseconds(25_000),
});

export type PoolSettings = z.infer<typeof poolSettingsSchema>;

export function poolSettings(environment: Record<string, string | undefined> = process.env): PoolSettings {
  const parsed = poolSettingsSchema.safeParse(environment);
  if (!parsed.success) throw new Error(`Configuration invalide : ${parsed.error.issues.map((issue) => issue.path.join(".")).join(", ")}`);
  return parsed.data;
}

/** The pool's options: the timeouts above, and TCP keep-alive so that a peer gone silently is noticed. */
export function poolConfig(connectionString: string, settings: PoolSettings = poolSettings()): pg.PoolConfig {
  return {
    connectionString,
    max: settings.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: settings.DATABASE_CONNECT_TIMEOUT_MS,
    statement_timeout: settings.DATABASE_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    query_timeout: settings.DATABASE_QUERY_TIMEOUT_MS,
    keepAlive: true,
  };
}

function create(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL manquant : démarrez l'application avec `npm start` ou `npm run dev`, qui lancent PostgreSQL embarqué.");
  }
  const pool = new pg.Pool(poolConfig(connectionString));
  // Without a listener, an idle client's error (database restarted) would crash the process; the
  // pool drops that client, and the next request opens a new connection.
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
