import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

/**
 * The forms fed bad input through the real server. Plain form posts (no `_data`) answer
 * with the whole HTML page, carrying the action's status.
 */
const APP_ORIGIN = "http://localhost:3100";
const QUAY = "Quai Henri IV — étal des pêcheurs";
const PASSWORD = "un mot de passe solide";
const EMPTY_CART = "Votre panier est vide pour cette distribution.";

function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
}

/** The page's text as a reader sees it (React escapes apostrophes and quotes in HTML). */
async function pageText(response: APIResponse): Promise<string> {
  return (await response.text())
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function sessionCookieOf(response: APIResponse): string | undefined {
  const header = response.headersArray().find((entry) => entry.name.toLowerCase() === "set-cookie" && entry.value.startsWith("tm_session="));
  return header?.value.split(";")[0];
}

function postForm(request: APIRequestContext, url: string, form: Record<string, string>, cookie?: string): Promise<APIResponse> {
  return request.post(url, { form, headers: { origin: APP_ORIGIN, ...(cookie ? { cookie } : {}) }, maxRedirects: 0 });
}

async function logIn(request: APIRequestContext, email: string, password: string): Promise<APIResponse> {
  return postForm(request, "/connexion", { email, password, redirectTo: "/" });
}

/** A fresh resident (signed up, then logged in): an empty cart to start from. Returns the login's session cookie. */
async function freshResident(request: APIRequestContext): Promise<string> {
  const email = uniqueEmail("saisies");
  const signUp = await postForm(request, "/inscription", { name: "Résident Saisies", email, password: PASSWORD });
  expect(signUp.status()).toBe(302);
  const login = await logIn(request, email, PASSWORD);
  expect(login.status()).toBe(302);
  const cookie = sessionCookieOf(login);
  expect(cookie).toBeTruthy();
  return cookie!;
}

async function openQuayDistribution(request: APIRequestContext): Promise<{ distributionId: string; offerId: string }> {
  const { distributions } = (await (await request.get("/api/v1/distributions")).json()) as {
    distributions: Array<{ id: string; pickupPoint: { name: string }; start: string; status: string }>;
  };
  const quay = distributions.filter((d) => d.pickupPoint.name === QUAY && d.status === "open").sort((a, b) => a.start.localeCompare(b.start))[0];
  if (!quay) throw new Error("Aucune distribution ouverte au quai");
  const { offers } = (await (await request.get(`/api/v1/distributions/${quay.id}/offers`)).json()) as { offers: Array<{ id: string; remaining: number }> };
  const offer = offers.find((candidate) => candidate.remaining >= 10);
  if (!offer) throw new Error("Aucune offre en stock au quai");
  return { distributionId: quay.id, offerId: offer.id };
}

async function expectEmptyCart(request: APIRequestContext, distributionId: string, cookie: string) {
  const cart = await request.get(`/panier/${distributionId}`, { headers: { cookie }, maxRedirects: 0 });
  expect(cart.status()).toBe(200);
  expect(await pageText(cart)).toContain(EMPTY_CART);
}

const signUpCases: Array<{ title: string; form: Record<string, string>; messages: string[]; tryLogin: boolean }> = [
  {
    title: "empty fields",
    form: { name: "", email: "", password: "" },
    messages: ["Saisissez votre nom.", "Saisissez une adresse e-mail valide (exemple : nom@domaine.fr).", "Le mot de passe doit faire au moins 10 caractères."],
    tryLogin: false,
  },
  {
    title: "a 300-character name",
    form: { name: "A".repeat(300), email: uniqueEmail("nom-long"), password: PASSWORD },
    messages: ["Le nom est trop long (100 caractères au plus)."],
    tryLogin: true,
  },
  {
    title: "a malformed email",
    form: { name: "Adresse Fausse", email: "pas-une-adresse@", password: PASSWORD },
    messages: ["Saisissez une adresse e-mail valide (exemple : nom@domaine.fr)."],
    tryLogin: true,
  },
  {
    title: "a short password",
    form: { name: "Mot de passe Court", email: uniqueEmail("mdp-court"), password: "court" },
    messages: ["Le mot de passe doit faire au moins 10 caractères."],
    tryLogin: true,
  },
];

for (const { title, form, messages, tryLogin } of signUpCases) {
  test(`sign-up with ${title} answers 400 in French and creates no account`, async ({ request }) => {
    const response = await postForm(request, "/inscription", form);
    expect(response.status()).toBe(400);
    expect(sessionCookieOf(response)).toBeUndefined();
    const text = await pageText(response);
    expect(text).toContain("Certaines informations sont invalides : vérifiez les champs signalés.");
    for (const message of messages) expect(text).toContain(message);

    if (tryLogin) {
      const login = await logIn(request, form.email!, form.password!);
      expect(login.status(), "aucun compte ne doit exister avec cette adresse").not.toBe(302);
      expect(sessionCookieOf(login)).toBeUndefined();
    }
  });
}

test("the sign-up page shows the problem beside the field, in French", async ({ page }) => {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Mot de passe Court");
  await page.getByLabel("Adresse e-mail").fill(uniqueEmail("page-mdp-court"));
  await page.getByLabel("Mot de passe").fill("court");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("alert")).toHaveText("Certaines informations sont invalides : vérifiez les champs signalés.");
  const password = page.getByLabel("Mot de passe");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Le mot de passe doit faire au moins 10 caractères\./);
  await expect(page).toHaveURL(/\/inscription$/);
});

