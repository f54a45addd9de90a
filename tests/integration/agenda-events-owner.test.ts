import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { action as adminAgendaAction } from "~/routes/admin.agenda._index";
import { action as editOwnAction, loader as editOwnLoader } from "~/routes/producteur.agenda.$id";
import { action as ownAgendaAction, loader as ownAgendaLoader } from "~/routes/producteur.agenda._index";
import { createMemberUser, createProducerUser } from "../factories";
import { asFailure, get, post, statusOf } from "../route-requests";

/**
 * Events published by their holders (issue 12): a producer publishes for their own organisation
 * only, in Paris time; bad input is refused with the field named and stores nothing; only the
 * owner (or the territory) changes an event.
 */

const tag = () => randomUUID().slice(0, 6);

function eventForm(overrides: Record<string, string> = {}) {
  return { title: `Visite de la ferme ${tag()}`, kind: "FARM_VISIT", startDay: "2031-07-05", startTime: "14:30", endTime: "17:00", placeName: "Ferme des Falaises", communeInsee: "76217", registrationText: "Sur réservation", ...overrides };
}

/** The status a page action answered: a thrown or returned Response, or Remix's data(value, { status }). */
async function statusOfAction(run: () => Promise<unknown>): Promise<number> {
  const status = await statusOf(run);
  if (status !== 200) return status;
  const result = await run().catch(() => null);
  return (result as { init?: { status?: number } } | null)?.init?.status ?? 200;
}

const ownEvents = (organisationId: string) => db().event.findMany({ where: { organisationId }, orderBy: { id: "asc" } });

describe("a producer's own events", () => {
  it("publishes a visit for their own organisation, typed in Paris summer time, stored as its instant", async () => {
    const a = await createProducerUser();
    const form = eventForm();
    const done = (await ownAgendaAction({ request: post("/producteur/agenda", form, a.cookie), params: {}, context: {} })) as { ok: boolean; message: string };
    expect(done).toEqual({ ok: true, message: "Rendez-vous publié dans l'agenda." });
    const [stored] = await ownEvents(a.producerId);
    expect(stored).toMatchObject({ title: form.title, organisationId: a.producerId, essActorId: null, publishedById: a.user.id });
    // 14:30 in Paris in July is 12:30 UTC.
    expect(stored!.startsAt.toISOString()).toBe("2031-07-05T12:30:00.000Z");
    expect(stored!.endsAt.toISOString()).toBe("2031-07-05T15:00:00.000Z");
    const page = (await ownAgendaLoader({ request: get("/producteur/agenda", a.cookie), params: {}, context: {} })) as { events: Array<{ title: string; when: string }> };
    expect(page.events).toEqual([expect.objectContaining({ title: form.title, when: "samedi 5 juillet 2031, de 14:30 à 17:00" })]);
  });

  it("refuses bad input with the field named, keeps what was typed, and stores nothing", async () => {
    const a = await createProducerUser();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ endTime: "14:00" }, "endTime", "La fin doit venir après le début."],
      [{ startDay: "2031-02-30" }, "startDay", "Date attendue au format jj/mm/aaaa."],
      [{ lat: "43.3", lon: "5.4" }, "lat", "Cette position est hors du territoire de Dieppe-Maritime : vérifiez la latitude et la longitude (ni inversées, ni sans virgule)."],
      [{ kind: "RAVE" }, "kind", "Choisissez le type de rendez-vous dans la liste."],
      [{ registrationUrl: "ftp://ferme" }, "registrationUrl", "Adresse web complète attendue, commençant par https://"],
      // Already over: nothing to publish.
      [{ startDay: "2020-07-05" }, "startDay", "Ce rendez-vous est déjà terminé : choisissez une date à venir."],
    ];
    for (const [overrides, field, message] of cases) {
      const form = eventForm(overrides);
      const refused = asFailure(await ownAgendaAction({ request: post("/producteur/agenda", form, a.cookie), params: {}, context: {} }));
      expect(refused.init?.status, field).toBe(400);
      expect(refused.data.fieldErrors[field], field).toBe(message);
      expect((refused.data as unknown as { values: Record<string, string> }).values.title).toBe(form.title);
    }
    expect(await ownEvents(a.producerId)).toEqual([]);
  });

  it("names every wrong field at once: an end before the start is reported with a missing title and place, for the producer and the territory", async () => {
    const a = await createProducerUser();
    const form = eventForm({ title: "", placeName: "", endTime: "13:00" });
    const refused = asFailure(await ownAgendaAction({ request: post("/producteur/agenda", form, a.cookie), params: {}, context: {} }));
    expect(refused.init?.status).toBe(400);
    expect(Object.keys(refused.data.fieldErrors).sort()).toEqual(["endTime", "placeName", "title"]);
    expect(refused.data.fieldErrors.endTime).toBe("La fin doit venir après le début.");
    // An event that would last too long is named alike, with the position outside the territory.
    const tooLong = asFailure(await ownAgendaAction({ request: post("/producteur/agenda", eventForm({ title: "", endDay: "2031-08-30", lat: "43.3", lon: "5.4" }), a.cookie), params: {}, context: {} }));
    expect(Object.keys(tooLong.data.fieldErrors).sort()).toEqual(["endDay", "lat", "title"]);
    const admin = await createMemberUser("ADMIN");
    const byAdmin = asFailure(await adminAgendaAction({ request: post("/admin/agenda", { ...form, holder: `org:${a.producerId}` }, admin.cookie), params: {}, context: {} }));
    expect(Object.keys(byAdmin.data.fieldErrors).sort()).toEqual(["endTime", "placeName", "title"]);
    expect(await ownEvents(a.producerId)).toEqual([]);
  });

  it("is refused to a producer the territory has not verified yet: nothing is published", async () => {
    const pending = await createProducerUser({ verified: false });
    expect(await statusOfAction(() => ownAgendaAction({ request: post("/producteur/agenda", eventForm(), pending.cookie), params: {}, context: {} }))).toBe(403);
    expect(await ownEvents(pending.producerId)).toEqual([]);
  });

  it("lets only its owner change or withdraw it: another producer gets 404 and changes nothing, the owner's change goes through", async () => {
    const a = await createProducerUser();
    const b = await createProducerUser();
    await ownAgendaAction({ request: post("/producteur/agenda", eventForm(), a.cookie), params: {}, context: {} });
    const [event] = await ownEvents(a.producerId);
    const id = event!.id;
    expect(await statusOf(() => editOwnLoader({ request: get(`/producteur/agenda/${id}`, b.cookie), params: { id }, context: {} }))).toBe(404);
    expect(await statusOf(() => editOwnAction({ request: post(`/producteur/agenda/${id}`, eventForm({ title: "Volée" }), b.cookie), params: { id }, context: {} }))).toBe(404);
    expect(await statusOfAction(() => ownAgendaAction({ request: post("/producteur/agenda", { intent: "delete", eventId: id }, b.cookie), params: {}, context: {} }))).toBe(404);
    expect(await ownEvents(a.producerId)).toEqual([event]);

    const changed = await statusOf(() => editOwnAction({ request: post(`/producteur/agenda/${id}`, eventForm({ title: "Visite du verger", startTime: "10:00", endTime: "11:30" }), a.cookie), params: { id }, context: {} }));
    expect(changed).toBe(302);
    const after = await db().event.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ title: "Visite du verger", startsAt: new Date("2031-07-05T08:00:00.000Z") });
    await ownAgendaAction({ request: post("/producteur/agenda", { intent: "delete", eventId: id }, a.cookie), params: {}, context: {} });
    expect(await ownEvents(a.producerId)).toEqual([]);
  });
});

