// The directory's search benchmark (issue 12): `npm run bench:directory [-- --duration 8 --connections 10 --write]`.
//
// Like scripts/bench.ts: the PRODUCTION build (`npm run build` first: this script builds nothing),
// its own embedded PostgreSQL in a temporary folder (or DATABASE_URL when set), autocannon at 10
// connections, a warm-up before each measurement, a Markdown table, --write appends it dated with
// the machine to docs/benchmarks.md. It is not a test: nothing here runs in `npm test`.
//
// 1. Seeds 2,000 public directory actors over the territory's 16 communes (positions jittered
//    around each commune's centre, shared/data/communes.json): verified producers of every kind
//    with products of their kind's categories (the demo's product names), a share organic, some
//    with a label valid now and some with an expired one; AMAPs; charities that chose to appear;
//    pickup points, a third with a coming distribution and offers; published ESS actors of every
//    kind. Plus what must not appear (unverified and refused producers, charities that did not
//    choose to appear, unpublished ESS actors). Then ANALYZE.
// 2. Measures `/annuaire` with a text search and filters (SEARCHES below), the bare directory, and
//    the same searches through `GET /api/v1/producers`, each after a warm-up.
// 3. The floor, in the same run: the SAME statements (`directorySearchStatement`, and the
//    categories of the filter) served by a bare node:http + pg server with template strings
//    (scripts/bench-directory-floor.mjs, one process per core as the app), same measurements.
//    The figure that travels between machines is app ÷ floor.
// 4. EXPLAIN ANALYZE of each search's statement: PostgreSQL's own time, and whether it scans.
// The aim (docs/benchmarks.md): p99 < 100 ms at 10 connections.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { db, disconnectDb } from "~/db.server";
import { readDirectoryQuery } from "~/domain/directory/directory-query";
import { directorySearchStatement } from "~/domain/directory/search-directory.server";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "~/infra/embedded-postgres.server";
import { freePort } from "~/infra/free-port.server";
import { migrate } from "~/infra/migrate.server";
import { HIDDEN, MIX, seedDirectory } from "./bench-directory-data";
import { autocannon, buildDescription, kB, loadAverage, ROOT, rps, SERVER_BUILD, sleep, startServer, statusSplit, stopServer, type AutocannonResult, type Server } from "./bench-server";

const DOC = path.join(ROOT, "docs", "benchmarks.md");
const AIM_P99_MS = 100;
const WARMUP_SECONDS = 3;

/** The searches measured: what a visitor types and ticks (the issue's journey: a product near Dieppe, the label). */
const SEARCHES = [
  { name: "cider, organic, label", query: "q=cidre&bio=1&label=1" },
  { name: "scallops near Dieppe (20 km)", query: "q=coquilles&pres=dieppe" },
  { name: "fishers in Dieppe (kind + commune)", query: "type=pecheur&commune=76217" },
  { name: "vegetables within 10 km of Offranville, label", query: "categorie=legumes&pres=offranville&km=10&label=1" },
  { name: "everything (no filter: 2,000 on the map)", query: "" },
] as const;

type Options = { duration: number; connections: number; write: boolean; cpuProf?: string };

