import { randomBytes, randomUUID } from "node:crypto";
import { UNSAFE_RemixContext } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { hashToken } from "~/domain/accounts/session.server";
import { MAX_CART_LINES } from "~/domain/ordering/cart-summary";
import { getCart, setCartQuantity } from "~/domain/ordering/cart.server";
import { GUEST_CARTS_PER_ADDRESS } from "~/domain/ordering/guest-cart.server";
import App, { loader as rootLoader } from "~/root";
import { action as addAction } from "~/routes/distributions.$id";
import CartPage, { action as cartAction, loader as cartLoader } from "~/routes/panier.$distributionId";
import { action as logInAction } from "~/routes/connexion";
import { action as signUpAction } from "~/routes/inscription";
import { createDistribution, createOffer, createOffers, createProducer, createUser, signedInCookie, TEST_PASSWORD, uniqueEmail } from "../factories";
import { renderPage } from "../render-page";
import { asFailure, dataAsResponse, post, thrownResponse } from "../route-requests";

/**
 * A visitor's cart (decision 024): kept under a cookie until they sign up or log in, then in their
 * account's cart, and shown in the header on every page with its count and total.
 */

type Added = { data: { ok: true; offerId: string }; init: { headers: Headers } | null };

/** A visitor (or a person, with their cookie) presses "Add" in the catalogue. */
async function add(distributionId: string, offerId: string, quantity: number, cookie?: string, clientAddress: string = randomUUID()) {
  return addAction({ request: post(`/distributions/${distributionId}`, { offerId, quantity: String(quantity) }, cookie), params: { id: distributionId }, context: { clientAddress } });
}

/** The `tm_cart=…` pair a response sets, if any. */
function cartCookieOf(result: unknown): string | undefined {
  const headers = result instanceof Response ? result.headers : (result as Added).init?.headers;
  return headers?.getSetCookie().find((cookie) => cookie.startsWith("tm_cart="));
}

function pairOf(setCookie: string | undefined): string {
  const pair = setCookie?.split(";")[0];
  if (!pair) throw new Error("a tm_cart cookie was expected");
  return pair;
}

async function visitorWith(distributionId: string, lines: Array<{ offerId: string; quantity: number }>): Promise<string> {
  let cookie: string | undefined;
  for (const line of lines) {
    const result = await add(distributionId, line.offerId, line.quantity, cookie);
    cookie = pairOf(cartCookieOf(result));
  }
  if (!cookie) throw new Error("no line added");
  return cookie;
}

/** `count` offers of one distribution, in a stable order. */
async function offersOf(distributionId: string, count: number): Promise<Array<{ id: string }>> {
  await createOffers(distributionId, count);
  await db().offer.updateMany({ where: { distributionId }, data: { stock: 50 } });
  return db().offer.findMany({ where: { distributionId }, select: { id: true }, orderBy: { id: "asc" } });
}

function plain(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ");
}

