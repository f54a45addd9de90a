import { randomInt, randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { adoptVisitorPickupChoice } from "~/domain/distributions/account-pickup-choice.server";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import type { Locale } from "~/i18n/messages";
import Home, { action as homeAction, loader as homeLoader } from "~/routes/_index";
import { action as logInAction } from "~/routes/connexion";
import { action as signUpAction } from "~/routes/inscription";
import { createDistribution, createOffer, createUser, signedInCookie, TEST_PASSWORD, uniqueEmail } from "../factories";
import { expectWellFormed, renderPage, type PageRoute, readableText } from "../render-page";
import { get, post } from "../route-requests";

/**
 * The home page on the real database (issue 10): a resident chooses their pickup point or commune,
 * the choice is remembered (a cookie for a visitor, the account when signed in), the page then
 * shows that place's next distributions, and a signed-in resident's next pickup comes first.
 */

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
// The home is the index route; rendered here under a path of its own (its links and forms do not depend on it).
const pages: PageRoute[] = [{ path: "accueil", loader: homeLoader, action: homeAction, Component: Home }];
const UNTRANSLATED_KEY = /home\.[a-z]+\.?[a-zA-Z]/;

/** The page's text as a reader sees it: no tags, entities decoded, plain spaces. */

async function page(cookie: string, search = "", locale: Locale = "fr") {
  const { html, status } = await renderPage(pages, locale, cookie, `/accueil${search}`);
  expect(status).toBe(200);
  expectWellFormed(html, UNTRANSLATED_KEY);
  return { html, text: readableText(html) };
}

/** A commune of this test's own (other tests fill Dieppe with points). */
async function commune(name: string) {
  const inseeCode = `9${String(randomInt(0, 10_000)).padStart(4, "0")}`;
  await db().commune.upsert({ where: { inseeCode }, create: { inseeCode, name, postalCode: "76999", lat: 49.9, lon: 1.1 }, update: { name } });
  return inseeCode;
}

/** A pickup point in a commune with a distribution `days` ahead for each entry (its orders open now). */
async function point(communeInsee: string, name: string, days: number[], options: { cancelled?: number[] } = {}) {
  const id = randomUUID();
  await db().pickupPoint.create({ data: { id, name, kind: "SHOP", communeInsee, address: `${name}, rue du Port`, lat: 49.9 + randomInt(0, 100) / 1000, lon: 1.1 } });
  const distributionIds: string[] = [];
  for (const day of days) {
    const startsAt = new Date(Date.now() + day * DAY);
    const distributionId = randomUUID();
    await db().distribution.create({
      data: {
        id: distributionId,
        pickupPointId: id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        cutoffAt: new Date(startsAt.getTime() - DAY / 2),
        opensAt: new Date(Date.now() - DAY),
        status: options.cancelled?.includes(day) ? "CANCELLED" : "SCHEDULED",
      },
    });
    distributionIds.push(distributionId);
  }
  return { id, name, distributionIds };
}

function cookieOf(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  return header.split(";")[0] ?? "";
}

async function accountChoice(userId: string) {
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: { pickupPointId: true, pickupCommuneInsee: true } });
}

