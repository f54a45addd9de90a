import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { recordHandover } from "~/domain/preparation/record-handover.server";
import MyOrders, { loader as myOrdersLoader } from "~/routes/commandes._index";
import OrderPage, { action as orderAction, loader as orderLoader } from "~/routes/commandes.$id";
import { loader as icsLoader } from "~/routes/commandes.$id[.]ics";
import { euros } from "~/ui/format";
import { createDistribution, createOffer, createProducerUser, createUser, signedInCookie } from "../factories";
import { expectWellFormed, renderPage, type PageRoute } from "../render-page";
import { get, thrownResponse } from "../route-requests";

/**
 * "My orders" on the real database: upcoming, past and cancelled orders each in their section
 * with what the producers recorded at the pickup; the order page's directions and calendar link;
 * the calendar file, for the order's customer only.
 */

const HOUR = 3600_000;
const APP_URL = "http://localhost";

const pages: PageRoute[] = [
  { path: "commandes", loader: myOrdersLoader, Component: MyOrders },
  { path: "commandes/:id", loader: orderLoader, action: orderAction, Component: OrderPage },
];

const UNTRANSLATED_KEY = /(myOrders|orders)\.[a-z]+\.?[a-zA-Z]/;

type Customer = Awaited<ReturnType<typeof createUser>>;
type Producer = Awaited<ReturnType<typeof createProducerUser>>;

/** A distribution `daysFromNow` away (negative: over), where each producer sells one thing; the customer orders from all of them. */
async function orderAt(customer: Customer, producers: Producer[], daysFromNow: number) {
  const startsAt = new Date(Date.now() + daysFromNow * 24 * HOUR);
  const distribution = await createDistribution({ startsAt, cutoffAt: new Date(startsAt.getTime() - 24 * HOUR), opensAt: new Date(startsAt.getTime() - 7 * 24 * HOUR) });
  const offers = [];
  for (const producer of producers) offers.push(await createOffer({ distributionId: distribution.id, producerId: producer.producerId, priceCents: 400 }));
  const order = await placeOrder({
    distributionId: distribution.id,
    lines: offers.map((offer) => ({ offerId: offer.id, quantity: 2 })),
    paymentMethod: "at_pickup",
    customer,
    now: new Date(distribution.cutoffAt.getTime() - HOUR),
    appUrl: APP_URL,
  });
  return { order, distribution };
}

async function handOver(placed: Awaited<ReturnType<typeof orderAt>>, producer: Producer, status: "COLLECTED" | "NOT_COLLECTED") {
  await recordHandover({ producerId: producer.producerId, orderId: placed.order.id, status, recordedById: producer.user.id, now: new Date(placed.distribution.startsAt.getTime() + 10 * 60_000) });
}

/** The page as a reader sees its text: React's entities decoded. */
function readable(html: string): string {
  return html.replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}

/** The text of one section of the page (between its heading and the next section). */
function section(html: string, name: "upcoming" | "past" | "cancelled"): string {
  const match = readable(html).match(new RegExp(`<section[^>]*data-testid="orders-${name}"[^>]*>([\\s\\S]*?)</section>`));
  return match?.[1] ?? "";
}

function orderNumbersIn(text: string): number[] {
  return [...text.matchAll(/Commande n° (\d+)/g)].map((match) => Number(match[1]));
}