/** The root (header, notice) rendered with its real loader, as the first HTML a browser gets. */
async function renderRoot(cookie: string | undefined, search = "") {
  const routes = [
    {
      id: "root",
      path: "/",
      loader: ({ request }: { request: Request }) => rootLoader({ request: new Request(request.url, { headers: cookie ? { cookie } : {} }), params: {}, context: {} }),
      Component: App,
      children: [{ index: true, Component: () => null }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost/${search}`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const remixContext = { manifest: { routes: {}, entry: { imports: [], module: "" }, url: "", version: "" }, routeModules: {}, future: {}, isSpaMode: false };
  return renderToString(
    <UNSAFE_RemixContext.Provider value={remixContext as never}>
      <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />
    </UNSAFE_RemixContext.Provider>,
  );
}

async function rootData(cookie: string | undefined, search = "") {
  return rootLoader({ request: new Request(`http://localhost/${search}`, { headers: cookie ? { cookie } : {} }), params: {}, context: {} });
}

test("a visitor adds to the cart without an account: a cookie keeps it, the cart page lists it and asks to sign up or log in to order", async () => {
  const distribution = await createDistribution();
  const producer = await createProducer({ name: "Bateau Le Goéland" });
  const fish = await createOffer({ distributionId: distribution.id, producerId: producer.id, name: "Bar de ligne", priceCents: 1615 });

  const result = await add(distribution.id, fish.id, 2);
  expect((result as Added).data).toEqual({ ok: true, offerId: fish.id });
  const setCookie = cartCookieOf(result);
  expect(setCookie).toMatch(/^tm_cart=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
  const cookie = pairOf(setCookie);
  // Only the token's hash is kept.
  expect(await db().guestCart.count({ where: { id: cookie.slice("tm_cart=".length) } })).toBe(0);
  expect(await db().guestCart.count({ where: { id: hashToken(cookie.slice("tm_cart=".length)) } })).toBe(1);

  const { html, status } = await renderPage([{ path: "panier/:distributionId", loader: cartLoader, action: cartAction, Component: CartPage }], "fr", cookie, `/panier/${distribution.id}`);
  expect(status).toBe(200);
  const page = plain(html);
  expect(page).toContain("Bar de ligne");
  expect(page).toContain("Créer un compte ou se connecter pour commander");
  expect(html).toContain(`href="/inscription?redirectTo=${encodeURIComponent(`/panier/${distribution.id}`)}"`);
  expect(html).toContain(`href="/connexion?redirectTo=${encodeURIComponent(`/panier/${distribution.id}`)}"`);
  expect(page).not.toContain("Confirmer la commande");

  // Ordering itself needs an account: the visitor is sent to log in, and comes back to this cart.
  const checkout = await thrownResponse(cartAction({ request: post(`/panier/${distribution.id}`, { intent: "checkout" }, cookie), params: { distributionId: distribution.id }, context: {} }));
  expect(checkout.headers.get("location")).toBe(`/connexion?redirectTo=${encodeURIComponent(`/panier/${distribution.id}`)}`);
});

test("a visitor changes and removes a line of their cart page; the cart's end moves 30 days ahead at each change", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 10 });
  const other = await createOffer({ distributionId: distribution.id, stock: 10 });
  const cookie = await visitorWith(distribution.id, [{ offerId: offer.id, quantity: 1 }, { offerId: other.id, quantity: 1 }]);
  const id = hashToken(cookie.slice("tm_cart=".length));
  await db().guestCart.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 24 * 3600_000) } });

  const changed = await cartAction({ request: post(`/panier/${distribution.id}`, { intent: "update", offerId: offer.id, quantity: "4" }, cookie), params: { distributionId: distribution.id }, context: {} });
  expect(pairOf(cartCookieOf(changed))).toBe(cookie);
  await cartAction({ request: post(`/panier/${distribution.id}`, { intent: "remove", offerId: other.id, quantity: "1" }, cookie), params: { distributionId: distribution.id }, context: {} });

  expect((await getCart({ guestCartId: id }, distribution.id)).map((line) => [line.offerId, line.quantity])).toEqual([[offer.id, 4]]);
  const cart = await db().guestCart.findUniqueOrThrow({ where: { id } });
  expect(cart.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
});

test("a visitor's cart obeys the signed-in cart's rules: what remains, an open distribution; a refusal opens no cart and sets no cookie", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 3 });
  const closed = await createDistribution({ cutoffAt: new Date(Date.now() - 3600_000) });
  const late = await createOffer({ distributionId: closed.id });
  const cartsBefore = await db().guestCart.count();

  const tooMany = asFailure(await add(distribution.id, offer.id, 4));
  expect(tooMany.init?.status).toBe(409);
  const tooLate = asFailure(await add(closed.id, late.id, 1));
  expect(tooLate.data.message).toMatch(/closes|l'heure limite est passée/);
  const huge = asFailure(await add(distribution.id, offer.id, 1_000_000));
  expect(huge.init?.status).toBe(400);

  expect(await db().guestCart.count()).toBe(cartsBefore);
  expect(cartCookieOf(await add(distribution.id, offer.id, 4))).toBeUndefined();
});

