import { expect, test } from "vitest";
import { db } from "~/db.server";
import { donationImpact, impactPeriod } from "~/domain/donations/donation-impact.server";
import DonationImpactPage, { loader as impactLoader } from "~/routes/admin.impact";
import { loader as impactCsvLoader } from "~/routes/admin.impact[.]csv";
import { createMemberUser } from "../factories";
import { createCharity, createClaim, createDonor, createLot, ensureDonationCategory } from "../factories-donations";
import { renderPage, type PageRoute } from "../render-page";
import { get, statusOf } from "../route-requests";

/**
 * The territory's impact figures on a small known data set, in 2021, 2023 and 2029 (years no
 * other test writes to): collected claims only, Paris months (a pickup at 00:30 on 1 February in Dieppe is in
 * February), kilograms apart from pieces and litres.
 */

const pages: PageRoute[] = [{ path: "admin/impact", loader: impactLoader, Component: DonationImpactPage }];

async function nameOf(id: string) {
  return (await db().organisation.findUniqueOrThrow({ where: { id }, select: { name: true } })).name;
}

/** The same small data set, in a year of its own for each test (tests of a file share the database). */
async function knownDataSet(year: number) {
  const y = (at: string) => at.replace(/^2021/, String(year)).replace(/^2020/, String(year - 1));
  const fish = await ensureDonationCategory("h2-poissons", "Poissons H2", "Fish H2", 90);
  const vegetables = await ensureDonationCategory("h2-legumes", "Légumes H2", "Vegetables H2", 90);
  const fisher = await createDonor();
  const farmer = await createDonor();
  const restos = await createCharity();
  const epicerie = await createCharity();
  const soles = await createLot({ donorId: fisher.producerId, createdById: fisher.user.id, categoryId: fish, quantityMilli: 40_000 });
  const leeks = await createLot({ donorId: farmer.producerId, createdById: farmer.user.id, categoryId: vegetables, quantityMilli: 40_000 });
  const bread = await createLot({ donorId: farmer.producerId, createdById: farmer.user.id, unit: "PIECE", quantityMilli: 50_000 });
  const milk = await createLot({ donorId: farmer.producerId, createdById: farmer.user.id, unit: "LITRE", quantityMilli: 20_000 });
  const collected = (lotId: string, charity: { id: string; user: { id: string } }, quantityMilli: number, at: string) =>
    createClaim({ lotId, charityId: charity.id, claimedById: charity.user.id, quantityMilli, status: "COLLECTED", at: new Date(y(at)) });
  await collected(soles.id, restos, 10_000, "2021-01-15T10:00:00Z");
  await collected(soles.id, restos, 2_500, "2021-01-20T10:00:00Z");
  // 1 February 00:30 in Dieppe (winter time): February, not January.
  await collected(soles.id, epicerie, 2_000, "2021-01-31T23:30:00Z");
  await collected(leeks.id, epicerie, 4_500, "2021-03-05T09:00:00Z");
  await collected(bread.id, restos, 12_000, "2021-03-06T09:00:00Z");
  await collected(milk.id, epicerie, 6_000, "2021-07-01T09:00:00Z");
  // Not counted: reserved, missed or cancelled claims, and a pickup at 23:30 on 31 December of the year before, in Dieppe.
  await createClaim({ lotId: soles.id, charityId: restos.id, claimedById: restos.user.id, quantityMilli: 5_000 });
  await createClaim({ lotId: soles.id, charityId: restos.id, claimedById: restos.user.id, quantityMilli: 5_000, status: "MISSED" });
  await createClaim({ lotId: leeks.id, charityId: restos.id, claimedById: restos.user.id, quantityMilli: 5_000, status: "CANCELLED" });
  await collected(leeks.id, restos, 9_000, "2020-12-31T22:30:00Z");
  return { fisher, farmer, restos, epicerie, names: { fisher: await nameOf(fisher.producerId), farmer: await nameOf(farmer.producerId), restos: await nameOf(restos.id), epicerie: await nameOf(epicerie.id) } };
}

test("impact of a year: kilos per month, category, charity and donor from collected claims only; pieces and litres apart", async () => {
  const data = await knownDataSet(2021);

  const impact = await donationImpact({ year: 2021, now: new Date() });

  expect(impact.period.months).toEqual(["2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06", "2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12"]);
  expect(impact.total).toEqual({ kg: 19, pieces: 12, litres: 6, claims: 6 });
  expect(impact.byMonth.map((line) => [line.key, line.kg, line.pieces, line.litres])).toEqual([
    ["2021-01", 12.5, 0, 0],
    ["2021-02", 2, 0, 0],
    ["2021-03", 4.5, 12, 0],
    ["2021-04", 0, 0, 0],
    ["2021-05", 0, 0, 0],
    ["2021-06", 0, 0, 0],
    ["2021-07", 0, 0, 6],
    ["2021-08", 0, 0, 0],
    ["2021-09", 0, 0, 0],
    ["2021-10", 0, 0, 0],
    ["2021-11", 0, 0, 0],
    ["2021-12", 0, 0, 0],
  ]);
  expect(impact.byCategory.map((line) => [line.label, line.kg, line.pieces, line.litres])).toEqual([
    ["Poissons H2", 14.5, 0, 0],
    ["Légumes H2", 4.5, 0, 0],
    [null, 0, 12, 6],
  ]);
  expect(impact.byCharity.map((line) => [line.label, line.kg, line.pieces, line.litres, line.claims])).toEqual([
    [data.names.restos, 12.5, 12, 0, 3],
    [data.names.epicerie, 6.5, 0, 6, 3],
  ]);
  expect(impact.byDonor.map((line) => [line.label, line.kg, line.pieces, line.litres])).toEqual([
    [data.names.fisher, 14.5, 0, 0],
    [data.names.farmer, 4.5, 12, 6],
  ]);
  // Restos' two January pickups of the fisher's soles make one row.
  expect(impact.rows).toHaveLength(5);
});

