import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { listDirectoryEssActors } from "~/domain/ess/list-directory-ess-actors.server";
import { action as editAction, loader as editLoader } from "~/routes/admin.acteurs.$id";
import { action as listAction, loader as listLoader } from "~/routes/admin.acteurs._index";
import { action as createAction } from "~/routes/admin.acteurs.nouveau";
import { createMemberUser, createProducerUser } from "../factories";
import { asFailure, get, post, statusOf } from "../route-requests";

/**
 * The territory's admin keeps the guide's ESS actors at /admin/acteurs: bad input is refused with
 * the field named in French and changes nothing; an unpublished actor is never public.
 */

const unique = () => Math.random().toString(36).slice(2, 8);

function actorForm(overrides: Record<string, string> = {}) {
  return {
    name: `Jardin partagé du Pollet ${unique()}`,
    kind: "COMMUNITY_GARDEN",
    communeInsee: "76217",
    address: "Rue de la Rade",
    lat: "",
    lon: "",
    offer: "Parcelles collectives, ateliers compost et semis le samedi matin.",
    contactEmail: "jardin@pollet.example",
    contactPhone: "",
    website: "",
    published: "on",
    ...overrides,
  };
}

async function create(cookie: string, form: Record<string, string>) {
  return createAction({ request: post("/admin/acteurs/nouveau", form, cookie), params: {}, context: {} });
}

