import type { Tx } from "~/db.server";

/**
 * The readable slug, or the same with -2, -3… when taken (producers and charities alike). Two
 * organisations registering the same name in the same instant would collide on the unique index
 * and the second would fail cleanly; an advisory lock on the base slug makes them wait for each
 * other instead.
 */
export async function freeSlug(tx: Tx, base: string): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`slug:${base}`}, 0))`;
  const taken = await tx.$queryRaw<Array<{ slug: string }>>`
    SELECT slug FROM "Organisation" WHERE slug = ${base} OR slug ~ ${`^${base}-[0-9]+$`}`;
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