describe("the territory's events", () => {
  it("publishes for an ESS actor; an unknown or malformed holder is refused and nothing is stored", async () => {
    const admin = await createMemberUser("ADMIN");
    const actorId = randomUUID();
    await db().essActor.create({ data: { id: actorId, slug: `forum-${actorId}`, name: "CRESS Normandie", kind: "ESS_NETWORK", communeInsee: "76217", lat: 49.92, lon: 1.08, published: true } });
    const form = eventForm({ kind: "ESS_FORUM", title: `Forum de l'ESS ${tag()}` });
    for (const holder of ["", "bank:1", `ess:${randomUUID()}`]) {
      const refused = asFailure(await adminAgendaAction({ request: post("/admin/agenda", { ...form, holder }, admin.cookie), params: {}, context: {} }));
      expect(refused.init?.status, holder).toBe(400);
      expect(refused.data.fieldErrors.holder, holder).toBe("Choisissez l'acteur qui organise dans la liste.");
    }
    const both = asFailure(await adminAgendaAction({ request: post("/admin/agenda", { ...form, holder: "", kind: "", lat: "43.3", lon: "5.4" }, admin.cookie), params: {}, context: {} }));
    expect(Object.keys(both.data.fieldErrors).sort()).toEqual(["holder", "kind", "lat"]);
    expect(await db().event.count({ where: { title: form.title } })).toBe(0);
    await adminAgendaAction({ request: post("/admin/agenda", { ...form, holder: `ess:${actorId}` }, admin.cookie), params: {}, context: {} });
    expect(await db().event.findFirstOrThrow({ where: { title: form.title } })).toMatchObject({ essActorId: actorId, organisationId: null, publishedById: admin.user.id, kind: "ESS_FORUM" });
  });
});
