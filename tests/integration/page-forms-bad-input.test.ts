import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { setCartQuantity } from "~/domain/ordering/cart.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { action as orderAction } from "~/routes/commandes.$id";
import { action as logInAction } from "~/routes/connexion";
import { action as forgotAction } from "~/routes/mot-de-passe-oublie";
import { action as cartAction } from "~/routes/panier.$distributionId";
import { action as resetAction } from "~/routes/reinitialiser.$token";
import { createDistribution, createOffer, createUser, signedInCookie, uniqueEmail } from "../factories";
import { asFailure, post } from "../route-requests";

/**
 * Every page form of the consumer's order, fed bad input: 400, a French message that names the
 * problem, and nothing changed. (Sign-up and the catalogue are covered in accounts.test.ts and the
 * browser suite; the API in api-orders.test.ts.)
 */

async function customerWithCart() {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 10 });
  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 2, now: new Date() });
  return { distribution, offer, user, cookie: await signedInCookie(user.id) };
}

const badQuantities = [
  { quantity: "-1", message: "La quantité doit être d'au moins 1." },
  { quantity: "100", message: "La quantité ne peut pas dépasser 99." },
  { quantity: "1000000000", message: "La quantité ne peut pas dépasser 99." },
  { quantity: "abc", message: "La quantité doit être un nombre entier." },
  { quantity: "2.5", message: "La quantité doit être un nombre entier." },
  { quantity: "", message: "La quantité doit être un nombre entier." },
];

test.each(badQuantities)("the cart refuses quantity $quantity and keeps what it had", async ({ quantity, message }) => {
  const { distribution, offer, cookie, user } = await customerWithCart();
  const result = asFailure(await cartAction({ request: post(`/panier/${distribution.id}`, { intent: "update", offerId: offer.id, quantity }, cookie), params: { distributionId: distribution.id }, context: {} }));
  expect(result.init?.status).toBe(400);
  expect(result.data.fieldErrors.quantity).toBe(message);
  expect(await db().cartItem.findMany({ where: { userId: user.id }, select: { quantity: true } })).toEqual([{ quantity: 2 }]);
});

test.each([
  { name: "an unknown offer", fields: { intent: "update", offerId: "offre-inconnue", quantity: "1" }, status: 400 },
  { name: "an id of 1,000 characters", fields: { intent: "update", offerId: "x".repeat(1000), quantity: "1" }, status: 400 },
  { name: "a checkout without slot", fields: { intent: "checkout", paymentMethod: "at_pickup", idempotencyKey: randomUUID() }, status: 400 },
  { name: "a checkout in an unknown slot", fields: { intent: "checkout", slotId: "creneau-inconnu", paymentMethod: "at_pickup", idempotencyKey: randomUUID() }, status: 400 },
  { name: "a checkout paid by an unknown method", fields: { intent: "checkout", slotId: "SLOT", paymentMethod: "card", idempotencyKey: randomUUID() }, status: 400 },
  { name: "a checkout without its key", fields: { intent: "checkout", slotId: "SLOT", paymentMethod: "at_pickup" }, status: 400 },
])("the cart refuses $name with a French message and places no order", async ({ fields, status }) => {
  const { distribution, cookie, user } = await customerWithCart();
  const body = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === "SLOT" ? distribution.slotIds[0] ?? "" : value]));
  const result = asFailure(await cartAction({ request: post(`/panier/${distribution.id}`, body, cookie), params: { distributionId: distribution.id }, context: {} }));
  expect(result.init?.status).toBe(status);
  expect(result.data.message).toMatch(/[a-zéèà]/);
  expect(result.data.message).not.toMatch(/invalid input/i);
  expect(await db().order.count({ where: { userId: user.id } })).toBe(0);
  expect(await db().cartItem.count({ where: { userId: user.id } })).toBe(1);
});