function parseOptions(argv: string[]): Options {
  const options: Options = { duration: 8, connections: 10, write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index];
    const positive = () => {
      const parsed = Number(argv[++index]);
      if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} attend un entier positif`);
      return parsed;
    };
    if (name === "--duration") options.duration = positive();
    else if (name === "--connections") options.connections = positive();
    else if (name === "--write") options.write = true;
    else if (name === "--cpu-prof" && argv[index + 1]) options.cpuProf = path.resolve(argv[++index]!);
    else throw new Error(`Option inconnue : ${name} (npm run bench:directory -- [--duration S (8)] [--connections C (10)] [--write] [--cpu-prof DIR: the app's processes profiled, as npm run bench])`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// The floor server
// ---------------------------------------------------------------------------------------------

type FloorStatement = { path: string; kind: "page" | "api"; text: string; values: unknown[] };

async function startFloor(databaseUrl: string, statementsFile: string): Promise<{ url: string; child: ChildProcess; exited: Promise<unknown> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "bench-directory-floor.mjs")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), STATEMENTS: statementsFile, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      const response = await fetch(`${url}/health`);
      await response.arrayBuffer();
      if (response.ok) return { url, child, exited };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill("SIGKILL");
  throw new Error("Le serveur plancher n'a pas répondu.");
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

type Measured = { name: string; app: AutocannonResult; floor: AutocannonResult; bytes: string; results: string; sqlMs: number };

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  process.chdir(ROOT);
  if (!existsSync(SERVER_BUILD)) throw new Error(`${path.relative(ROOT, SERVER_BUILD)} est introuvable : run npm run build first (lancez d'abord npm run build).`);
  const loadBefore = loadAverage();
  console.info(`[bench:directory] charge (1/5/15 min) : ${loadBefore}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "terre-et-mer-bench-directory-"));
  chmodSync(tmp, 0o755);
  let embedded: EmbeddedDatabase | undefined;
  let server: Server | undefined;
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  let failed = false;
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, "postgres"), port: await freePort(), database: "terre_et_mer" });
      databaseUrl = embedded.url;
      process.env.DATABASE_URL = databaseUrl;
    } else console.warn("[bench:directory] DATABASE_URL est défini : les acteurs de charge y sont ajoutés et y restent.");
    await migrate(databaseUrl);
    const prisma = db();
    const pgVersion = (await prisma.$queryRawUnsafe<Array<{ server_version: string }>>("SHOW server_version"))[0]?.server_version ?? "?";
    const now = new Date();
    const seedStarted = performance.now();
    const seeded = await seedDirectory(now);
    await prisma.$executeRawUnsafe("ANALYZE");
    console.info(`[bench:directory] 2 000 acteurs publics, ${seeded.products} produits, ${seeded.offers} offres, ${seeded.labelled} labels en ${(performance.now() - seedStarted).toFixed(0)} ms (PostgreSQL ${pgVersion})`);

    // The statements of each measured search, for the floor and for EXPLAIN ANALYZE.
    const targets = [
      ...SEARCHES.map((search) => ({ ...search, path: `/annuaire${search.query ? `?${search.query}` : ""}`, kind: "page" as const })),
      ...SEARCHES.slice(0, 2).map((search) => ({ name: `API: ${search.name}`, query: search.query, path: `/api/v1/producers?${search.query}`, kind: "api" as const })),
    ];
    const statements: FloorStatement[] = targets.map((target) => {
      const statement = directorySearchStatement(readDirectoryQuery(new URLSearchParams(target.query)), now, target.kind === "api" ? { actors: ["producer", "amap"] } : {});
      return { path: target.path, kind: target.kind, text: statement.text, values: statement.values };
    });
    const statementsFile = path.join(tmp, "statements.json");
    writeFileSync(statementsFile, JSON.stringify(statements));
    const sqlMs: number[] = [];
    for (const statement of statements) {
      const plan = await prisma.$queryRawUnsafe<Array<{ "QUERY PLAN": Array<{ "Execution Time": number }> }>>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, ...statement.values);
      sqlMs.push(plan[0]?.["QUERY PLAN"][0]?.["Execution Time"] ?? NaN);
    }

    const code = buildDescription();
    server = await startServer(databaseUrl, tmp, options.cpuProf, undefined);
    floor = await startFloor(databaseUrl, statementsFile);
    console.info(`[bench:directory] serveur ${server.url}, plancher ${floor.url}`);

    const measured: Measured[] = [];
    const problems: string[] = [];
    for (const [index, target] of targets.entries()) {
      const check = await fetch(server.url + target.path);
      const body = await check.text();
      if (check.status !== 200) {
        if (target.kind === "api" && check.status === 404) {
          console.warn(`[bench:directory] ${target.path} : 404, la route n'existe pas dans ce build ; mesure sautée.`);
          continue;
        }
        throw new Error(`${target.path} répond ${check.status}`);
      }
      const results = target.kind === "api" ? `${(JSON.parse(body) as { producers: unknown[]; total?: number }).total ?? "?"} producers` : (/data-testid="directory-count"[^>]*>([^<]*)</.exec(body)?.[1] ?? "?");
      const base = { connections: options.connections, timeout: 30 };
      process.stdout.write(`[bench:directory] ${target.name} : `);
      await autocannon({ ...base, url: server.url + target.path, duration: WARMUP_SECONDS });
      const app = await autocannon({ ...base, url: server.url + target.path, duration: options.duration });
      await autocannon({ ...base, url: `${floor.url}/floor/${index}`, duration: WARMUP_SECONDS });
      const floorResult = await autocannon({ ...base, url: `${floor.url}/floor/${index}`, duration: options.duration });
      console.info(`app ${rps(app).toFixed(1)} req/s p99 ${app.latency.p99} ms · plancher ${rps(floorResult).toFixed(1)} req/s p99 ${floorResult.latency.p99} ms`);
      for (const [who, result] of [["app", app], ["floor", floorResult]] as const) {
        if (result.non2xx > 0 || result.errors > 0) problems.push(`${target.name} (${who}) : ${result.non2xx} non-2xx, ${result.errors} erreurs (${statusSplit(result)})`);
      }
      measured.push({ name: `${target.name} \`${target.path}\``, app, floor: floorResult, bytes: `${kB(Buffer.byteLength(body))} (gzip ${kB(gzipSync(body).length)})`, results, sqlMs: sqlMs[index] ?? NaN });
    }
    const loadAfter = loadAverage();

    const table = [
      "| search | app req/s | app p50 | app p99 | floor req/s | floor p99 | floor ÷ app (req/s) | SQL (EXPLAIN ANALYZE) | results | answer |",
      "|---|---|---|---|---|---|---|---|---|---|",
      ...measured.map(
        ({ name, app, floor: floorResult, bytes, results, sqlMs: ms }) =>
          `| ${name} | ${rps(app).toFixed(1)} | ${app.latency.p50} ms | ${app.latency.p99} ms${app.latency.p99 < AIM_P99_MS ? "" : " **(aim missed)**"} | ${rps(floorResult).toFixed(1)} | ${floorResult.latency.p99} ms | ${(rps(floorResult) / rps(app)).toFixed(1)} | ${ms.toFixed(1)} ms | ${results} | ${bytes} |`,
      ),
    ].join("\n");
    const cpu = os.cpus();
    const context = [
      `- Command: \`npm run bench:directory -- --duration ${options.duration} --connections ${options.connections}\` (${WARMUP_SECONDS} s warm-up before each measurement; app and floor measured one after the other)`,
      `- Data: 2,000 public actors (${MIX.producers} producers with ${seeded.products} products, ${MIX.amaps} AMAPs, ${MIX.charities} charities, ${MIX.points} pickup points with ${seeded.offers} offers at coming distributions, ${MIX.essActors} ESS actors) + ${HIDDEN.pending + HIDDEN.refused + HIDDEN.charitiesNotShown + HIDDEN.essUnpublished} that must not appear; ${seeded.labelled} labels; ANALYZE`,
      `- Machine: ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores (nproc ${os.availableParallelism()}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM; Node ${process.version}; PostgreSQL ${pgVersion}${embedded ? " (embedded, default settings, same machine)" : " (DATABASE_URL)"}`,
      `- Code: ${code}`,
      `- Load average (1/5/15 min): ${loadBefore} before, ${loadAfter} after. autocannon, the server, the floor and PostgreSQL share the same cores.`,
    ].join("\n");
    const missed = measured.filter(({ app }) => app.latency.p99 >= AIM_P99_MS).map(({ name }) => name.replace(/ `.*`$/, ""));
    const verdict = `Aim p99 < ${AIM_P99_MS} ms at ${options.connections} connections: ${missed.length === 0 ? "met on every search" : `met on ${measured.length - missed.length} of ${measured.length} measurements; **missed** on: ${missed.join("; ")}`}.`;
    console.log(`\n${context}\n\n${table}\n\n${verdict}\n`);
    if (problems.length > 0) {
      failed = true;
      console.error(`[bench:directory] ÉCHEC :\n- ${problems.join("\n- ")}`);
    }
    if (options.write) {
      appendFileSync(DOC, `\n### Directory search, ${now.toISOString().slice(0, 19).replace("T", " ")} UTC\n\n${context}\n\n${table}\n\n${verdict}\n${problems.length > 0 ? `\nChecks FAILED: ${problems.join("; ")}\n` : ""}`);
      console.info(`[bench:directory] résultats ajoutés à ${path.relative(ROOT, DOC)}`);
    }
  } finally {
    if (floor) {
      floor.child.kill("SIGTERM");
      await Promise.race([floor.exited, sleep(5000)]);
    }
    if (server) await stopServer(server).catch((error: unknown) => console.warn("[bench:directory] arrêt du serveur :", error));
    await disconnectDb().catch(() => {});
    if (embedded) await embedded.stop().catch((error: unknown) => console.warn("[bench:directory] arrêt de PostgreSQL :", error));
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(`[bench:directory] échec : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