test("my orders: upcoming soonest first, then past newest first with what was collected, then cancelled with nothing to pay", async () => {
  const customer = await createUser();
  const a = await createProducerUser();
  const b = await createProducerUser();
  const later = await orderAt(customer, [a], 10);
  const soon = await orderAt(customer, [a], 3);
  const collected = await orderAt(customer, [a, b], -2);
  await handOver(collected, a, "COLLECTED");
  await handOver(collected, b, "COLLECTED");
  const partly = await orderAt(customer, [a, b], -4);
  await handOver(partly, a, "COLLECTED");
  await handOver(partly, b, "NOT_COLLECTED");
  const missed = await orderAt(customer, [a], -6);
  await handOver(missed, a, "NOT_COLLECTED");
  const unrecorded = await orderAt(customer, [a], -8);
  const cancelled = await orderAt(customer, [a], 5);
  await cancelOrder({ orderId: cancelled.order.id, customer, now: new Date() });

  const { html, status } = await renderPage(pages, "fr", await signedInCookie(customer.id), "/commandes");
  expect(status).toBe(200);
  expectWellFormed(html, UNTRANSLATED_KEY);
  // The sections, in this order, each with its heading.
  expect(html.indexOf(">À venir</h2>")).toBeGreaterThan(0);
  expect(html.indexOf(">À venir</h2>")).toBeLessThan(html.indexOf(">Passées</h2>"));
  expect(html.indexOf(">Passées</h2>")).toBeLessThan(html.indexOf(">Annulées</h2>"));

  const upcoming = section(html, "upcoming");
  expect(orderNumbersIn(upcoming)).toEqual([soon.order.number, later.order.number]);
  expect(upcoming).toMatch(/Confirmée — retrait le [A-Z][a-zé]+ \d+ [a-zéû]+, \d\d:\d\d–\d\d:\d\d/);

  const past = section(html, "past");
  expect(orderNumbersIn(past)).toEqual([collected.order.number, partly.order.number, missed.order.number, unrecorded.order.number]);
  const statuses = [...past.matchAll(/data-testid="order-status">([^<]*)</g)].map((match) => match[1]);
  expect(statuses).toEqual([
    "Retirée",
    "Retirée en partie : 1 producteur(s) sur 2 ont remis leur part",
    "Non retirée",
    "En attente de remise : le retrait n'est pas encore enregistré",
  ]);

  const cancelledSection = section(html, "cancelled");
  expect(orderNumbersIn(cancelledSection)).toEqual([cancelled.order.number]);
  expect(cancelledSection).toContain("Annulée — rien à payer");
  expect(cancelledSection).not.toContain("€");

  const en = await renderPage(pages, "en", await signedInCookie(customer.id), "/commandes");
  expectWellFormed(en.html, UNTRANSLATED_KEY);
  expect(en.html).toContain(">Upcoming</h2>");
  expect(en.html).toContain("Cancelled — nothing to pay");
  expect(en.html).toContain("Partly collected: 1 of 2 producers handed over their part");
});

test("a customer without orders is told so, with no empty section", async () => {
  const customer = await createUser();
  const { html } = await renderPage(pages, "fr", await signedInCookie(customer.id), "/commandes");
  expect(readable(html)).toContain("Vous n'avez pas encore de commande.");
  expect(html).not.toContain("<section");
});

/** Session, orders, and each relation read once for all the orders (distribution, point, commune, slot, lines, payments, hand-overs, card payment, refunds). */
const MY_ORDERS_BUDGET = 11;

test("my orders costs the same few statements for 2 orders and for 12", async () => {
  const customer = await createUser();
  const a = await createProducerUser();
  const b = await createProducerUser();
  const cookie = await signedInCookie(customer.id);
  async function cost() {
    const before = statementsIssued();
    await myOrdersLoader({ request: get("/commandes", cookie), params: {}, context: {} });
    return statementsIssued() - before;
  }
  const first = await orderAt(customer, [a, b], -3);
  await handOver(first, a, "COLLECTED");
  await orderAt(customer, [a], 4);
  const few = await cost();
  for (let index = 0; index < 10; index += 1) {
    const placed = await orderAt(customer, [a, b], index % 2 === 0 ? -5 - index : 5 + index);
    if (index % 2 === 0) await handOver(placed, b, "NOT_COLLECTED");
  }
  const many = await cost();
  expect(few).toBeGreaterThan(0);
  expect(few).toBeLessThanOrEqual(MY_ORDERS_BUDGET);
  expect(many).toBe(few);
});

test("the order page gives the address, OpenStreetMap directions, a geo: link for phones and the calendar file", async () => {
  const customer = await createUser();
  const a = await createProducerUser();
  const placed = await orderAt(customer, [a], 3);
  await db().pickupPoint.update({ where: { id: placed.distribution.pickupPointId }, data: { lat: 49.9262, lon: 1.0803, address: "12 quai Henri IV" } });
  const { html, status } = await renderPage(pages, "fr", await signedInCookie(customer.id), `/commandes/${placed.order.id}`);
  expect(status).toBe(200);
  expectWellFormed(html, UNTRANSLATED_KEY);
  const directions = html.match(/<section[^>]*data-testid="order-directions"[^>]*>([\s\S]*?)<\/section>/)?.[1] ?? "";
  expect(directions).toContain("12 quai Henri IV, Dieppe");
  expect(directions).toContain('href="https://www.openstreetmap.org/directions?to=49.9262%2C1.0803"');
  expect(directions).toContain('href="geo:49.9262,1.0803"');
  expect(directions).toContain(`href="/commandes/${placed.order.id}.ics"`);
  expect(directions).toContain("Ajouter à mon agenda");

  // Once the distribution is over, nothing to reach nor to put in a calendar.
  const past = await orderAt(customer, [a], -2);
  const over = await renderPage(pages, "fr", await signedInCookie(customer.id), `/commandes/${past.order.id}`);
  expect(over.status).toBe(200);
  expect(over.html).not.toContain("Ajouter à mon agenda");
  expect(over.html).not.toContain("openstreetmap.org");
});

