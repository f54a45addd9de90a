// Applies the migrations (prisma/migrations, hand-written SQL) and nothing else: `npm run db:migrate`.
// Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR like the server; the server itself
// migrates at start, so this is for an operator who migrates before rolling out new app servers.
import { bootDatabase, type Booted } from "~/infra/boot.server";

async function main(): Promise<number> {
  let booted: Booted | undefined;
  try {
    booted = await bootDatabase();
    console.info("[db] base à jour");
    return 0;
  } catch (error) {
    console.error(`[db] échec des migrations : ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await booted?.embedded?.stop();
  }
}

process.exit(await main());
