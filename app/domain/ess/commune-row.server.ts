import type { DbOrTx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { communeByInsee } from "~/domain/organisations/territory";

/**
 * The Commune table holds the reference list (shared/data/communes.json); a seeded database has
 * every commune, an empty one gets this one from the reference before a row points at it.
 */
export async function ensureCommuneRow(client: DbOrTx, inseeCode: string): Promise<void> {
  const commune = communeByInsee(inseeCode);
  if (!commune) throw new DomainError("invalid", { field: "communeInsee", messageKey: "essActors.field.commune.unknown" });
  await client.commune.createMany({ data: [commune], skipDuplicates: true });
}