test("the last 12 months run from the first day of the Paris month eleven months back", () => {
  const period = impactPeriod(null, new Date("2026-11-26T09:00:00Z"));
  expect(period.months[0]).toBe("2025-12");
  expect(period.months[11]).toBe("2026-11");
  expect(period.from.toISOString()).toBe("2025-11-30T23:00:00.000Z");
  expect(period.to.toISOString()).toBe("2026-11-30T23:00:00.000Z");
  const december = impactPeriod(null, new Date("2026-12-31T23:30:00Z"));
  expect(december.months).toEqual(["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01"]);
});

test("the impact page: totals, four charts with their numbers written, a table for each, and the CSV link", async () => {
  const data = await knownDataSet(2023);
  const admin = await createMemberUser("ADMIN");

  const { html, status } = await renderPage(pages, "fr", admin.cookie, "/admin/impact?annee=2023");

  expect(status).toBe(200);
  expect(html.match(/<h1\b/g)).toHaveLength(1);
  expect(html).toContain("Impact des dons");
  expect(html).toMatch(/data-impact-total="kg">19</);
  expect(html).toMatch(/data-impact-total="pieces">12</);
  expect(html).toMatch(/data-impact-total="litres">6</);
  for (const title of ["Kilos donnés par mois", "Kilos donnés par catégorie", "Kilos reçus par association", "Kilos donnés par donateur"]) {
    expect(html).toContain(`<figcaption`);
    expect(html).toContain(title);
  }
  expect(html).toContain("janvier 2023");
  expect(html).toContain("12,5 kg");
  expect(html).toContain("Poissons H2");
  expect(html).toContain("Sans catégorie");
  expect(html).toContain(data.names.restos);
  expect(html).toContain(data.names.fisher);
  expect(html.match(/<table\b/g)).toHaveLength(4);
  expect(html).toContain('href="/admin/impact.csv?annee=2023"');
  expect(html).not.toMatch(/(?<!\/admin\/)impact\.[a-z]/);

  const en = await renderPage(pages, "en", admin.cookie, "/admin/impact?annee=2023");
  expect(en.html).toContain("Kilograms donated per month");
  expect(en.html).toContain("Fish H2");
  expect(en.html).toContain("January 2023");
});

test("the impact CSV: one line per month × category × charity × donor, kilos, pieces and litres apart", async () => {
  const data = await knownDataSet(2029);
  const admin = await createMemberUser("ADMIN");

  const response = await impactCsvLoader({ request: get("/admin/impact.csv?annee=2029", admin.cookie), params: {}, context: {} });

  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toContain("impact-dons-2029.csv");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split("\r\n");
  expect(lines[0]).toBe("Mois;Catégorie;Association;Donateur;Kilos;Pièces;Litres;Retraits");
  const mine = lines.filter((line) => line.includes(data.names.restos) || line.includes(data.names.epicerie));
  // Sorted by month, then charity and donor names (random here): compared as a set.
  expect(mine).toHaveLength(5);
  expect(mine).toEqual(expect.arrayContaining([
    `2029-01;Poissons H2;${data.names.restos};${data.names.fisher};12,5;0;0;2`,
    `2029-02;Poissons H2;${data.names.epicerie};${data.names.fisher};2;0;0;1`,
    `2029-03;Légumes H2;${data.names.epicerie};${data.names.farmer};4,5;0;0;1`,
    `2029-03;Sans catégorie;${data.names.restos};${data.names.farmer};0;12;0;1`,
    `2029-07;Sans catégorie;${data.names.epicerie};${data.names.farmer};0;0;6;1`,
  ]));
});

test("impact is for the territory admin: a charity or a producer gets 403, a visitor the login page, a bad year 400", async () => {
  const charity = await createCharity();
  const donor = await createDonor();
  const admin = await createMemberUser("ADMIN");

  for (const loader of [impactLoader, impactCsvLoader]) {
    expect(await statusOf(() => loader({ request: get("/admin/impact", charity.cookie), params: {}, context: {} }))).toBe(403);
    expect(await statusOf(() => loader({ request: get("/admin/impact", donor.cookie), params: {}, context: {} }))).toBe(403);
    try {
      await loader({ request: get("/admin/impact"), params: {}, context: {} });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Response);
      expect((error as Response).headers.get("location")).toMatch(/^\/connexion\?redirectTo=%2Fadmin%2Fimpact/);
    }
  }

  const bad = await renderPage(pages, "fr", admin.cookie, "/admin/impact?annee=deux-mille");
  expect(bad.status).toBe(400);
  expect(bad.html).toMatch(/role="alert"[^>]*>L&#x27;année doit être un nombre entier entre 2020 et 2100/);
  const badCsv = await impactCsvLoader({ request: get("/admin/impact.csv?annee=3000", admin.cookie), params: {}, context: {} });
  expect(badCsv.status).toBe(400);
  const english = await impactCsvLoader({ request: get("/admin/impact.csv?annee=3000", `${admin.cookie}; tm_lang=en`), params: {}, context: {} });
  expect(await english.text()).toContain("The year must be a whole number");

  const lastMonths = await renderPage(pages, "fr", admin.cookie, "/admin/impact");
  expect(lastMonths.status).toBe(200);
  expect(lastMonths.html).toContain("12 derniers mois");
});
