import { expect, test } from "vitest";
import { db } from "~/db.server";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { refundLine } from "~/domain/payments/refund-line.server";
import { loader as creditNoteLoader } from "~/routes/commandes.$id_.avoir.$number";
import { loader as creditNotePdfLoader } from "~/routes/commandes.$id_.avoir.$number_.pdf";
import { createDistribution, createMemberUser, createOffer, createProducerUser, createUser, signedInCookie } from "../factories";
import { createCardPaidOrder } from "../factories-payments";

/*
 * The credit note of each refund (issue 11, decision 027): « Avoir n° A-<number> » with the order,
 * the refunded amount and its VAT per rate, page and PDF; its customer, its producer and an admin
 * read it, anyone else gets a 404.
 */

function spaced(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

async function openPage(orderId: string, number: string, cookie: string) {
  const request = new Request(`http://localhost/commandes/${orderId}/avoir/${number}`, { headers: { cookie } });
  try {
    return { status: 200, data: await creditNoteLoader({ request, params: { id: orderId, number }, context: {} }) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: null };
    if (thrown && typeof thrown === "object" && "init" in thrown) return { status: (thrown as { init: { status: number } }).init.status, data: null };
    throw thrown;
  }
}

async function basket() {
  const distribution = await createDistribution();
  const fisher = await createProducerUser({ name: "Marie Pêcheuse" });
  const grower = await createProducerUser({ name: "Jean Maraîcher" });
  const fish = await createOffer({ distributionId: distribution.id, producerId: fisher.producerId, priceCents: 1_200, vatRateBp: 550, name: "Maquereaux" });
  const cider = await createOffer({ distributionId: distribution.id, producerId: grower.producerId, priceCents: 450, vatRateBp: 2_000, name: "Cidre" });
  const customer = await createUser({ name: "Claire Martin" });
  const { order } = await createCardPaidOrder({ distributionId: distribution.id, customer, lines: [{ offerId: fish.id, quantity: 2 }, { offerId: cider.id, quantity: 1 }] });
  return { fisher, grower, customer, order };
}

test("card refunds: the credit note of a cancellation shows the refunded amount and its VAT per rate, page and PDF; another customer gets 404", async () => {
  const { customer, order } = await basket();
  await cancelOrder({ orderId: order.id, customer, now: new Date() });
  const refund = await db().refund.findFirstOrThrow({ where: { orderId: order.id }, select: { number: true } });

  const page = await openPage(order.id, String(refund.number), await signedInCookie(customer.id));
  expect(page.status).toBe(200);
  const view = page.data!.creditNote;
  expect(view.title).toBe(`Avoir n° A-${refund.number}`);
  const fields = Object.fromEntries(view.fields.map(([label, value]) => [label, spaced(value)]));
  expect(fields).toMatchObject({ "Commande n°": String(order.number), "Client": "Claire Martin", "Montant remboursé TTC": "28,50 €", "Motif": "Commande annulée" });
  // 24,00 € at 5,5 % and 4,50 € at 20 %: refunded in full, each rate's VAT on its own part.
  expect(view.vat.rows.map((row) => row.map(spaced))).toEqual([
    ["5,5 %", "22,75 €", "1,25 €", "24,00 €"],
    ["20 %", "3,75 €", "0,75 €", "4,50 €"],
  ]);
  expect(view.vat.total.map(spaced)).toEqual(["Montant remboursé TTC", "26,50 €", "2,00 €", "28,50 €"]);

  const pdf = await creditNotePdfLoader({ request: new Request(`http://localhost/commandes/${order.id}/avoir/${refund.number}/pdf`, { headers: { cookie: await signedInCookie(customer.id) } }), params: { id: order.id, number: String(refund.number) }, context: {} });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get("content-type")).toContain("application/pdf");
  expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

  const stranger = await createUser();
  expect((await openPage(order.id, String(refund.number), await signedInCookie(stranger.id))).status).toBe(404);
  const strangerPdf = await creditNotePdfLoader({ request: new Request(`http://localhost/commandes/${order.id}/avoir/${refund.number}/pdf`, { headers: { cookie: await signedInCookie(stranger.id) } }), params: { id: order.id, number: String(refund.number) }, context: {} });
  expect(strangerPdf.status).toBe(404);
  // A number of another order, read through this order's address: 404 too.
  expect((await openPage(order.id, String(refund.number + 100_000), await signedInCookie(customer.id))).status).toBe(404);
});

test("card refunds: a producer's refund of a line reads at that line's rate; its producer and an admin read it, the other producer of the order gets 404", async () => {
  const { fisher, grower, customer, order } = await basket();
  const line = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id, producerId: grower.producerId }, select: { id: true } });
  const refund = await refundLine({ orderLineId: line.id, amountCents: 450, kind: "damaged", note: "bouteille fêlée", actor: { id: grower.user.id, roles: ["PRODUCER"], memberships: [{ organisationId: grower.producerId, role: "PRODUCER" }] }, now: new Date() });

  const growerName = (await db().organisation.findUniqueOrThrow({ where: { id: grower.producerId }, select: { name: true } })).name;
  const byCustomer = await openPage(order.id, `A-${refund.number}`, await signedInCookie(customer.id));
  expect(byCustomer.data!.creditNote.vat.rows.map((row) => row.map(spaced))).toEqual([["20 %", "3,75 €", "0,75 €", "4,50 €"]]);
  expect(Object.fromEntries(byCustomer.data!.creditNote.fields)).toMatchObject({ "Motif": "Remboursement du producteur — Produit abîmé", "Précision": "bouteille fêlée", "Vendeur": growerName });
  expect((await openPage(order.id, String(refund.number), grower.cookie)).status).toBe(200);
  expect((await openPage(order.id, String(refund.number), (await createMemberUser("ADMIN")).cookie)).status).toBe(200);
  expect((await openPage(order.id, String(refund.number), fisher.cookie)).status).toBe(404);
});