const addToCartCases: Array<{ title: string; quantity: string; offerId?: string; message: string }> = [
  { title: "quantity -1", quantity: "-1", message: "La quantité doit être d'au moins 1." },
  { title: "quantity 1000", quantity: "1000", message: "La quantité ne peut pas dépasser 99." },
  { title: 'quantity "abc"', quantity: "abc", message: "La quantité doit être un nombre entier." },
  { title: "an unknown offer", quantity: "1", offerId: "offre-inconnue", message: "Identifiant inconnu." },
  { title: "a malformed offer id", quantity: "1", offerId: "../../etc/passwd", message: "Identifiant inconnu." },
];

test("the catalogue refuses bad add-to-cart input with 400 and a French message; the cart stays empty", async ({ request }) => {
  const cookie = await freshResident(request);
  const { distributionId, offerId } = await openQuayDistribution(request);
  await expectEmptyCart(request, distributionId, cookie);

  for (const { title, quantity, offerId: badOfferId, message } of addToCartCases) {
    await test.step(title, async () => {
      const response = await postForm(request, `/distributions/${distributionId}`, { offerId: badOfferId ?? offerId, quantity }, cookie);
      expect(response.status()).toBe(400);
      expect(await pageText(response)).toContain(message);
      await expectEmptyCart(request, distributionId, cookie);
    });
  }

  // The same form with a good quantity does fill the cart: the refusals above were about the input.
  const accepted = await postForm(request, `/distributions/${distributionId}`, { offerId, quantity: "2" }, cookie);
  expect(accepted.status()).toBe(200);
  const cart = await pageText(await request.get(`/panier/${distributionId}`, { headers: { cookie } }));
  expect(cart).not.toContain(EMPTY_CART);
});

test("the catalogue refuses quantity 0 with 400; the cart stays empty", async ({ request }) => {
  const cookie = await freshResident(request);
  const { distributionId, offerId } = await openQuayDistribution(request);
  const response = await postForm(request, `/distributions/${distributionId}`, { offerId, quantity: "0" }, cookie);
  expect(response.status()).toBe(400);
  expect(await pageText(response)).toContain("La quantité doit être d'au moins 1.");
  await expectEmptyCart(request, distributionId, cookie);
});

test("the catalogue search refuses more than 80 characters with 400 and the French message", async ({ request, page }) => {
  const { distributionId } = await openQuayDistribution(request);
  const tooLong = await request.get(`/distributions/${distributionId}?q=${"m".repeat(81)}`);
  expect(tooLong.status()).toBe(400);
  expect(await pageText(tooLong)).toContain("La recherche est trop longue (80 caractères au plus).");

  const longest = await request.get(`/distributions/${distributionId}?q=${"m".repeat(80)}`);
  expect(longest.status()).toBe(200);
  expect(await pageText(longest)).not.toContain("La recherche est trop longue");

  const response = await page.goto(`/distributions/${distributionId}?q=${encodeURIComponent("maquereau ".repeat(9))}`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText("La recherche est trop longue (80 caractères au plus).");
});

test("the donation forms refuse bad input through the real server with 400 and a French message, and change nothing", async ({ request }) => {
  const fisher = sessionCookieOf(await logIn(request, "pecheur@terre-et-mer.test", "demo-terre-et-mer"));
  expect(fisher).toBeTruthy();
  const refusedLot = `Lot refusé ${Date.now()}`;
  const publish = await postForm(
    request,
    "/producteur/dons/nouveau",
    { productName: refusedLot, quantity: "-3", unit: "kg", storage: "ambient", pickupStart: "2030-01-02T09:00", pickupEnd: "2030-01-02T12:00", costPrice: "2" },
    fisher,
  );
  expect(publish.status()).toBe(400);
  expect(await pageText(publish)).toContain("La quantité doit être supérieure à 0.");
  expect(await pageText(await request.get("/producteur/dons", { headers: { cookie: fisher! } }))).not.toContain(refusedLot);

  const charity = sessionCookieOf(await logIn(request, "association@terre-et-mer.test", "demo-terre-et-mer"));
  expect(charity).toBeTruthy();
  const settings = await postForm(request, "/association/reglages", { storesAmbient: "on", collectionWeekdays: "1", collectionFrom: "25:00", collectionTo: "18:00" }, charity);
  expect(settings.status()).toBe(400);
  expect(await pageText(settings)).toContain("Heure de début de collecte : une heure au format HH:MM, par exemple 09:00.");
  // The demo charity still collects every day from 08:00.
  const page = await pageText(await request.get("/association/reglages", { headers: { cookie: charity! } }));
  expect(page).toContain('value="08:00"');
});
