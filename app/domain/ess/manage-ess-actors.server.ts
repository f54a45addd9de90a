import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { can, type Principal } from "~/domain/accounts/permissions";
import { DomainError } from "~/domain/errors";
import { ensureCommuneRow } from "~/domain/ess/commune-row.server";
import type { EssActorInput } from "~/domain/ess/ess-actor-input";
import { slugify } from "~/domain/organisations/territory";

/**
 * The territory keeps the guide's ESS actors: whoever may verify organisations (the territory's
 * admin) creates, edits, publishes and unpublishes them. Nothing is ever deleted: an actor that
 * closes is unpublished, its events stay with it.
 */
export function canManageEssActors(user: Principal): boolean {
  return can(user, "verify:organisation:any");
}

function requireManager(user: Principal): void {
  if (!canManageEssActors(user)) throw new DomainError("forbidden");
}

export async function listEssActorsForAdmin(user: Principal) {
  requireManager(user);
  return db().essActor.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, name: true, kind: true, published: true, communeInsee: true, commune: { select: { name: true } }, updatedAt: true },
  });
}

export async function getEssActorForAdmin(user: Principal, id: string) {
  requireManager(user);
  const actor = await db().essActor.findUnique({ where: { id } });
  if (!actor) throw new DomainError("not_found");
  return actor;
}

/** A new actor with a free slug (its name, then -2, -3…); the slug is kept when the name changes later. */
export async function createEssActor(input: { user: Principal; actor: EssActorInput; now: Date }): Promise<{ id: string; slug: string }> {
  requireManager(input.user);
  return db().$transaction(async (tx) => {
    await ensureCommuneRow(tx, input.actor.communeInsee);
    const base = slugify(input.actor.name);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`ess-slug:${base}`}, 0))`;
    const taken = await tx.$queryRaw<Array<{ slug: string }>>`
      SELECT slug FROM "EssActor" WHERE slug = ${base} OR slug ~ ${`^${base}-[0-9]+$`}`;
    const used = new Set(taken.map((row) => row.slug));
    let slug = base;
    for (let suffix = 2; used.has(slug); suffix += 1) slug = `${base}-${suffix}`;
    const id = randomUUID();
    await tx.essActor.create({ data: { id, slug, ...input.actor, createdAt: input.now, updatedAt: input.now } });
    return { id, slug };
  });
}

export async function updateEssActor(input: { user: Principal; id: string; actor: EssActorInput; now: Date }): Promise<void> {
  requireManager(input.user);
  await ensureCommuneRow(db(), input.actor.communeInsee);
  const changed = await db().essActor.updateMany({ where: { id: input.id }, data: { ...input.actor, updatedAt: input.now } });
  if (changed.count === 0) throw new DomainError("not_found");
}

/** Publish or unpublish: an unpublished actor leaves the directory, its open data and the agenda at once. */
export async function setEssActorPublished(input: { user: Principal; id: string; published: boolean; now: Date }): Promise<void> {
  requireManager(input.user);
  const changed = await db().essActor.updateMany({ where: { id: input.id }, data: { published: input.published, updatedAt: input.now } });
  if (changed.count === 0) throw new DomainError("not_found");
}
