// What the load benchmarks share (scripts/bench.ts, scripts/bench-directory.ts): autocannon typed
// by hand, the production server started as in production and stopped, and how a run names its
// machine and its code.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "~/infra/free-port.server";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SERVER_BUILD = path.join(ROOT, "build", "server", "index.js");

// ---------------------------------------------------------------------------------------------
// autocannon (no type definitions are published for it: the part used here is typed by hand)
// ---------------------------------------------------------------------------------------------

export type AutocannonRequest = {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  /** Called with each answer's status and body (autocannon reads the body only when this is set). */
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};
export type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p99: number };
export type AutocannonResult = {
  duration: number;
  requests: Histogram & { sent: number };
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
};
export type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  requests?: AutocannonRequest[];
  timeout?: number;
  amount?: number;
};
export const autocannon = createRequire(import.meta.url)("autocannon") as (options: AutocannonOptions) => Promise<AutocannonResult>;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** RSS and peak RSS of a process and its children (the app processes it forked), with their count. */
export function rssOf(pid: number): { rssMb: number; peakMb: number; processes: number } | null {
  try {
    const pids = [pid, ...readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)];
    let rssMb = 0;
    let peakMb = 0;
    for (const one of pids) {
      const status = readFileSync(`/proc/${one}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
      rssMb += kb("VmRSS") / 1024;
      peakMb += kb("VmHWM") / 1024;
    }
    return { rssMb, peakMb, processes: pids.length };
  } catch {
    return null;
  }
}

export function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

export function statusSplit(result: AutocannonResult): string {
  return Object.entries(result.statusCodeStats)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, { count }]) => `${code}: ${count}`)
    .join(", ");
}

/** Answered requests per second over the whole run. */
export function rps(result: AutocannonResult): number {
  return result.requests.total / result.duration;
}

/** Which code was measured: the build's date, and the commit with any uncommitted app changes. */
export function buildDescription(): string {
  const built = statSync(SERVER_BUILD).mtime.toISOString().slice(0, 16).replace("T", " ");
  let source = "";
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "app", "scripts/server.ts"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter(Boolean).length;
    source = `, sources at commit ${head}${dirty > 0 ? ` + ${dirty} uncommitted file(s) under app/` : ""}`;
  } catch {
    // not a git checkout
  }
  return `build/server/index.js built ${built} UTC${source}`;
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}

// ---------------------------------------------------------------------------------------------
// The server under test
// ---------------------------------------------------------------------------------------------

export type Server = { process: ChildProcess; url: string; logFile: string; exited: Promise<number | null> };

export async function startServer(databaseUrl: string, tmp: string, cpuProf: string | undefined, processes: number | undefined): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(tmp, "server.log");
  const log = createWriteStream(logFile);
  // `node --import tsx` rather than `npx tsx`: the pid is the server's first process (RSS, profile);
  // it forks the other app processes (WEB_CONCURRENCY, default one per core) as in production.
  const nodeArgs = [...(cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${cpuProf}`] : []), "--import", "tsx", "scripts/server.ts"];
  const { SMTP_URL: _smtp, DATA_DIR: _dataDir, ...inherited } = process.env;
  const child = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      APP_URL: url,
      ...(processes ? { WEB_CONCURRENCY: String(processes) } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server = { process: child, url, logFile, exited };

  const deadline = Date.now() + 60_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status < 500) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n") : "";
  child.kill("SIGKILL");
  throw new Error(`Le serveur n'a pas répondu${gone ? " (il s'est arrêté)" : " en 60 s"}. Fin de ${logFile} :\n${tail}`);
}

export async function stopServer(server: Server): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  server.process.kill("SIGTERM");
  const stopped = await Promise.race([server.exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) {
    server.process.kill("SIGKILL");
    await server.exited;
  }
}