/** What a calendar application reads: lines unfolded, each NAME → value with TEXT escapes undone. */
function readIcs(text: string): { physical: string[]; fields: Map<string, string> } {
  const physical = text.split("\r\n");
  const fields = new Map<string, string>();
  for (const line of text.replace(/\r\n[ \t]/g, "").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    // The property's name, without its parameters (URL;VALUE=URI → URL).
    const name = line.slice(0, colon).split(";")[0]!;
    const value = line.slice(colon + 1).replace(/\\([\\;,nN])/g, (_, character: string) => (character.toLowerCase() === "n" ? "\n" : character));
    if (!fields.has(name)) fields.set(name, value);
  }
  return { physical, fields };
}

test("the calendar file: the slot in UTC, the pickup point's name with its comma, the lines and the amount, folded lines, a stable UID", async () => {
  const customer = await createUser();
  const a = await createProducerUser();
  const placed = await orderAt(customer, [a], 3);
  await db().pickupPoint.update({ where: { id: placed.distribution.pickupPointId }, data: { name: "Quai Henri IV, côté marée", lat: 49.9262, lon: 1.0803 } });
  const longName = "Filets de maquereau de ligne pêchés au large de Dieppe, fumés au bois de hêtre";
  await db().orderLine.updateMany({ where: { orderId: placed.order.id }, data: { productName: longName } });
  const cookie = await signedInCookie(customer.id);

  const response = await icsLoader({ request: get(`/commandes/${placed.order.id}.ics`, cookie), params: { id: placed.order.id }, context: {} });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="terre-et-mer-commande-${placed.order.number}.ics"`);
  const text = await response.text();
  const { physical, fields } = readIcs(text);

  const slot = await db().pickupSlot.findUniqueOrThrow({ where: { id: placed.order.slot.id }, select: { startsAt: true, endsAt: true } });
  const utc = (instant: Date) => instant.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  expect(fields.get("DTSTART")).toBe(utc(slot.startsAt));
  expect(fields.get("DTEND")).toBe(utc(slot.endsAt));
  expect(fields.get("DTSTART")).toMatch(/^\d{8}T\d{6}Z$/);
  expect(fields.get("DTSTAMP")).toMatch(/^\d{8}T\d{6}Z$/);
  expect(text).not.toContain("VTIMEZONE");
  expect(fields.get("UID")).toBe(`order-${placed.order.id}@terre-et-mer`);
  expect(fields.get("SUMMARY")).toBe("Retrait Terre & Mer — Quai Henri IV, côté marée");
  // The comma is escaped in the file itself, so no reader takes it for a list separator.
  expect(text.replace(/\r\n[ \t]/g, "")).toContain("SUMMARY:Retrait Terre & Mer — Quai Henri IV\\, côté marée");
  expect(fields.get("LOCATION")).toBe("Quai Henri IV, côté marée, Quai Henri IV, Dieppe");
  expect(fields.get("GEO")).toBe("49.9262;1.0803");
  expect(fields.get("URL")).toMatch(new RegExp(`^https?://[^/]+/commandes/${placed.order.id}$`));
  expect(fields.get("DESCRIPTION")).toBe(`Commande n° ${placed.order.number}\n2 × ${longName}\nÀ régler au retrait : ${euros(800, "fr")}`);
  expect(fields.get("STATUS")).toBe("CONFIRMED");
  // Folded at 75 octets: the long description spans several physical lines, none longer.
  expect(physical.length).toBeGreaterThan(fields.size + 1);
  for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
});

test("another customer gets 404 for the calendar file; an anonymous visitor goes to the login page", async () => {
  const customer = await createUser();
  const a = await createProducerUser();
  const placed = await orderAt(customer, [a], 3);
  const stranger = await createUser();
  const path = `/commandes/${placed.order.id}.ics`;

  const refused = await thrownResponse(icsLoader({ request: get(path, await signedInCookie(stranger.id)), params: { id: placed.order.id }, context: {} }));
  expect(refused.status).toBe(404);
  expect(await refused.text()).not.toContain("BEGIN:VCALENDAR");

  const anonymous = await thrownResponse(icsLoader({ request: get(path), params: { id: placed.order.id }, context: {} }));
  expect(anonymous.status).toBe(302);
  expect(anonymous.headers.get("location")).toBe(`/connexion?redirectTo=${encodeURIComponent(path)}`);
});