test.each([...badQuantities.map(({ quantity }) => ({ offerId: "", quantity })), { offerId: "offre-inconnue", quantity: "1" }])(
  "changing an order line to $quantity (offer $offerId) is refused and the order stays as it was",
  async ({ offerId, quantity }) => {
    const distribution = await createDistribution();
    const offer = await createOffer({ distributionId: distribution.id, stock: 10, priceCents: 300 });
    const user = await createUser();
    const order = await placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 2 }], paymentMethod: "at_pickup", customer: user, now: new Date(), appUrl: "http://localhost" });
    const cookie = await signedInCookie(user.id);
    const result = asFailure(
      await orderAction({ request: post(`/commandes/${order.id}`, { intent: "change", offerId: offerId || offer.id, quantity }, cookie), params: { id: order.id }, context: {} }),
    );
    expect(result.init?.status).toBe(400);
    expect(result.data.message).toMatch(/[a-zéèà]/);
    const after = await db().order.findUniqueOrThrow({ where: { id: order.id }, select: { totalCents: true, status: true, lines: { select: { quantity: true } } } });
    expect(after).toEqual({ totalCents: 600, status: "CONFIRMED", lines: [{ quantity: 2 }] });
    expect(await db().offer.findUniqueOrThrow({ where: { id: offer.id }, select: { ordered: true } })).toEqual({ ordered: 2 });
  },
);

test("another person's order cannot be changed or cancelled from the page: 404, nothing changed", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 10 });
  const owner = await createUser();
  const order = await placeOrder({ distributionId: distribution.id, lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup", customer: owner, now: new Date(), appUrl: "http://localhost" });
  const intruder = await createUser();
  const cookie = await signedInCookie(intruder.id);
  const cancel = asFailure(await orderAction({ request: post(`/commandes/${order.id}`, { intent: "cancel" }, cookie), params: { id: order.id }, context: {} }));
  expect(cancel.init?.status).toBe(404);
  expect(await db().order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({ status: "CONFIRMED" });
});

test.each([
  { fields: { email: "", password: "" }, field: "email", message: "Saisissez une adresse e-mail valide (exemple : nom@domaine.fr)." },
  { fields: { email: `${"a".repeat(300)}@example.test`, password: "x" }, field: "email", message: "L'adresse e-mail est trop longue (254 caractères au plus)." },
  { fields: { email: "jeanne@example.test", password: "" }, field: "password", message: "Saisissez votre mot de passe." },
  { fields: { email: "jeanne@example.test", password: "p".repeat(200) }, field: "password", message: "Le mot de passe est trop long (128 caractères au plus)." },
])("the login form refuses bad input on $field with a French message", async ({ fields, field, message }) => {
  const result = asFailure(await logInAction({ request: post("/connexion", fields), params: {}, context: { clientAddress: randomUUID() } }));
  expect(result.init?.status).toBe(400);
  expect(result.data.fieldErrors[field]).toBe(message);
});

test("the forgotten-password form refuses a malformed address and sends nothing", async () => {
  const email = `${uniqueEmail("oubli")}@@`;
  const result = asFailure(await forgotAction({ request: post("/mot-de-passe-oublie", { email }), params: {}, context: {} }));
  expect(result.init?.status).toBe(400);
  expect(result.data.fieldErrors.email).toBe("Saisissez une adresse e-mail valide (exemple : nom@domaine.fr).");
  expect(await db().outboxEmail.count({ where: { to: email } })).toBe(0);
});

test("the reset form refuses a short password, and a forged link, without changing anything", async () => {
  const short = asFailure(await resetAction({ request: post("/reinitialiser/abc", { password: "court" }), params: { token: "abc" }, context: {} }));
  expect(short.init?.status).toBe(400);
  expect(short.data.fieldErrors.password).toBe("Le mot de passe doit faire au moins 10 caractères.");
  const forged = asFailure(await resetAction({ request: post("/reinitialiser/faux-lien", { password: "un-mot-de-passe-long" }), params: { token: "faux-lien" }, context: {} }));
  expect(forged.init?.status).toBe(400);
  expect(forged.data.message).toBe("Ce lien n'est plus valable. Demandez un nouveau lien de réinitialisation.");
});
