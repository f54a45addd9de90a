import { expect, test } from "vitest";
import { statementsIssued } from "~/db.server";
import { loader } from "~/routes/distributions.$id";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { createDistribution, createOffer, createOffers, createUser, signedInCookie } from "../factories";

async function statementsForCataloguePage(distributionId: string, cookie?: string, search = "") {
  const request = new Request(`http://localhost/distributions/${distributionId}${search}`, { headers: cookie ? { cookie } : {} });
  const before = statementsIssued();
  const response = await loader({ request, params: { id: distributionId }, context: {} });
  const used = statementsIssued() - before;
  return { used, response };
}

function shown(response: unknown): { rows: number; total: number; hasNext: boolean } {
  // `data()` wraps the page's data; the loader's own shape is what the page renders.
  const page = (response as { data: { offers: unknown[]; pagination: { total: number; hasNext: boolean } } }).data;
  return { rows: page.offers.length, total: page.pagination.total, hasNext: page.pagination.hasNext };
}

test("the catalogue page costs the same few statements for 50 and for 1,000 offers", async () => {
  const small = await createDistribution();
  const large = await createDistribution();
  await createOffers(small.id, 50);
  await createOffers(large.id, 1000);
  const user = await createUser();
  const cookie = await signedInCookie(user.id);

  const forSmall = await statementsForCataloguePage(small.id, cookie);
  const forLarge = await statementsForCataloguePage(large.id, cookie);

  expect(shown(forSmall.response)).toEqual({ rows: 48, total: 50, hasNext: true });
  expect(shown(forLarge.response)).toEqual({ rows: 48, total: 1000, hasNext: true });
  expect(forLarge.used).toBe(forSmall.used);
  expect(forLarge.used).toBeLessThanOrEqual(6);
});

test("the last page shows what is left, and the count stays right", async () => {
  const distribution = await createDistribution();
  await createOffers(distribution.id, 100);
  const last = await statementsForCataloguePage(distribution.id, undefined, "?page=3");
  expect(shown(last.response)).toEqual({ rows: 4, total: 100, hasNext: false });
  const full = await statementsForCataloguePage(distribution.id, undefined, "?page=2");
  expect(shown(full.response)).toEqual({ rows: 48, total: 100, hasNext: true });
  const beyond = await statementsForCataloguePage(distribution.id, undefined, "?page=9");
  expect(shown(beyond.response)).toEqual({ rows: 0, total: 100, hasNext: false });
  const searched = await statementsForCataloguePage(distribution.id, undefined, "?q=produit%20000");
  expect(shown(searched.response)).toEqual({ rows: 48, total: 100, hasNext: true });
});

test("filters and search do not add statements, and an anonymous visitor costs fewer", async () => {
  const one = await createDistribution();
  const other = await createDistribution();
  await createOffers(one.id, 200);
  await createOffers(other.id, 200);
  const filtered = await statementsForCataloguePage(one.id, undefined, "?q=Produit%2000001&bio=1");
  const plain = await statementsForCataloguePage(other.id);
  expect(filtered.used).toBe(plain.used);
  expect(plain.used).toBeLessThanOrEqual(4);
});

test("visitors within the same second share one read of the offers, and an order shows at once", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 5 });
  const first = await statementsForCataloguePage(distribution.id);
  const second = await statementsForCataloguePage(distribution.id);
  // The distribution and its offers come from the shared copy: only the session (none here) and the cart are read.
  expect(second.used).toBe(first.used - 2);

  const customer = await createUser();
  await placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 2 }], paymentMethod: "at_pickup", customer, now: new Date(), appUrl: "http://localhost" });
  const after = await statementsForCataloguePage(distribution.id);
  const page = (after.response as { data: { offers: Array<{ id: string; remaining: number }> } }).data;
  expect(page.offers.find((row) => row.id === offer.id)?.remaining).toBe(3);
});
