// Runs the real production server (scripts/server.ts over the production build) as a child
// process, for tests about the process itself: start-up policy, signals, health, failover.
// `npm run build` must have run first (`npm test` does it before these tests).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { afterAll, afterEach, beforeAll } from "vitest";
import { disconnectDb } from "~/db.server";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "~/infra/embedded-postgres.server";
import { freePort } from "~/infra/free-port.server";
import { withClient } from "../setup/pg-client";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ServerProcess = {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server wrote so far, stdout and stderr interleaved. */
  output: () => string;
  /** Resolves when the process has exited, with its code or signal. */
  exited: Promise<Exit>;
  /** Waits until GET /healthz answers 200; rejects (with the output) if the process exits first. */
  waitUntilHealthy: (options?: { timeoutMs?: number }) => Promise<void>;
  /** Waits until the output matches; rejects (with the output) if the process exits first. */
  waitForOutput: (pattern: RegExp, options?: { timeoutMs?: number }) => Promise<void>;
  /** Sends a signal (SIGTERM by default) and waits for the exit. */
  stop: (signal?: NodeJS.Signals) => Promise<Exit>;
};

export type StartOptions = {
  /**
   * Environment of the server, on top of this process' own minus what would leak from the test
   * run (DATABASE_URL, DATA_DIR, SMTP_URL, DEMO...). NODE_ENV defaults to production,
   * WEB_CONCURRENCY to 1, PORT to a free port, APP_URL to http://127.0.0.1:<port>.
   * A value of undefined removes the variable.
   */
  env?: Record<string, string | undefined>;
};

/** Variables of the test run that must not reach a server unless a test sets them. */
const NOT_INHERITED = ["DATABASE_URL", "DATA_DIR", "SMTP_URL", "DEMO", "SEED_DEMO", "TRUST_PROXY", "WEB_CONCURRENCY", "PORT", "APP_URL", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "NODE_OPTIONS"];

/**
 * Starts `node --import tsx scripts/server.ts` (the pid is the server's first process, which
 * forks the others in cluster mode). Does not wait: call waitUntilHealthy() or await exited.
 */
export async function startServer(options: StartOptions = {}): Promise<ServerProcess> {
  if (!existsSync(path.join(ROOT, "build/server/index.js"))) {
    throw new Error("build/server/index.js manque : lancez `npm run build` avant les tests de processus.");
  }
  const port = Number(options.env?.PORT ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  for (const name of NOT_INHERITED) delete env[name];
  const chosen: Record<string, string | undefined> = { WEB_CONCURRENCY: "1", PORT: String(port), APP_URL: url, ...options.env };
  for (const [name, value] of Object.entries(chosen)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      for (const listener of listeners) listener();
      resolve(exit);
    });
  });

  function failure(message: string): Error {
    return new Error(`${message}\n--- sortie du serveur ---\n${output}`);
  }

  async function waitUntilHealthy({ timeoutMs = 90_000 } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exit) throw failure(`le serveur s'est arrêté avant d'être prêt (code ${exit.code}, signal ${exit.signal})`);
      try {
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw failure(`le serveur ne répond pas sur ${url}/healthz`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  function waitForOutput(pattern: RegExp, { timeoutMs = 90_000 } = {}): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output)) done(() => resolve());
        else if (exit) done(() => reject(failure(`le serveur s'est arrêté sans écrire ${pattern}`)));
      };
      const timer = setTimeout(() => done(() => reject(failure(`le serveur n'a pas écrit ${pattern}`))), timeoutMs);
      const done = (finish: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        finish();
      };
      listeners.add(check);
      check();
    });
  }

  async function stop(signal: NodeJS.Signals = "SIGTERM"): Promise<Exit> {
    if (!exit) child.kill(signal);
    return exited;
  }

  return { url, port, child, output: () => output, exited, waitUntilHealthy, waitForOutput, stop };
}

export type TestCluster = {
  /** A new empty database of this cluster (not migrated: the server migrates on start). */
  createDatabase: (prefix?: string) => Promise<string>;
  /** The embedded PostgreSQL itself, to stop it under a running server and start it again. */
  embedded: EmbeddedDatabase;
  /** Port of the cluster (the same after a restart). */
  port: number;
  /** Starts the cluster again after `embedded.stop()` (same folder, same port). */
  restart: () => Promise<void>;
  /** Stops the cluster and removes its folder. */
  close: () => Promise<void>;
};

/**
 * A real PostgreSQL of the test's own, on a free port, in a folder of its own under .data/.
 * Durability is off: these tests never survive a crash of the machine.
 */
export async function startTestCluster(): Promise<TestCluster> {
  const dataDir = path.join(ROOT, `.data/process-test-${process.pid}-${randomBytes(4).toString("hex")}`);
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const start = () =>
    startEmbeddedPostgres({ dataDir, port, database: "postgres", settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" } });
  const cluster: TestCluster = {
    embedded: await start(),
    port,
    async createDatabase(prefix = "process") {
      const name = `${prefix}_${randomBytes(6).toString("hex")}`;
      await withClient(cluster.embedded.url, (client) => client.query(`CREATE DATABASE "${name}"`));
      const url = new URL(cluster.embedded.url);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async restart() {
      cluster.embedded = await start();
    },
    async close() {
      await cluster.embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** Runs one query on its own connection (the test process must not keep a pool to a database a server uses). */
export async function query<Row extends pg.QueryResultRow>(databaseUrl: string, text: string, values: unknown[] = []): Promise<Row[]> {
  return withClient(databaseUrl, async (client) => (await client.query<Row>(text, values)).rows);
}

export type ProcessTestBed = {
  /** The file's own cluster: there from its first test on (not while the file is being collected). */
  readonly cluster: TestCluster;
  /** startServer({ env }), the server then stopped by the bed (see processTestBed). */
  start: (env?: Record<string, string | undefined>) => Promise<ServerProcess>;
};

/**
 * What every process test file sets up, as hooks registered in the calling file: a cluster of its
 * own, started before its first test and closed after its last; the servers started through
 * `start` stopped after each test (`stopServers: "afterEach"`, a file whose tests each start their
 * own) or after the last one (`"afterAll"`), with `signal` (SIGKILL where a test may leave one
 * hanging); and the application's pool (db(), used by a test that seeds through the factories)
 * closed before the servers and the cluster go.
 */
export function processTestBed(options: { stopServers: "afterEach" | "afterAll"; signal?: NodeJS.Signals }): ProcessTestBed {
  let cluster: TestCluster | undefined;
  const servers: ServerProcess[] = [];
  const stopServers = async () => {
    for (const server of servers.splice(0)) await server.stop(options.signal);
  };
  beforeAll(async () => {
    cluster = await startTestCluster();
  });
  if (options.stopServers === "afterEach") afterEach(stopServers);
  afterAll(async () => {
    await disconnectDb();
    await stopServers();
    await cluster?.close();
  });
  return {
    get cluster() {
      if (!cluster) throw new Error("Le cluster de test n'est pas encore démarré (il l'est dans beforeAll).");
      return cluster;
    },
    async start(env = {}) {
      const server = await startServer({ env });
      servers.push(server);
      return server;
    },
  };
}