describe("the admin's ESS actors", () => {
  it("adds an actor placed at its commune's centre, found by the directory's search with accents and case ignored", async () => {
    const admin = await createMemberUser("ADMIN");
    const form = actorForm({ name: `Cigales de la Côte d'Albâtre ${unique()}`, kind: "CIGALES", offer: "Épargne solidaire pour les créations d'entreprises locales." });
    const response = await thrownResponseOrValue(create(admin.cookie, form));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/acteurs");
    const stored = await db().essActor.findFirstOrThrow({ where: { name: form.name } });
    expect(stored).toMatchObject({ kind: "CIGALES", communeInsee: "76217", published: true, contactEmail: "jardin@pollet.example" });
    // Dieppe's centre in the reference data.
    expect(stored.lat).toBeCloseTo(49.92, 1);
    expect(stored.slug).toMatch(/^cigales-de-la-cote-d-albatre/);
    const found = await listDirectoryEssActors({ q: "COTE albatre epargne", kinds: ["CIGALES"] });
    expect(found.map((actor) => actor.id)).toContain(stored.id);
    const otherKind = await listDirectoryEssActors({ q: "cote albatre epargne", kinds: ["COMMUNITY_GARDEN"] });
    expect(otherKind.map((actor) => actor.id)).not.toContain(stored.id);
  });

  it("refuses bad input with each field named in French, keeps what was typed, and stores nothing", async () => {
    const admin = await createMemberUser("ADMIN");
    const name = `Refusé ${unique()}`;
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ lat: "48.8566", lon: "2.3522" }, "lat", /hors du territoire/],
      [{ lat: "49.92" }, "lon", /latitude et la longitude/],
      [{ communeInsee: "75056" }, "communeInsee", /commune du territoire/],
      [{ contactEmail: "" }, "contactEmail", /moyen de contact/],
      [{ website: "javascript:alert(1)" }, "website", /https:\/\//],
      [{ kind: "BANK" }, "kind", /type d'acteur/],
      [{ name: " " }, "name", /nom/],
    ];
    for (const [overrides, field, message] of cases) {
      const form = actorForm({ name, ...overrides });
      const refused = asFailure(await create(admin.cookie, form));
      expect(refused.init?.status, field).toBe(400);
      expect(refused.data.fieldErrors[field], field).toMatch(message);
      expect((refused.data as unknown as { values: Record<string, string> }).values.offer).toBe(form.offer);
    }
    expect(await db().essActor.count({ where: { name } })).toBe(0);
  });

  it("names every refused field at once: a position outside the territory is reported with the missing kind and description", async () => {
    const admin = await createMemberUser("ADMIN");
    const form = actorForm({ kind: "", offer: "", lat: "48,85", lon: "2,35" });
    const refused = asFailure(await create(admin.cookie, form));
    expect(refused.init?.status).toBe(400);
    expect(Object.keys(refused.data.fieldErrors).sort()).toEqual(["kind", "lat", "offer"]);
    expect(refused.data.fieldErrors.lat).toMatch(/hors du territoire/);
    expect(await db().essActor.count({ where: { name: form.name } })).toBe(0);
  });

  it("never shows an unpublished actor, and unpublishing takes a published one out of the directory at once", async () => {
    const admin = await createMemberUser("ADMIN");
    const hidden = actorForm({ name: `Atelier vélo solidaire ${unique()}`, kind: "INSERTION_WORKSHOP", published: "" });
    await thrownResponseOrValue(create(admin.cookie, hidden));
    const stored = await db().essActor.findFirstOrThrow({ where: { name: hidden.name } });
    expect(stored.published).toBe(false);
    expect((await listDirectoryEssActors({ q: hidden.name })).length).toBe(0);

    await listAction({ request: post("/admin/acteurs", { actorId: stored.id, intent: "publish" }, admin.cookie), params: {}, context: {} });
    expect((await listDirectoryEssActors({ q: hidden.name })).map((actor) => actor.id)).toEqual([stored.id]);
    // Published, the admin's list links its public page.
    const listed = (await listLoader({ request: get("/admin/acteurs", admin.cookie), params: {}, context: {} })) as { actors: Array<{ id: string; publicHref: string | null }> };
    expect(listed.actors.find((actor) => actor.id === stored.id)?.publicHref).toBe(`/acteurs/${stored.slug}`);

    const done = (await listAction({ request: post("/admin/acteurs", { actorId: stored.id, intent: "unpublish" }, admin.cookie), params: {}, context: {} })) as { ok: boolean; message: string };
    expect(done.message).toBe(`« ${hidden.name} » n'est plus public.`);
    expect((await listDirectoryEssActors({ q: hidden.name })).length).toBe(0);
    // The admin still sees it, marked as not published.
    const list = (await listLoader({ request: get("/admin/acteurs", admin.cookie), params: {}, context: {} })) as { actors: Array<{ id: string; published: boolean }> };
    expect(list.actors.find((actor) => actor.id === stored.id)?.published).toBe(false);
    expect((list.actors.find((actor) => actor.id === stored.id) as { publicHref?: string | null } | undefined)?.publicHref).toBeNull();
  });

  it("edits an actor; a refused edit leaves it exactly as it was", async () => {
    const admin = await createMemberUser("ADMIN");
    const form = actorForm({ name: `Pôle création Dieppe ${unique()}`, kind: "BUSINESS_CREATION_HUB" });
    await thrownResponseOrValue(create(admin.cookie, form));
    const stored = await db().essActor.findFirstOrThrow({ where: { name: form.name } });
    const request = (fields: Record<string, string>) => editAction({ request: post(`/admin/acteurs/${stored.id}`, fields, admin.cookie), params: { id: stored.id }, context: {} });

    const refused = asFailure(await request({ ...form, lat: "60", lon: "1.1" }));
    expect(refused.init?.status).toBe(400);
    expect(await db().essActor.findUniqueOrThrow({ where: { id: stored.id } })).toEqual(stored);

    const saved = await thrownResponseOrValue(request({ ...form, lat: "49,93", lon: "1,09", offer: "Accompagnement des porteurs de projets, couveuse." }));
    expect(saved.status).toBe(302);
    const after = await db().essActor.findUniqueOrThrow({ where: { id: stored.id } });
    expect(after).toMatchObject({ lat: 49.93, lon: 1.09, offer: "Accompagnement des porteurs de projets, couveuse.", slug: stored.slug });
    expect(after.searchKey).toContain("couveuse");
    const page = (await editLoader({ request: get(`/admin/acteurs/${stored.id}`, admin.cookie), params: { id: stored.id }, context: {} })) as { values: { lat: string } };
    expect(page.values.lat).toBe("49.93");
  });

  it("is the territory's alone: a producer gets 403 and changes nothing", async () => {
    const admin = await createMemberUser("ADMIN");
    const producer = await createProducerUser();
    const form = actorForm();
    await thrownResponseOrValue(create(admin.cookie, form));
    const stored = await db().essActor.findFirstOrThrow({ where: { name: form.name } });
    const intruder = actorForm();
    expect(await statusOf(() => listLoader({ request: get("/admin/acteurs", producer.cookie), params: {}, context: {} }))).toBe(403);
    expect(await statusOf(() => create(producer.cookie, intruder))).toBe(403);
    expect(await statusOf(() => listAction({ request: post("/admin/acteurs", { actorId: stored.id, intent: "unpublish" }, producer.cookie), params: {}, context: {} }))).toBe(403);
    expect(await statusOf(() => editAction({ request: post(`/admin/acteurs/${stored.id}`, { ...form, name: "Volé" }, producer.cookie), params: { id: stored.id }, context: {} }))).toBe(403);
    expect(await db().essActor.count({ where: { name: intruder.name } })).toBe(0);
    expect(await db().essActor.findUniqueOrThrow({ where: { id: stored.id } })).toEqual(stored);
  });
});

/** A redirect is thrown or returned by an action: either way, the Response. */
async function thrownResponseOrValue(call: Promise<unknown>): Promise<Response> {
  try {
    const value = await call;
    if (value instanceof Response) return value;
    throw new Error(`réponse inattendue : ${JSON.stringify(value)}`);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