test("another visitor's cookie reads and changes only their own cart", async () => {
  const distribution = await createDistribution();
  const leeks = await createOffer({ distributionId: distribution.id, name: "Poireaux d'Alice" });
  const bread = await createOffer({ distributionId: distribution.id, name: "Pain de Bob" });
  const alice = await visitorWith(distribution.id, [{ offerId: leeks.id, quantity: 2 }]);
  const bob = await visitorWith(distribution.id, [{ offerId: bread.id, quantity: 1 }]);

  const bobsPage = dataAsResponse(await cartLoader({ request: new Request(`http://localhost/panier/${distribution.id}`, { headers: { cookie: bob } }), params: { distributionId: distribution.id }, context: {} }));
  expect((bobsPage as { cart: Array<{ name: string }> }).cart.map((line) => line.name)).toEqual(["Pain de Bob"]);
  // Bob removing Alice's offer touches his cart only.
  await cartAction({ request: post(`/panier/${distribution.id}`, { intent: "remove", offerId: leeks.id, quantity: "1" }, bob), params: { distributionId: distribution.id }, context: {} });
  expect((await getCart({ guestCartId: hashToken(alice.slice(8)) }, distribution.id)).map((line) => [line.name, line.quantity])).toEqual([["Poireaux d'Alice", 2]]);
});

test("a forged, stale or malformed cart cookie is ignored: it reads as no cart, and adding opens a new cart under a token the server chose", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id });
  const forged = `tm_cart=${randomBytes(32).toString("base64url")}`;
  const stale = await visitorWith(distribution.id, [{ offerId: offer.id, quantity: 1 }]);
  await db().guestCart.update({ where: { id: hashToken(stale.slice(8)) }, data: { expiresAt: new Date(Date.now() - 1000) } });

  for (const cookie of [forged, stale, "tm_cart=../../etc", `tm_cart=${"x".repeat(500)}`]) {
    const page = await cartLoader({ request: new Request(`http://localhost/panier/${distribution.id}`, { headers: { cookie } }), params: { distributionId: distribution.id }, context: {} });
    expect((page as { cart: unknown[] }).cart).toEqual([]);
    expect((await rootData(cookie)).cart).toEqual([]);
  }
  const added = await add(distribution.id, offer.id, 1, forged);
  const issued = pairOf(cartCookieOf(added));
  expect(issued).not.toBe(forged);
  expect(await db().guestCart.count({ where: { id: hashToken(forged.slice(8)) } })).toBe(0);
});

test("logging in moves the visitor's lines into the account's cart (the larger quantity where both hold an offer), deletes the visitor's cart and says so on the page landed on", async () => {
  const distribution = await createDistribution();
  const basket = await createOffer({ distributionId: distribution.id, name: "Panier de la semaine", priceCents: 1500, stock: 10 });
  const fish = await createOffer({ distributionId: distribution.id, name: "Maquereaux", priceCents: 800, stock: 10 });
  const bread = await createOffer({ distributionId: distribution.id, name: "Pain", priceCents: 300, stock: 10 });
  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: fish.id, quantity: 3, now: new Date() });
  await setCartQuantity({ userId: user.id, offerId: bread.id, quantity: 2, now: new Date() });
  const visitor = await visitorWith(distribution.id, [{ offerId: basket.id, quantity: 1 }, { offerId: fish.id, quantity: 1 }, { offerId: bread.id, quantity: 5 }]);

  const response = await logInAction({ request: post("/connexion", { email: user.email, password: TEST_PASSWORD, redirectTo: `/panier/${distribution.id}` }, visitor), params: {}, context: { clientAddress: randomUUID() } });
  if (!(response instanceof Response)) throw new Error("a redirect was expected");
  expect(response.headers.get("location")).toBe(`/panier/${distribution.id}?panierConserve=3`);
  expect(response.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^tm_cart=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/));

  expect((await getCart({ userId: user.id }, distribution.id)).map((line) => [line.name, line.quantity])).toEqual([["Maquereaux", 3], ["Pain", 5], ["Panier de la semaine", 1]]);
  expect(await db().guestCart.count({ where: { id: hashToken(visitor.slice(8)) } })).toBe(0);

  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("tm_session="))?.split(";")[0];
  expect(plain(await renderRoot(session, "?panierConserve=3"))).toContain("Votre panier a été conservé : 3 articles.");
  expect(plain(await renderRoot(session))).not.toContain("conservé");
});

