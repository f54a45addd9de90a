import { expect, test } from "vitest";
import { MAX_OPEN_ORDERS_PER_DISTRIBUTION } from "~/domain/ordering/customer-limits";
import Catalogue, { loader as catalogueLoader } from "~/routes/distributions.$id";
import { action as ordersAction } from "~/routes/api.v1.orders";
import { inTurn, refusalCounter, rushCustomerCount, shownOfferIds } from "../../scripts/bench-checks";
import { createDistribution, createOffer, createProducer, createUser, signedInCookie } from "../factories";
import { renderPage } from "../render-page";

/** What `npm run bench` (scripts/bench.ts) counts, checked on the real pages and the real API. */

async function postOrder(cookie: string, body: unknown): Promise<{ status: number; text: string }> {
  const request = new Request("http://localhost/api/v1/orders", { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
  const response = (await ordersAction({ request, params: {}, context: {} })) as Response;
  return { status: response.status, text: await response.text() };
}

test("the catalogue's 'N shown' counts each offer once, though its card links both its picture and its name", async () => {
  const distribution = await createDistribution();
  const producer = await createProducer();
  const offers = [];
  for (const index of [1, 2, 3]) offers.push(await createOffer({ distributionId: distribution.id, producerId: producer.id, name: `Merlan ${index}` }));
  const { html, status } = await renderPage([{ path: "distributions/:id", loader: catalogueLoader, Component: Catalogue }], "fr", "", `/distributions/${distribution.id}`);
  expect(status).toBe(200);
  expect(html.match(/href="\/offres\//g)?.length).toBe(6);
  expect([...shownOfferIds(html)].sort()).toEqual(offers.map((offer) => offer.id).sort());
});

test("a 409 for the limit of open orders per customer is told apart from a sold-out one", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 10 });
  const soldOut = await createOffer({ distributionId: distribution.id, stock: 0 });
  const cookie = await signedInCookie((await createUser()).id);
  const counter = refusalCounter();
  const order = (offerId: string) => ({ distributionId: distribution.id, lines: [{ offerId, quantity: 1 }], paymentMethod: "at_pickup" });
  for (let index = 0; index < MAX_OPEN_ORDERS_PER_DISTRIBUTION + 1; index += 1) {
    const answer = await postOrder(cookie, order(offer.id));
    counter.onResponse(answer.status, answer.text);
  }
  const other = await signedInCookie((await createUser()).id);
  const refused = await postOrder(other, order(soldOut.id));
  counter.onResponse(refused.status, refused.text);
  expect(Object.fromEntries(counter.counts)).toEqual({ "409 customer_limit": 1, "409 sold_out": 1 });
});

test("the rush's customers, taken in turn, each place every order they are given: none meets the limit of open orders", async () => {
  const distribution = await createDistribution();
  const producer = await createProducer();
  const offers = [];
  for (let index = 0; index < 5; index += 1) offers.push(await createOffer({ distributionId: distribution.id, producerId: producer.id, stock: 1000 }));
  const amount = 25;
  const connections = 2;
  const customers: string[] = [];
  for (let index = 0; index < rushCustomerCount(amount, connections); index += 1) customers.push(await signedInCookie((await createUser()).id));
  const next = inTurn(customers);
  const counter = refusalCounter();
  // autocannon may prepare one request per connection that it never sends: those take a turn too.
  for (let index = 0; index < connections; index += 1) next();
  for (let index = 0; index < amount; index += 1) {
    const answer = await postOrder(next(), { distributionId: distribution.id, lines: [{ offerId: offers[index % offers.length]!.id, quantity: 1 }], paymentMethod: "at_pickup" });
    counter.onResponse(answer.status, answer.text);
  }
  expect(Object.fromEntries(counter.counts)).toEqual({});
});
