import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { parseCsv } from "~/domain/catalog/import/csv";
import { listOpenDataActors } from "~/domain/ess/open-data.server";
import { loader as csvLoader } from "~/routes/annuaire_.donnees[.]csv";
import { loader as jsonLoader } from "~/routes/annuaire_.donnees[.]json";
import { createProducer, ensureCategory, ensureCommune } from "../factories";
import { referenceCommune } from "../factories-directory";

/**
 * The directory as open data (issue 12, decision 031): every public actor — verified producers and
 * AMAPs, charities that chose to appear, pickup points, published ESS actors — and nothing else,
 * with the labels valid right now, under the Licence Ouverte 2.0; one statement whatever their number.
 */

const DAY = 24 * 3600_000;
const tag = () => randomUUID().slice(0, 6);

async function labelledProduct(producerId: string, number: string, validUntil: Date, status: "GRANTED" | "SUSPENDED" = "GRANTED") {
  const categoryId = await ensureCategory();
  const productId = randomUUID();
  await db().product.create({ data: { id: productId, producerId, categoryId, kind: "PRODUCT", name: `Cidre ${tag()}`, unit: "PIECE", priceCents: 500, vatRateBp: 550, allergens: [] } });
  await db().label.create({
    data: { id: randomUUID(), productId, status, productClass: "FARM", submittedAt: new Date(validUntil.getTime() - 400 * DAY), number, grantedAt: new Date(validUntil.getTime() - 365 * DAY), validFrom: new Date(validUntil.getTime() - 365 * DAY), validUntil },
  });
}

async function world() {
  const communeInsee = await ensureCommune();
  const farm = await createProducer({ name: `Cidrerie du Val ${tag()}` });
  const unverified = await createProducer({ name: `Pas encore vérifiée ${tag()}`, verified: false });
  const year = 2900 + Math.floor(Math.random() * 99);
  const sequence = String(Math.floor(Math.random() * 9000) + 1000);
  const valid = `DM-${year}-${sequence}`;
  const expired = `DM-${year - 1}-${sequence}`;
  const suspended = `DM-${year - 2}-${sequence}`;
  await labelledProduct(farm.id, valid, new Date(Date.now() + 30 * DAY));
  await labelledProduct(farm.id, expired, new Date(Date.now() - DAY));
  await labelledProduct(farm.id, suspended, new Date(Date.now() + 30 * DAY), "SUSPENDED");
  const charity = async (inDirectory: boolean) => {
    const id = randomUUID();
    await db().organisation.create({ data: { id, kind: "CHARITY", name: `Épicerie solidaire ${tag()}`, slug: `asso-${id}`, communeInsee, verifiedAt: new Date("2026-01-01T00:00:00Z") } });
    await db().charitySettings.create({ data: { organisationId: id, inDirectory } });
    return id;
  };
  const shownCharity = await charity(true);
  const hiddenCharity = await charity(false);
  const point = randomUUID();
  await db().pickupPoint.create({ data: { id: point, name: `Halle du Pollet ${tag()}`, kind: "SHOP", communeInsee, address: "Quai", lat: 49.93, lon: 1.08 } });
  const actor = async (name: string, published: boolean) => {
    const id = randomUUID();
    await db().essActor.create({ data: { id, slug: `a-${id}`, name, kind: "CIGALES", communeInsee, lat: 49.91, lon: 1.06, published } });
    return id;
  };
  const formula = await actor(`=HYPERLINK("http://evil.example";"Cigales ${tag()}")`, true);
  const unpublished = await actor(`Cigales cachées ${tag()}`, false);
  return { farm, unverified, valid, expired, suspended, shownCharity, hiddenCharity, point, formula, unpublished };
}

describe("the directory's open data", () => {
  it("as JSON: the public actors with their kind, commune, position, categories and valid labels, under the Licence Ouverte 2.0", async () => {
    const w = await world();
    const response = await jsonLoader();
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("link")).toBe('<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel="license"');
    const body = (await response.json()) as { licence: { id: string; name: string; url: string }; count: number; actors: Array<Record<string, unknown> & { id: string }> };
    expect(body.licence).toEqual({ name: "Licence Ouverte / Open Licence 2.0", id: "etalab-2.0", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" });
    expect(body.count).toBe(body.actors.length);
    const byId = new Map(body.actors.map((actor) => [actor.id, actor]));
    expect(byId.get(w.farm.id)).toMatchObject({
      type: "producer",
      name: w.farm.name,
      kind: "MARKET_GARDENER",
      commune: { inseeCode: "76217", name: "Dieppe" },
      position: { lat: referenceCommune("dieppe").lat, lon: referenceCommune("dieppe").lon },
      categories: ["Légumes"],
      organic: false,
      // Only the label valid now: not the expired one, nor the suspended one.
      labels: [w.valid],
    });
    expect(String(byId.get(w.farm.id)?.url)).toMatch(/\/producteurs\/ferme-/);
    expect(byId.get(w.shownCharity)).toMatchObject({ type: "charity" });
    expect(byId.get(w.point)).toMatchObject({ type: "pickupPoint", kind: "SHOP", position: { lat: 49.93, lon: 1.08 } });
    expect(byId.get(w.formula)).toMatchObject({ type: "essActor", kind: "CIGALES", url: expect.stringMatching(/\/acteurs\//) });
    for (const hidden of [w.unverified.id, w.hiddenCharity, w.unpublished]) expect(byId.has(hidden), hidden).toBe(false);
  });

  it("as CSV: one header line and no comment line, comma and dot decimals, a formula-like name defused, the licence in the Link header", async () => {
    const w = await world();
    const response = await csvLoader();
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("link")).toContain('rel="license"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // UTF-8 with its byte-order mark, so that a spreadsheet reads the accents right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFtype,id,nom,categorie_acteur,code_insee,commune,latitude,longitude,categories_produits,bio,labels_produit_local,page\r\n")).toBe(true);
    expect(text).not.toMatch(/^#/m);
    // The cell a spreadsheet would run starts with a quote mark, in the file itself.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"";""Cigales`);
    const table = parseCsv(text.replace(/^\uFEFF/, ""));
    if (!table.ok) throw new Error(JSON.stringify(table.problem));
    expect(table.value.separator).toBe(",");
    const rows = new Map(table.value.records.map((record) => [record.cells[1], record.cells]));
    expect(rows.get(w.farm.id)?.slice(0, 11)).toEqual(["producer", w.farm.id, w.farm.name, "MARKET_GARDENER", "76217", "Dieppe", String(referenceCommune("dieppe").lat), String(referenceCommune("dieppe").lon), "Légumes", "false", w.valid]);
    expect(rows.get(w.point)?.[0]).toBe("pickupPoint");
    for (const hidden of [w.unverified.id, w.hiddenCharity, w.unpublished]) expect(rows.has(hidden), hidden).toBe(false);
  });

  it("costs one statement whatever the number of actors", async () => {
    await world();
    const measure = async () => {
      const before = statementsIssued();
      await listOpenDataActors(new Date());
      return statementsIssued() - before;
    };
    const few = await measure();
    const communeInsee = await ensureCommune();
    await db().essActor.createMany({
      data: Array.from({ length: 80 }, (_, index) => ({ id: randomUUID(), slug: `lot-${randomUUID()}`, name: `Jardin ${index}`, kind: "COMMUNITY_GARDEN" as const, communeInsee, lat: 49.9, lon: 1.1, published: true })),
    });
    await world();
    expect(await measure()).toBe(few);
    expect(few).toBe(1);
  });
});
