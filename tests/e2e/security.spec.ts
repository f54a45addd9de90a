import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_PASSWORD } from "~/demo/demo-territory";
import { expectInSiteNav } from "./helpers";
import { waitForLink } from "./mailbox";

const APP_ORIGIN = "http://localhost:3100";
const EVIL_ORIGIN = "https://evil.example";
const QUAY = "Quai Henri IV — étal des pêcheurs";
const CROSS_ORIGIN_MESSAGE = "Requête refusée : elle ne vient pas de ce site.";

function sessionCookieOf(response: APIResponse): string | undefined {
  const header = response.headersArray().find((entry) => entry.name.toLowerCase() === "set-cookie" && entry.value.startsWith("tm_session="));
  return header?.value.split(";")[0];
}

/**
 * A new resident, signed up through the real form, who confirmed their address with the link of
 * the welcome email (a first order paid at pickup asks for it): their session cookie ("tm_session=…").
 */
async function signUpConfirmedResident(request: APIRequestContext): Promise<string> {
  const email = `securite-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
  const signedUpAt = Date.now();
  const response = await request.post("/inscription", {
    form: { name: "Résident Sécurité", email, password: "un mot de passe solide" },
    headers: { origin: APP_ORIGIN },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const cookie = sessionCookieOf(response);
  expect(cookie).toBeTruthy();
  // The welcome email's link, and the page's confirm button (a plain form post to the same address).
  const link = await waitForLink(email, "/verifier-email/", { since: signedUpAt });
  const confirmed = await request.post(link, { form: {}, headers: { origin: APP_ORIGIN }, maxRedirects: 0 });
  expect(confirmed.status()).toBe(200);
  expect(await confirmed.text()).toContain("Votre adresse e-mail est confirmée. Merci !");
  return cookie!;
}

async function ordersOf(request: APIRequestContext, cookie: string): Promise<unknown[]> {
  const response = await request.get("/api/v1/orders", { headers: { cookie } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { orders: unknown[] }).orders;
}

test("a cross-origin login is refused before it reaches the app: 403 and no session", async ({ request }) => {
  const response = await request.post("/connexion", {
    form: { email: "client@terre-et-mer.test", password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { origin: EVIL_ORIGIN },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe(CROSS_ORIGIN_MESSAGE);
  expect(response.headersArray().filter((entry) => entry.name.toLowerCase() === "set-cookie")).toEqual([]);

  // The same request from the site itself logs in: only the origin was refused.
  const sameOrigin = await request.post("/connexion", {
    form: { email: "client@terre-et-mer.test", password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { origin: APP_ORIGIN },
    maxRedirects: 0,
  });
  expect(sameOrigin.status()).toBe(302);
  expect(sessionCookieOf(sameOrigin)).toBeTruthy();
});

test("a cross-origin order through the API is refused with 403 and places nothing", async ({ request }) => {
  const cookie = await signUpConfirmedResident(request);
  const distributions = (await (await request.get("/api/v1/distributions")).json()) as {
    distributions: Array<{ id: string; pickupPoint: { name: string }; start: string; status: string }>;
  };
  const quay = distributions.distributions.filter((d) => d.pickupPoint.name === QUAY && d.status === "open").sort((a, b) => a.start.localeCompare(b.start))[0];
  expect(quay, "une distribution ouverte au quai").toBeTruthy();
  const { offers } = (await (await request.get(`/api/v1/distributions/${quay!.id}/offers`)).json()) as { offers: Array<{ id: string; remaining: number }> };
  const offer = offers.find((candidate) => candidate.remaining > 0);
  expect(offer, "une offre en stock").toBeTruthy();
  const order = { distributionId: quay!.id, lines: [{ offerId: offer!.id, quantity: 1 }], paymentMethod: "at_pickup" };

  const refused = await request.post("/api/v1/orders", { data: order, headers: { cookie, origin: EVIL_ORIGIN } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: "cross_origin", message: CROSS_ORIGIN_MESSAGE });
  expect(await ordersOf(request, cookie)).toEqual([]);
  const offersAfter = (await (await request.get(`/api/v1/distributions/${quay!.id}/offers`)).json()) as { offers: Array<{ id: string; remaining: number }> };
  expect(offersAfter.offers.find((candidate) => candidate.id === offer!.id)?.remaining).toBe(offer!.remaining);

  // The very same order from the site itself is placed: only the origin was refused.
  const placed = await request.post("/api/v1/orders", { data: order, headers: { cookie, origin: APP_ORIGIN } });
  expect(placed.status()).toBe(201);
  expect(await ordersOf(request, cookie)).toHaveLength(1);
});

test("the session cookie set at login is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill("client@terre-et-mer.test");
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expectInSiteNav(page, "link", "Mes commandes");

  const session = (await context.cookies()).find((cookie) => cookie.name === "tm_session");
  expect(session).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // The production build also marks it Secure (browsers keep Secure cookies on http://localhost).
  expect(session?.secure).toBe(true);
  // Not readable from the page's scripts.
  expect(await page.evaluate(() => document.cookie)).not.toContain("tm_session");
});

test("a wrong password answers 401 with the French message, and the page shows it", async ({ request, page }) => {
  const response = await request.post("/connexion", {
    form: { email: "client@terre-et-mer.test", password: "pas le bon mot de passe", redirectTo: "/" },
    headers: { origin: APP_ORIGIN },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(401);
  expect(await response.text()).toContain("Adresse e-mail ou mot de passe incorrect.");
  expect(sessionCookieOf(response)).toBeUndefined();

  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill("client@terre-et-mer.test");
  await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  await expect(page).toHaveURL(/\/connexion/);
  expect((await page.context().cookies()).some((cookie) => cookie.name === "tm_session")).toBe(false);
});