test("signing up makes the visitor's cart the new account's, and the page landed on says so", async () => {
  const distribution = await createDistribution();
  const fish = await createOffer({ distributionId: distribution.id, name: "Bar de ligne", priceCents: 1615 });
  await db().product.update({ where: { id: (await db().offer.findUniqueOrThrow({ where: { id: fish.id } })).productId }, data: { unit: "PIECE", variableWeight: true, estimatedWeightGrams: 600 } });
  const visitor = await visitorWith(distribution.id, [{ offerId: fish.id, quantity: 1 }]);
  const email = uniqueEmail("nouvelle");

  const response = await signUpAction({ request: post("/inscription", { name: "Nadia", email, password: "un-mot-de-passe-solide", redirectTo: `/panier/${distribution.id}` }, visitor), params: {}, context: { clientAddress: randomUUID() } });
  if (!(response instanceof Response)) throw new Error("a redirect was expected");
  expect(response.headers.get("location")).toBe(`/panier/${distribution.id}?panierConserve=1`);
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  expect((await getCart({ userId: user.id }, distribution.id)).map((line) => [line.name, line.quantity])).toEqual([["Bar de ligne", 1]]);

  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("tm_session="))?.split(";")[0];
  const header = plain(await renderRoot(session, "?panierConserve=1"));
  expect(header).toContain("Votre panier a été conservé : 1 article.");
  expect(header).toContain("Panier · 1 · environ 16,15 €");
});

test("a login without a visitor's cart changes nothing in the account's cart and shows no notice", async () => {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id });
  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 2, now: new Date() });
  const response = await logInAction({ request: post("/connexion", { email: user.email, password: TEST_PASSWORD, redirectTo: "/commandes" }), params: {}, context: { clientAddress: randomUUID() } });
  if (!(response instanceof Response)) throw new Error("a redirect was expected");
  expect(response.headers.get("location")).toBe("/commandes");
  expect((await getCart({ userId: user.id }, distribution.id)).map((line) => line.quantity)).toEqual([2]);
});

test("the header shows a cart for each distribution, in date order, with its count and total (about, when weighed), for a person and for a visitor", async () => {
  const soon = await createDistribution({ startsAt: new Date(Date.now() + 48 * 3600_000) });
  const later = await createDistribution({ startsAt: new Date(Date.now() + 120 * 3600_000) });
  const producer = await createProducer();
  const fish = await createOffer({ distributionId: soon.id, producerId: producer.id, priceCents: 1615 });
  await db().product.update({ where: { id: (await db().offer.findUniqueOrThrow({ where: { id: fish.id } })).productId }, data: { unit: "PIECE", variableWeight: true, estimatedWeightGrams: 600 } });
  const leeks = await createOffer({ distributionId: soon.id, producerId: producer.id, priceCents: 250 });
  const bread = await createOffer({ distributionId: later.id, producerId: producer.id, priceCents: 425 });
  // A cart line for a distribution already over is not shown.
  const past = await createDistribution({ startsAt: new Date(Date.now() - 48 * 3600_000), cutoffAt: new Date(Date.now() - 72 * 3600_000) });
  const old = await createOffer({ distributionId: past.id });

  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: fish.id, quantity: 2, now: new Date() });
  await setCartQuantity({ userId: user.id, offerId: leeks.id, quantity: 3, now: new Date() });
  await setCartQuantity({ userId: user.id, offerId: bread.id, quantity: 2, now: new Date() });
  await db().cartItem.create({ data: { userId: user.id, offerId: old.id, quantity: 1 } });
  const cookie = await signedInCookie(user.id);

  const data = await rootData(cookie);
  expect(data.cart.map((entry) => [entry.href, entry.articles, entry.total.replace(/[\u00a0\u202f]/g, " ")])).toEqual([
    [`/panier/${soon.id}`, 2, "environ 39,80 €"],
    [`/panier/${later.id}`, 1, "8,50 €"],
  ]);
  const header = plain(await renderRoot(cookie));
  expect(header).toContain("Paniers · 2");
  expect(header).toContain("2 · environ 39,80 €");
  expect(header).toContain("Panier · 1 · 8,50 €");

  const visitor = await visitorWith(soon.id, [{ offerId: leeks.id, quantity: 4 }]);
  const visitorHeader = plain(await renderRoot(visitor));
  expect(visitorHeader).toContain("Panier · 1 · 10,00 €");
  // Read aloud, the link says which distribution it is for.
  expect(visitorHeader).toMatch(/Panier · 1 · 10,00 € 10,00 € — pour le \S+ \d+ \S+ à Quai test/);
  expect(await renderRoot(visitor)).toContain(`href="/panier/${soon.id}"`);
  // Nobody's cart, no cart in the header.
  expect(plain(await renderRoot(undefined))).not.toContain("Panier");
});

