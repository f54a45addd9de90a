import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import * as preparationPage from "~/routes/producteur.preparation.$distributionId";
import { createDistribution, createOffer, createProducer, createProducerUser, createUser, ensureCategory } from "../factories";
import { expectWellFormed, renderPage, type PageRoute } from "../render-page";
import { post } from "../route-requests";

/**
 * The printed pickup sheet (issue 10): the pickup view rendered with its real loader carries a
 * table meant for paper — producer, date and pickup point above it, one row per order with what
 * to hand over and the amount, a tick box and a room to sign — while the quay's cards, forms and
 * buttons stay on screen only.
 */

const pages: PageRoute[] = [{ path: "producteur/preparation/:distributionId", loader: preparationPage.loader, action: preparationPage.action, Component: preparationPage.default }];

/** The fisher's distribution past its cutoff: Jeanne buys leeks and scallops (weighed, paid before a lighter weighing), Émile leeks. */
async function quay() {
  const distribution = await createDistribution({ startsAt: new Date("2027-03-12T16:00:00Z") });
  const producer = await createProducer({ name: `Pêcherie du Pollet ${randomUUID().slice(0, 4)}` });
  const fisher = await createProducerUser({ producerId: producer.id });
  const leeks = await createOffer({ distributionId: distribution.id, producerId: producer.id, priceCents: 250, stock: 50, name: "Poireaux" });
  const categoryId = await ensureCategory();
  const productId = randomUUID();
  await db().product.create({ data: { id: productId, producerId: producer.id, categoryId, name: "Bar de ligne", unit: "KG", priceCents: 3000, vatRateBp: 550, variableWeight: true } });
  const bassId = randomUUID();
  await db().offer.create({ data: { id: bassId, distributionId: distribution.id, productId, priceCents: 3000, stock: 20 } });
  const jeanne = await createUser({ name: `Jeanne ${randomUUID().slice(0, 6)}` });
  const emile = await createUser({ name: `Émile ${randomUUID().slice(0, 6)}` });
  const order = (customer: typeof jeanne, lines: Array<{ offerId: string; quantity: number }>) =>
    placeOrder({ distributionId: distribution.id, lines, paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
  const jeanneOrder = await order(jeanne, [{ offerId: leeks.id, quantity: 2 }, { offerId: bassId, quantity: 1 }]);
  const emileOrder = await order(emile, [{ offerId: leeks.id, quantity: 3 }]);
  await db().distribution.update({ where: { id: distribution.id }, data: { cutoffAt: new Date(Date.now() - 60_000) } });
  const point = await db().pickupPoint.findFirstOrThrow({ where: { distributions: { some: { id: distribution.id } } } });
  return { distribution, producer, fisher, point, jeanne, emile, jeanneOrder, emileOrder, bassId };
}

async function act(distributionId: string, cookie: string, fields: Record<string, string>) {
  await preparationPage.action({ request: post(`/producteur/preparation/${distributionId}`, fields, cookie), params: { distributionId }, context: {} });
}

/** The print-only table, its header cells and its body rows as text. */
function sheetOf(html: string) {
  const table = html.match(/<table\b[^>]*data-testid="pickup-sheet"[^>]*>[\s\S]*?<\/table>/)?.[0] ?? "";
  const text = (cell: string) => cell.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  const head = [...(table.match(/<thead>[\s\S]*?<\/thead>/)?.[0] ?? "").matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((match) => text(match[1] ?? ""));
  const rows = [...(table.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0] ?? "").matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => text(cell[1] ?? "")),
  );
  return { table, head, rows };
}

test("the pickup view prints a table: producer, date and pickup point above, one row per order with what to hand over, the amount, a tick box and a signature column", async () => {
  const q = await quay();
  const bassLine = await db().orderLine.findFirstOrThrow({ where: { orderId: q.jeanneOrder.id, offerId: q.bassId }, select: { id: true } });
  // Jeanne pays her estimate (5,00 € of leeks + 30,00 € of bass at most), then the bass weighs 800 g: 6,00 € to give back.
  await act(q.distribution.id, q.fisher.cookie, { intent: "payment", orderId: q.jeanneOrder.id, paymentId: randomUUID(), amount: "35,00", method: "CASH" });
  await act(q.distribution.id, q.fisher.cookie, { intent: "weigh", lineId: bassLine.id, weight: "0,8", owedBackCents: "600" });

  const { html, status } = await renderPage(pages, "fr", q.fisher.cookie, `/producteur/preparation/${q.distribution.id}?vue=retrait`);
  expect(status).toBe(200);
  expectWellFormed(html, /pickupSheet\./);

  const { table, head, rows } = sheetOf(html);
  // On paper only; the quay's cards and their forms stay on screen only.
  expect(table).toMatch(/class="[^"]*\bhidden\b[^"]*\bprint:table\b/);
  expect(html).toMatch(/class="[^"]*print:hidden[^"]*"[^>]*>[\s\S]*name="intent" value="handover"/);
  expect(head).toEqual(["N°", "Client", "Créneau", "À remettre", "Montant", "Remis", "Signature"]);

  const printed = html.match(/data-testid="pickup-sheet-header"[^>]*>([\s\S]*?)<\/div>/)?.[1]?.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ") ?? "";
  expect(printed).toContain(q.producer.name);
  expect(printed).toContain("vendredi 12 mars 2027");
  expect(printed).toContain("17:00");
  expect(printed).toContain(q.point.name);
  expect(printed).toContain(`${q.point.address}, Dieppe`);
  // On paper the header row comes back on each page and no order is cut across two.
  expect(html).toContain(".pickup-sheet thead { display: table-header-group; }");
  expect(html).toContain(".pickup-sheet tr { break-inside: avoid;");

  expect(rows).toHaveLength(2);
  const byCustomer = new Map(rows.map((row) => [row[1], row]));
  const emile = byCustomer.get(q.emile.name);
  const jeanne = byCustomer.get(q.jeanne.name);
  expect(emile?.[0]).toBe(String(q.emileOrder.number));
  expect(emile?.[3]).toBe("3 × botte Poireaux");
  expect(emile?.[4]).toBe("7,50 €");
  expect(jeanne?.[3]).toContain("2 × botte Poireaux");
  expect(jeanne?.[3]).toContain("Bar de ligne — pesé 800 g : 24,00 €");
  expect(jeanne?.[4]).toContain("29,00 €");
  expect(jeanne?.[4]).toContain("déjà payé 35,00 €");
  expect(jeanne?.[4]).toContain("à rendre 6,00 €");
  // An empty box to tick and an empty cell to sign, on every row.
  for (const row of [emile, jeanne]) expect(row?.slice(5)).toEqual(["", ""]);
  expect(table.match(/data-testid="tick-box"/g)).toHaveLength(2);
  expect(table.match(/data-testid="signature"/g)).toHaveLength(2);
});

test("the sheet's screen button says what it prints, and the other views keep the plain print button", async () => {
  const q = await quay();
  const pickup = await renderPage(pages, "fr", q.fisher.cookie, `/producteur/preparation/${q.distribution.id}?vue=retrait`);
  expect(pickup.html).toContain("Imprimer la feuille de retrait");
  const picking = await renderPage(pages, "fr", q.fisher.cookie, `/producteur/preparation/${q.distribution.id}?vue=cueillette`);
  expect(picking.html).not.toContain("Imprimer la feuille de retrait");
  expect(picking.html).not.toContain('data-testid="pickup-sheet"');
  const en = await renderPage(pages, "en", q.fisher.cookie, `/producteur/preparation/${q.distribution.id}?vue=retrait`);
  expect(sheetOf(en.html).head).toEqual(["No.", "Customer", "Slot", "To hand over", "Amount", "Handed over", "Signature"]);
  expect(en.html).toContain("Print the pickup sheet");
});