test("a visitor who chose nothing sees the chooser first: communes, their points with the next date, no wall of dates", async () => {
  const insee = await commune("Saint-Test-sur-Mer");
  const market = await point(insee, "Halle du marché", [3, 10]);
  const shop = await point(insee, "Épicerie de la plage", [], {});
  const { html, text } = await page("", "?q=saint%20test");
  expect(html).toMatch(/<h1[^>]*>Choisissez votre point de retrait<\/h1>/);
  expect(html).not.toContain('data-testid="chosen-distributions"');
  expect(text).toContain("Saint-Test-sur-Mer (2 points de retrait)");
  expect(html).toContain(`aria-label="Choisir ce point : Halle du marché"`);
  expect(html).toContain(`name="commune" value="${insee}"`);
  expect(text).toContain("Choisir Saint-Test-sur-Mer");
  // The map, drawn by the server: each marker a button of the list's form, named after its point and commune.
  expect(html).toMatch(new RegExp(`<button type="submit" form="pickup-list" name="point" value="${market.id}" aria-label="Choisir Halle du marché, Saint-Test-sur-Mer"`));
  expect(html).toMatch(/<form[^>]*id="pickup-list"[^>]*method="post"|<form[^>]*method="post"[^>]*id="pickup-list"/);
  // Each point says its next date, and links it; a point with none says so.
  expect(html).toContain(`href="/distributions/${market.distributionIds[0]}"`);
  expect(html).not.toContain(`href="/distributions/${market.distributionIds[1]}"`);
  expect(text).toMatch(/Halle du marché .* Prochaine distribution : .* Commandes jusqu'au/);
  expect(text).toContain(`${shop.name} Épicerie de la plage, rue du Port, Saint-Test-sur-Mer Aucune distribution prévue pour le moment`);
});

test("the search narrows the list without scripts: a commune by its name without accents or hyphens, a point by its name", async () => {
  const insee = await commune("Château-sur-Varenne");
  await point(insee, "Ferme du Moulin", [2]);
  const other = await commune("Bourg-Autre");
  await point(other, "Préau de l'école", [2]);
  const byCommune = await page("", "?q=chateau%20sur%20varenne");
  expect(byCommune.text).toContain("Ferme du Moulin");
  expect(byCommune.text).toContain("Château-sur-Varenne (1 point de retrait)");
  expect(byCommune.text).not.toContain("Préau de l'école");
  const byPoint = await page("", "?q=preau%20de%20l");
  expect(byPoint.text).toContain("Préau de l'école");
  expect(byPoint.text).not.toContain("Ferme du Moulin");
  const none = await page("", "?q=zzzz-nulle-part");
  expect(none.text).toContain("Aucun point de retrait ne correspond à « zzzz-nulle-part ».");
});

test("a visitor's choice of a point is remembered in their browser, and the page then shows that point's next dates", async () => {
  const insee = await commune("Pointville");
  const chosen = await point(insee, "Quai des Pêcheurs", [2, 9, 16], { cancelled: [9] });
  const other = await point(insee, "Autre Quai", [1]);
  const usersBefore = await db().user.count({ where: { OR: [{ pickupPointId: { not: null } }, { pickupCommuneInsee: { not: null } }] } });

  const response = await homeAction({ request: post("/?index", { point: chosen.id }), params: {}, context: {} });
  expect(response).toBeInstanceOf(Response);
  const answer = response as Response;
  expect(answer.status).toBe(302);
  expect(answer.headers.get("location")).toBe("/");
  expect(answer.headers.get("set-cookie")).toMatch(/Max-Age=31536000/);
  const cookie = cookieOf(answer);
  expect(cookie).toBe(`tm_pickup=${encodeURIComponent(`point:${chosen.id}`)}`);

  const { html, text } = await page(cookie);
  expect(html).toMatch(/<h1[^>]*>Près de chez vous : Quai des Pêcheurs<\/h1>/);
  expect(html).not.toContain('data-testid="pickup-chooser"');
  expect(html).toContain(`href="/distributions/${chosen.distributionIds[0]}"`);
  expect(html).toContain(`href="/distributions/${chosen.distributionIds[2]}"`);
  expect(text).toContain("Distribution annulée");
  expect(html).not.toContain(`href="/distributions/${chosen.distributionIds[1]}"`);
  expect(html).not.toContain(`href="/distributions/${other.distributionIds[0]}"`);
  expect(text).toContain("Changer de point de retrait");
  // A visitor has no account: nothing was written to anyone's.
  expect(await db().user.count({ where: { OR: [{ pickupPointId: { not: null } }, { pickupCommuneInsee: { not: null } }] } })).toBe(usersBefore);

  // Changing: the chooser again, the current point marked as chosen.
  const changing = await page(cookie, "?choisir");
  expect(changing.html).toContain('data-testid="pickup-chooser"');
  expect(changing.html).toMatch(new RegExp(`value="${chosen.id}"[^>]*aria-label="Choisir ce point : Quai des Pêcheurs"[^>]*aria-pressed="true"|aria-pressed="true"[^>]*value="${chosen.id}"`));
});

test("a chosen commune shows the dates of all its points, soonest first, each saying where", async () => {
  const insee = await commune("Deux-Points");
  const north = await point(insee, "Point Nord", [5]);
  const south = await point(insee, "Point Sud", [2]);
  const cookie = cookieOf((await homeAction({ request: post("/?index", { commune: insee }), params: {}, context: {} })) as Response);
  const { html, text } = await page(cookie);
  expect(html).toMatch(/<h1[^>]*>Près de chez vous : Deux-Points<\/h1>/);
  expect(text).toContain("Points de retrait : Point Nord, Point Sud");
  const southAt = html.indexOf(`/distributions/${south.distributionIds[0]}`);
  const northAt = html.indexOf(`/distributions/${north.distributionIds[0]}`);
  expect(southAt).toBeGreaterThan(0);
  expect(northAt).toBeGreaterThan(southAt);
  expect(text).toMatch(/Point Sud Commandes jusqu'au/);
});

test("a signed-in resident's choice is kept on their account and follows them to another browser; the account's beats the browser's", async () => {
  const insee = await commune("Comptebourg");
  const mine = await point(insee, "Salle des fêtes", [3]);
  const elsewhere = await point(insee, "Cour de ferme", [4]);
  const user = await createUser();
  const session = await signedInCookie(user.id);

  const answer = (await homeAction({ request: post("/?index", { point: mine.id }, session), params: {}, context: {} })) as Response;
  expect(answer.status).toBe(302);
  expect(await accountChoice(user.id)).toEqual({ pickupPointId: mine.id, pickupCommuneInsee: null });

  // Another browser: only the session, no pickup cookie.
  const other = await page(await signedInCookie(user.id));
  expect(other.html).toMatch(/<h1[^>]*>Près de chez vous : Salle des fêtes<\/h1>/);
  // A browser that once chose elsewhere as a visitor: the account's choice wins.
  const mixed = await page(`${session}; tm_pickup=${encodeURIComponent(`point:${elsewhere.id}`)}`);
  expect(mixed.html).toMatch(/<h1[^>]*>Près de chez vous : Salle des fêtes<\/h1>/);

  // Choosing the commune then replaces the point (never both).
  await homeAction({ request: post("/?index", { commune: insee }, session), params: {}, context: {} });
  expect(await accountChoice(user.id)).toEqual({ pickupPointId: null, pickupCommuneInsee: insee });
});

test("a visitor's earlier choice is copied to an account that has none at login, never over the account's own", async () => {
  const insee = await commune("Loginville");
  const visited = await point(insee, "Point visité", [3]);
  const own = await point(insee, "Point du compte", [3]);
  const fresh = await createUser();
  await adoptVisitorPickupChoice(fresh.id, { kind: "point", pointId: visited.id });
  expect(await accountChoice(fresh.id)).toEqual({ pickupPointId: visited.id, pickupCommuneInsee: null });

  const settled = await createUser();
  await db().user.update({ where: { id: settled.id }, data: { pickupPointId: own.id } });
  await adoptVisitorPickupChoice(settled.id, { kind: "commune", communeInsee: insee });
  expect(await accountChoice(settled.id)).toEqual({ pickupPointId: own.id, pickupCommuneInsee: null });

  await adoptVisitorPickupChoice(fresh.id, { kind: "point", pointId: "point-disparu" });
  expect(await accountChoice(fresh.id)).toEqual({ pickupPointId: visited.id, pickupCommuneInsee: null });
});

test("logging in or signing up in a browser that chose a point as a visitor keeps that choice on the account", async () => {
  const insee = await commune("Arrivéeville");
  const chosen = await point(insee, "Point de l'arrivée", [3]);
  const visitor = cookieOf((await homeAction({ request: post("/?index", { point: chosen.id }), params: {}, context: {} })) as Response);

  const user = await createUser();
  const loggedIn = await logInAction({ request: post("/connexion", { email: user.email, password: TEST_PASSWORD, redirectTo: "/" }, visitor), params: {}, context: { clientAddress: randomUUID() } });
  expect((loggedIn as Response).status).toBe(302);
  expect(await accountChoice(user.id)).toEqual({ pickupPointId: chosen.id, pickupCommuneInsee: null });

  const email = uniqueEmail("arrivee");
  const signedUp = await signUpAction({ request: post("/inscription", { name: "Nina Arrivée", email, password: "une phrase de passe solide", redirectTo: "/" }, visitor), params: {}, context: { clientAddress: randomUUID() } });
  expect((signedUp as Response).status).toBe(302);
  const account = await db().user.findUniqueOrThrow({ where: { email }, select: { pickupPointId: true, pickupCommuneInsee: true } });
  expect(account).toEqual({ pickupPointId: chosen.id, pickupCommuneInsee: null });
});

test("an unknown point, a commune without points or a malformed choice is refused with a clear message, and nothing changes", async () => {
  const insee = await commune("Refusville");
  const kept = await point(insee, "Point gardé", [3]);
  const user = await createUser();
  const session = await signedInCookie(user.id);
  await homeAction({ request: post("/?index", { point: kept.id }, session), params: {}, context: {} });
  const emptyCommune = await commune("Sans-Point");

  const refused: Array<Record<string, string>> = [{ point: randomUUID() }, { point: "<script>" }, { commune: emptyCommune }, { commune: "abc" }, {}, { point: kept.id, commune: insee }];
  for (const fields of refused) {
    const answer = await homeAction({ request: post("/?index", fields, session), params: {}, context: {} });
    expect(answer).not.toBeInstanceOf(Response);
    const refusal = answer as { init: { status: number }; data: { ok: false; message: string } };
    expect(refusal.init.status).toBe(400);
    expect(refusal.data.message).toBe("Ce point de retrait n'existe pas ou plus : choisissez-en un dans la liste.");
    expect(await accountChoice(user.id)).toEqual({ pickupPointId: kept.id, pickupCommuneInsee: null });
  }

  // On the page: the reason in the error summary, above the list, and no cookie set.
  const { html } = await renderPage(pages, "en", "", "/accueil?choisir", { method: "POST", body: new URLSearchParams({ point: randomUUID() }) });
  expect(html).toContain("This pickup point does not exist or no longer exists: please choose one from the list.");
  expect(html).toContain('role="group"');
});

test("a remembered point that no longer exists brings the chooser back, saying so", async () => {
  const insee = await commune("Disparuville");
  const gone = await point(insee, "Point fermé", []);
  const cookie = `tm_pickup=${encodeURIComponent(`point:${gone.id}`)}`;
  await db().pickupPoint.delete({ where: { id: gone.id } });
  const { html, text } = await page(cookie);
  expect(html).toMatch(/<h1[^>]*>Choisissez votre point de retrait<\/h1>/);
  expect(text).toContain("Le point de retrait que vous aviez choisi n'existe plus : choisissez-en un autre.");
  // A cookie that does not read as a choice is no choice, never an error.
  const garbage = await page("tm_pickup=%E0%A4%A");
  expect(garbage.html).toMatch(/<h1[^>]*>Choisissez votre point de retrait<\/h1>/);
});

test("signed in: « your next pickup » comes first — where, when, what and how much — linking to the order", async () => {
  const distribution = await createDistribution({ startsAt: new Date(Date.now() + 2 * DAY) });
  const later = await createDistribution({ startsAt: new Date(Date.now() + 9 * DAY) });
  const leeks = await createOffer({ distributionId: distribution.id, name: "Poireaux du jardin", priceCents: 250 });
  const shrimps = await createOffer({ distributionId: distribution.id, name: "Crevettes grises", priceCents: 390 });
  await db().product.update({ where: { id: shrimps.productId }, data: { unit: "G100" } });
  const laterOffer = await createOffer({ distributionId: later.id, name: "Cidre brut", priceCents: 600 });
  const customer = await createUser();
  const cookie = await signedInCookie(customer.id);
  const place = { paymentMethod: "at_pickup" as const, customer, now: new Date(), appUrl: "http://localhost" };
  const laterOrder = await placeOrder({ ...place, distributionId: later.id, lines: [{ offerId: laterOffer.id, quantity: 1 }] });
  const order = await placeOrder({ ...place, distributionId: distribution.id, lines: [{ offerId: leeks.id, quantity: 2 }, { offerId: shrimps.id, quantity: 3 }] });

  const { html, text } = await page(cookie);
  const card = readableText(html.match(/<section[^>]*data-testid="next-pickup"[^>]*>([\s\S]*?)<\/section>/)?.[1] ?? "");
  expect(card).toContain("Votre prochain retrait");
  const point = await db().pickupPoint.findUniqueOrThrow({ where: { id: distribution.pickupPointId }, select: { name: true } });
  expect(card).toContain(`${point.name} — Quai Henri IV, Dieppe`);
  expect(card).toContain("2 × Poireaux du jardin");
  expect(card).toContain("3 × 100 g Crevettes grises");
  expect(card).toContain("Montant : 16,70 €");
  expect(card).toContain(`Voir la commande n° ${order.number}`);
  expect(html).toContain(`href="/commandes/${order.id}"`);
  expect(card).not.toContain("Cidre brut");
  // It comes before the chooser.
  expect(html.indexOf('data-testid="next-pickup"')).toBeLessThan(html.indexOf('data-testid="pickup-chooser"'));

  // Cancelled, the next pickup is the later order.
  await cancelOrder({ orderId: order.id, customer, now: new Date() });
  const after = readableText((await page(cookie)).html.match(/<section[^>]*data-testid="next-pickup"[^>]*>([\s\S]*?)<\/section>/)?.[1] ?? "");
  expect(after).toContain("1 × Cidre brut");
  expect(after).toContain(`Voir la commande n° ${laterOrder.number}`);

  // In English too; and a visitor, or a resident with nothing to collect, sees no such block.
  const english = await page(cookie, "", "en");
  expect(english.text).toContain("Your next pickup");
  expect(text).not.toContain("Your next pickup");
  expect((await page("")).html).not.toContain('data-testid="next-pickup"');
  expect((await page(await signedInCookie((await createUser()).id))).html).not.toContain('data-testid="next-pickup"');
});

test("a loader request without any cookie answers the chooser for a first visit", async () => {
  const data = (await homeLoader({ request: get("/"), params: {}, context: {} })) as { chosen: unknown; chooser: { groups: unknown[] } | null; nextPickup: unknown };
  expect(data.chosen).toBeNull();
  expect(data.chooser?.groups.length).toBeGreaterThan(0);
  expect(data.nextPickup).toBeNull();
});
