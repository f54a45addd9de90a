import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { can, type Principal } from "~/domain/accounts/permissions";
import { DomainError } from "~/domain/errors";
import { ensureCommuneRow } from "~/domain/ess/commune-row.server";
import type { EventInput } from "~/domain/ess/event-input";

/**
 * Who changes an event: the producer organisation that holds it (for itself only: visits, open
 * days), or the territory's admin (for anyone). The owner is in every `where`: another
 * organisation's event is « not found », never changed.
 */
export type EventEditor = { kind: "producer"; userId: string; organisationId: string } | { kind: "admin"; userId: string; user: Principal };

function ownerWhere(editor: EventEditor, eventId: string) {
  if (editor.kind === "admin") {
    if (!can(editor.user, "verify:organisation:any")) throw new DomainError("forbidden");
    return { id: eventId };
  }
  return { id: eventId, organisationId: editor.organisationId };
}

function refusePast(event: EventInput, now: Date): void {
  if (event.endsAt.getTime() <= now.getTime()) throw new DomainError("invalid", { field: "startDay", messageKey: "essEvents.field.start.past" });
}

/** A producer publishes an event of their own organisation (verified organisations only: only they are public). */
export async function createOwnEvent(input: { userId: string; organisationId: string; verified: boolean; event: EventInput; now: Date }): Promise<{ id: string }> {
  if (!input.verified) throw new DomainError("not_verified");
  refusePast(input.event, input.now);
  await ensureCommuneRow(db(), input.event.communeInsee);
  const id = randomUUID();
  await db().event.create({
    data: { id, ...input.event, organisationId: input.organisationId, essActorId: null, publishedById: input.userId, createdAt: input.now, updatedAt: input.now },
  });
  return { id };
}

/** The admin publishes an event for an organisation (producer, AMAP, charity, the territory) or an ESS actor. */
export async function createEventForHolder(input: {
  user: Principal & { id: string };
  holder: { organisationId: string | null; essActorId: string | null };
  event: EventInput;
  now: Date;
}): Promise<{ id: string }> {
  if (!can(input.user, "verify:organisation:any")) throw new DomainError("forbidden");
  refusePast(input.event, input.now);
  const holderExists = input.holder.organisationId
    ? await db().organisation.count({ where: { id: input.holder.organisationId } })
    : await db().essActor.count({ where: { id: input.holder.essActorId ?? "" } });
  if (holderExists === 0) throw new DomainError("invalid", { field: "holder", messageKey: "essEvents.field.holder.invalid" });
  await ensureCommuneRow(db(), input.event.communeInsee);
  const id = randomUUID();
  await db().event.create({ data: { id, ...input.event, ...input.holder, publishedById: input.user.id, createdAt: input.now, updatedAt: input.now } });
  return { id };
}

export async function updateEvent(input: { editor: EventEditor; eventId: string; event: EventInput; now: Date }): Promise<void> {
  refusePast(input.event, input.now);
  await ensureCommuneRow(db(), input.event.communeInsee);
  const changed = await db().event.updateMany({ where: ownerWhere(input.editor, input.eventId), data: { ...input.event, updatedAt: input.now } });
  if (changed.count === 0) throw new DomainError("not_found");
}

/** Withdraw an event (cancelled, or entered by mistake): it leaves the agenda and its feed. */
export async function deleteEvent(input: { editor: EventEditor; eventId: string }): Promise<void> {
  const removed = await db().event.deleteMany({ where: ownerWhere(input.editor, input.eventId) });
  if (removed.count === 0) throw new DomainError("not_found");
}

/** One event for its edit form, only for its owner (or the admin). */
export async function getEventForEditor(editor: EventEditor, eventId: string) {
  const event = await db().event.findFirst({ where: ownerWhere(editor, eventId) });
  if (!event) throw new DomainError("not_found");
  return event;
}

/** A producer's own events, coming first then past (most recent first). */
export async function listOwnEvents(organisationId: string) {
  return db().event.findMany({ where: { organisationId }, orderBy: [{ startsAt: "desc" }, { id: "asc" }] });
}