test("the phone's menu is a disclosure that works without JavaScript, holding the links, and logging in or signing up from it comes back to the page", async () => {
  const html = await renderRoot(undefined, "?q=1");
  const menu = /<details[^>]*>\s*<summary[^>]*>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>/.exec(html);
  expect(plain(menu?.[1] ?? "")).toContain("Menu");
  const links = menu?.[2] ?? "";
  expect(links).toContain(`href="/connexion?redirectTo=${encodeURIComponent("/?q=1")}"`);
  expect(links).toContain(`href="/inscription?redirectTo=${encodeURIComponent("/?q=1")}"`);
  expect(plain(links)).toContain("Language: English");
});

test("the header's cart costs one statement, whatever the size of the cart; a visitor with no cart costs none", async () => {
  const distribution = await createDistribution();
  const offers = await offersOf(distribution.id, 40);
  const small = await createUser();
  const large = await createUser();
  await db().cartItem.create({ data: { userId: small.id, offerId: offers[0]!.id, quantity: 1 } });
  await db().cartItem.createMany({ data: offers.map((offer) => ({ userId: large.id, offerId: offer.id, quantity: 2 })) });

  async function cost(cookie: string | undefined) {
    const before = statementsIssued();
    const data = await rootData(cookie);
    return { statements: statementsIssued() - before, articles: data.cart[0]?.articles ?? 0 };
  }
  const forSmall = await cost(await signedInCookie(small.id));
  const forLarge = await cost(await signedInCookie(large.id));
  expect(forSmall.articles).toBe(1);
  expect(forLarge.articles).toBe(40);
  expect(forLarge.statements).toBe(forSmall.statements);
  // The session and the cart.
  expect(forSmall.statements).toBe(2);
  expect((await cost(undefined)).statements).toBe(0);
  const visitor = await visitorWith(distribution.id, [{ offerId: offers[1]!.id, quantity: 1 }]);
  expect(await cost(visitor)).toEqual({ statements: 1, articles: 1 });
});

test("a cart holds a bounded number of different offers, a visitor's as a person's; a script cannot open carts without end from one address", async () => {
  const distribution = await createDistribution();
  const offers = await offersOf(distribution.id, MAX_CART_LINES + 1);
  const visitor = await visitorWith(distribution.id, [{ offerId: offers[0]!.id, quantity: 1 }]);
  const cartId = hashToken(visitor.slice(8));
  await db().guestCartItem.createMany({ data: offers.slice(1, MAX_CART_LINES).map((offer) => ({ guestCartId: cartId, offerId: offer.id, quantity: 1 })) });
  const last = offers[MAX_CART_LINES]!;

  const refused = asFailure(await add(distribution.id, last.id, 1, visitor));
  expect(refused.init?.status).toBe(400);
  expect(refused.data.message).toBe(`Votre panier contient déjà ${MAX_CART_LINES} produits différents : commandez ou retirez-en avant d'en ajouter.`);
  // A line already there still changes.
  expect((asFailure(await add(distribution.id, offers[0]!.id, 3, visitor)) as unknown as Added).data.ok).toBe(true);

  const user = await createUser();
  await db().cartItem.createMany({ data: offers.slice(0, MAX_CART_LINES).map((offer) => ({ userId: user.id, offerId: offer.id, quantity: 1 })) });
  const personRefused = asFailure(await add(distribution.id, last.id, 1, await signedInCookie(user.id)));
  expect(personRefused.init?.status).toBe(400);
  expect(await db().cartItem.count({ where: { userId: user.id } })).toBe(MAX_CART_LINES);

  const address = randomUUID();
  for (let index = 0; index < GUEST_CARTS_PER_ADDRESS.limit; index += 1) await add(distribution.id, offers[0]!.id, 1, undefined, address);
  const opened = await db().guestCart.count();
  const blocked = asFailure(await add(distribution.id, offers[0]!.id, 1, undefined, address));
  expect(blocked.init?.status).toBe(429);
  expect(await db().guestCart.count()).toBe(opened);
});
