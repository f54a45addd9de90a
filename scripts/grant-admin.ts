// Names a territory admin: `npm run admin:grant -- person@example.org`.
// The person first creates their account on the site (/inscription), with a password nobody else
// types or sees; this command then gives that account the territory's admin space. It is how a
// new database gets its first admin, since the demo's are never loaded there (decision 016).
// Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR like the server.
import { disconnectDb } from "~/db.server";
import { grantTerritoryAdmin } from "~/domain/accounts/grant-territory-admin.server";
import { isDomainError } from "~/domain/errors";
import { bootDatabase, type Booted } from "~/infra/boot.server";

async function main(): Promise<number> {
  const emails = process.argv.slice(2);
  if (emails.length !== 1 || !emails[0]!.includes("@")) {
    console.error("Usage : npm run admin:grant -- adresse@exemple.fr (le compte doit déjà exister : inscription sur le site)");
    return 2;
  }
  let booted: Booted | undefined;
  try {
    booted = await bootDatabase();
    const result = await grantTerritoryAdmin({ email: emails[0]!, now: new Date() });
    if (result.organisationCreated) console.info("[admin] organisation du territoire créée");
    console.info(result.alreadyAdmin ? `[admin] ${emails[0]} administre déjà le territoire` : `[admin] ${emails[0]} administre désormais le territoire : /admin/organisations`);
    return 0;
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") {
      console.error(`[admin] aucun compte pour ${emails[0]} : la personne crée d'abord son compte sur le site (/inscription), puis relancez cette commande.`);
      return 1;
    }
    console.error(`[admin] échec : ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await disconnectDb();
    await booted?.embedded?.stop();
  }
}

process.exit(await main());
