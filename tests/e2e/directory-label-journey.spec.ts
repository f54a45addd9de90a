import { expect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { validityInstant } from "~/domain/label/label-badge";
import { longDate } from "~/ui/format";
import { expectAccessible, failOnConsoleErrors } from "./helpers";
import { QUAY } from "./shop";

/**
 * Issue 12, the directory and the label as a visitor with no account, on a phone (the config's
 * Pixel 5): a search for a product near Dieppe, narrowed to the label, kept in the URL; a producer's
 * page says where to collect this week and leads to that catalogue; a label number read on a
 * product page checks out on its verification page, an expired one reads as expired, an unknown one
 * is not found. Axe finds no serious or critical violation. Then the directory with the keyboard
 * alone, focus visible at every step.
 */

/** The e2e server's embedded PostgreSQL (playwright.config.ts): the journey reads the demo's labels there, as the fisher's journey reads its distribution. */
const E2E_DATABASE_URL = "postgresql://terre_et_mer:terre_et_mer_local@127.0.0.1:54341/terre_et_mer";

const PRODUCT = "Sole commune";
const PRODUCER = "Le Pourquoi-Pas — pêche côtière";
/** Sells sole in Dieppe too, without the label. */
const UNLABELLED_PRODUCER = "L'Estran — ligneurs du Pollet";
const EXPIRED_PRODUCT = "Beurre doux de baratte (250 g)";
const UNKNOWN_NUMBER = "DM-2019-0999";
/** « Près de Dieppe »: the directory's radius around the commune. */
const RADIUS_KM = 20;
const DIEPPE_INSEE = "76217";

type GrantedLabel = { number: string; product: string; holder: string; commune: string | null; validFrom: Date; validUntil: Date; expired: boolean };

/** The demo's granted labels as the database holds them: the expired one is shown nowhere a visitor could read its number. */
async function grantedLabels(): Promise<GrantedLabel[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<GrantedLabel>(
      `SELECT l.number, p.name AS product, o.name AS holder, c.name AS commune, l."validFrom", l."validUntil", l."validUntil" <= now() AS expired
       FROM "Label" l
       JOIN "Product" p ON p.id = l."productId"
       JOIN "Organisation" o ON o.id = p."producerId"
       LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee"
       WHERE l.status = 'GRANTED' AND l.number IS NOT NULL`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

function labelOf(labels: GrantedLabel[], product: string): GrantedLabel {
  const label = labels.find((candidate) => candidate.product === product);
  if (!label) throw new Error(`Pas de label accordé pour « ${product} » dans la démo : ${labels.map((candidate) => candidate.product).join(", ")}`);
  return label;
}

/** The names of the results listed, in their order. */
async function resultNames(page: Page): Promise<string[]> {
  return page.getByTestId("directory-result").getByRole("heading", { level: 3 }).allInnerTexts();
}

/** What the URL holds of the search: the words, the commune searched around (by its name), the radius, the label filter. */
function searchOf(page: Page) {
  const params = new URL(page.url()).searchParams;
  // The form sends the commune's INSEE code; a link may name it by its URL word.
  const around = params.get("pres");
  return { q: params.get("q"), near: around === DIEPPE_INSEE || around === "dieppe" ? "Dieppe" : around, km: params.get("km"), label: params.get("label") };
}

/** Every result says how far it is, within the radius, nearest first. */
async function expectNearestFirst(page: Page) {
  const results = page.getByTestId("directory-result");
  const distances = await results.getByTestId("directory-distance").allInnerTexts();
  expect(distances).toHaveLength(await results.count());
  const km = distances.map((text) => {
    if (text.includes("moins d'1 km")) return 0;
    const found = /à (\d+) km/.exec(text);
    if (!found) throw new Error(`Distance illisible : « ${text} »`);
    return Number(found[1]);
  });
  expect(km).toEqual([...km].sort((a, b) => a - b));
  for (const each of km) expect(each).toBeLessThanOrEqual(RADIUS_KM);
}

/** The verification page's facts, as a term and its description. */
function fact(page: Page, term: string): Locator {
  return page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
}

/** The 404 of the unknown number is logged by the browser; nothing else may go wrong. */
const notFoundLogged = /status of 404 \(Not Found\)$/;

test("a visitor finds sole near Dieppe, keeps the labelled producer, sees where to collect it this week, goes to that catalogue, and checks the label of the product: valid, an expired one expired, an unknown one not found", async ({ page, request }) => {
  test.setTimeout(120_000);
  const consoleErrors = failOnConsoleErrors(page);
  const labels = await grantedLabels();
  const sole = labelOf(labels, PRODUCT);
  const expired = labelOf(labels, EXPIRED_PRODUCT);
  expect(sole.expired, "le label de la sole doit être valide dans la démo").toBe(false);
  expect(expired.expired, "le label du beurre doit être échu dans la démo").toBe(true);

  // 1. The directory: sole, near Dieppe (up to 20 km), nearest first.
  await page.goto("/annuaire");
  await expect(page.getByRole("heading", { level: 1, name: "L'annuaire : qui fait quoi près de chez vous" })).toBeVisible();
  const search = page.getByRole("search");
  const words = search.getByRole("searchbox", { name: "Nom ou produit" });
  const commune = search.getByLabel("Commune", { exact: true });
  const radius = search.getByLabel("Autour de la commune");
  const labelOnly = search.getByRole("checkbox", { name: "Label « Produit local Dieppe Maritime » seulement" });
  await words.fill("sole");
  await commune.selectOption({ label: "Dieppe" });
  await radius.selectOption({ label: `Jusqu'à ${RADIUS_KM} km` });
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect.poll(() => searchOf(page)).toEqual({ q: "sole", near: "Dieppe", km: String(RADIUS_KM), label: null });
  const count = page.getByTestId("directory-count");
  const results = page.getByTestId("directory-result");
  await expect(results.filter({ hasText: UNLABELLED_PRODUCER })).toHaveCount(1);
  await expect(results.filter({ hasText: PRODUCER })).toHaveCount(1);
  const allSole = await resultNames(page);
  await expect(count).toHaveText(`${allSole.length} résultats`);
  await expectNearestFirst(page);
  // The same results on the map: each marker leads to the actor's page.
  const map = page.getByRole("region", { name: "Carte des résultats de l'annuaire" });
  await expect(map.getByRole("link", { name: `${PRODUCER}, Dieppe : voir la page` })).toBeVisible();
  await expect(map.getByRole("link", { name: `${UNLABELLED_PRODUCER}, Dieppe : voir la page` })).toBeVisible();
  await expectAccessible(page);

  // Only the label: the fisher without it leaves the list, the count follows.
  await labelOnly.check();
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect.poll(() => searchOf(page)).toEqual({ q: "sole", near: "Dieppe", km: String(RADIUS_KM), label: "1" });
  await expect(results.filter({ hasText: UNLABELLED_PRODUCER })).toHaveCount(0);
  const labelled = await resultNames(page);
  expect(labelled.length).toBeLessThan(allSole.length);
  expect(labelled).toContain(PRODUCER);
  await expect(count).toHaveText(labelled.length === 1 ? "1 résultat" : `${labelled.length} résultats`);
  await expect(results.filter({ hasText: PRODUCER })).toContainText("Produit local Dieppe Maritime");
  await expectNearestFirst(page);
  await expect(map.getByRole("link", { name: `${UNLABELLED_PRODUCER}, Dieppe : voir la page` })).toHaveCount(0);
  await expect(map.getByRole("link", { name: `${PRODUCER}, Dieppe : voir la page` })).toBeVisible();

  // The search lives in the URL: a reload (or the link, shared) gives the same results and filters.
  const searchUrl = page.url();
  await page.reload();
  expect(page.url()).toBe(searchUrl);
  expect(await resultNames(page)).toEqual(labelled);
  await expect(words).toHaveValue("sole");
  await expect(commune.locator("option:checked")).toHaveText("Dieppe");
  await expect(radius.locator("option:checked")).toHaveText(`Jusqu'à ${RADIUS_KM} km`);
  await expect(labelOnly).toBeChecked();
  await expectAccessible(page);

  // 2. The producer's page: where to collect this week, and the way to that catalogue.
  await results.filter({ hasText: PRODUCER }).getByRole("link", { name: PRODUCER }).click();
  await expect(page).toHaveURL("/producteurs/le-pourquoi-pas");
  await expect(page.getByRole("heading", { level: 1, name: PRODUCER })).toBeVisible();
  await expect(page.getByTestId("producer-labels")).toContainText(`${PRODUCT} — Label n° ${sole.number}`);
  const where = page.getByRole("region", { name: "Où et quand retirer nos produits" });
  await expect(where).toBeVisible();
  // The public API's coming quay distributions: the first one is this week's (weekly, on Fridays).
  const api = await request.get("/api/v1/distributions");
  expect(api.status()).toBe(200);
  const { distributions } = (await api.json()) as { distributions: Array<{ id: string; pickupPoint: { name: string }; start: string; status: string }> };
  const nextAtQuay = distributions.filter((distribution) => distribution.pickupPoint.name === QUAY && distribution.status !== "distribution_cancelled").sort((a, b) => a.start.localeCompare(b.start))[0];
  if (!nextAtQuay) throw new Error("Aucune distribution à venir au quai dans la démo");
  expect(new Date(nextAtQuay.start).getTime() - Date.now()).toBeLessThan(7 * 24 * 3600 * 1000);
  const thisWeek = where.getByRole("listitem").first();
  await expect(thisWeek).toContainText(longDate(nextAtQuay.start, "fr"));
  await expect(thisWeek.getByRole("link", { name: QUAY })).toBeVisible();
  await expect(thisWeek).toContainText("Dieppe");
  await expectAccessible(page);
  await thisWeek.getByRole("link", { name: /^Voir le catalogue et commander/ }).click();
  await expect(page).toHaveURL(`/distributions/${nextAtQuay.id}`);
  await expect(page.getByRole("heading", { level: 1, name: QUAY })).toBeVisible();
  // The producer's products are on this catalogue: the visitor keeps only theirs, the labelled sole among them.
  const filters = page.getByTestId("catalogue-filters");
  if (!(await filters.evaluate((details) => (details as HTMLDetailsElement).open))) await filters.locator("summary").click();
  const producerChoice = page.getByLabel("Producteur", { exact: true });
  const producerOption = producerChoice.locator("option", { hasText: PRODUCER });
  await expect(producerOption).toHaveCount(1);
  await producerChoice.selectOption({ label: (await producerOption.innerText()).trim() });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/[?&]producteur=/);
  const cards = page.getByTestId("offer-card");
  await expect(cards.first()).toBeVisible();
  for (const text of await cards.allInnerTexts()) expect(text).toContain(PRODUCER);
  const soleCard = cards.filter({ has: page.getByRole("link", { name: PRODUCT, exact: true }) });
  await expect(soleCard).toHaveCount(1);
  await expect(soleCard.getByTestId("label-badge")).toHaveAccessibleName(`Label Produit local Dieppe Maritime n° ${sole.number} : le vérifier`);

  // 3. The product page shows the label's number; its verification says valid, holder, product, dates.
  await soleCard.getByRole("link", { name: PRODUCT, exact: true }).click();
  await expect(page).toHaveURL(/\/offres\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();
  const badge = page.getByRole("main").getByRole("link", { name: /^Label Produit local Dieppe Maritime n° / });
  await expect(badge).toHaveCount(1);
  const shown = /n° (DM-\d{4}-\d{4})/.exec(await badge.innerText())?.[1];
  expect(shown, "le numéro lu sur la page du produit").toBe(sole.number);
  await badge.click();
  await expect(page).toHaveURL(`/label/${sole.number}`);
  await expect(page.getByRole("heading", { level: 1, name: `Label n° ${sole.number}` })).toBeVisible();
  await expect(page.getByTestId("label-status")).toContainText("Valide");
  await expect(fact(page, "Titulaire")).toHaveText(`${sole.holder}${sole.commune ? ` (${sole.commune})` : ""}`);
  await expect(fact(page, "Produit")).toHaveText(PRODUCT);
  await expect(fact(page, "Statut")).toHaveText("Valide");
  await expect(fact(page, "Validité")).toHaveText(`du ${validityInstant(sole.validFrom, "fr")} au ${validityInstant(sole.validUntil, "fr")}`);
  await expectAccessible(page);

  // An expired label (the demo's butter, past its year) reads as expired, with the dates it held.
  await page.goto(`/label/${expired.number}`);
  await expect(page.getByRole("heading", { level: 1, name: `Label n° ${expired.number}` })).toBeVisible();
  await expect(page.getByTestId("label-status")).toContainText("Expiré");
  await expect(page.getByTestId("label-status")).not.toContainText("Valide");
  await expect(fact(page, "Produit")).toHaveText(EXPIRED_PRODUCT);
  await expect(fact(page, "Statut")).toHaveText("Expiré");
  await expect(fact(page, "Validité")).toHaveText(`du ${validityInstant(expired.validFrom, "fr")} au ${validityInstant(expired.validUntil, "fr")}`);
  await expectAccessible(page);

  // A number no label bears: a clear not-found page, and the form to try another.
  const notFound = await page.goto(`/label/${UNKNOWN_NUMBER}`);
  expect(notFound?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Aucun label ne porte ce numéro" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText(`Le numéro ${UNKNOWN_NUMBER} ne correspond à aucun label accordé.`);
  await expect(page.getByTestId("label-status")).toHaveCount(0);
  await expectAccessible(page);

  expect(consoleErrors.filter((error) => !notFoundLogged.test(error))).toEqual([]);
});

/** Tabs until `target` has the focus (at most `max` presses), each focused element with a visible focus ring. */
async function tabTo(page: Page, target: Locator, { max = 40, backwards = false } = {}) {
  for (let press = 0; press < max; press++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await target.evaluate((element) => element === document.activeElement)) {
      await expectFocusVisible(target);
      return;
    }
  }
  throw new Error(`${max} tabulations sans atteindre ${target}`);
}

/** The house's focus ring (`:focus-visible`: a 3 px amber outline, app/tailwind.css) is drawn on the focused element. */
async function expectFocusVisible(target: Locator) {
  const ring = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { focusVisible: element.matches(":focus-visible"), outline: `${style.outlineStyle} ${style.outlineWidth}` };
  });
  expect(ring.focusVisible, "l'élément a le focus visible").toBe(true);
  expect(ring.outline).not.toMatch(/^none|\b0px$/);
}

test.describe("with the keyboard alone", () => {
  // A keyboard is a desktop's: the same page at a desktop's size, no mouse, no touch.
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

  test("the directory with the keyboard alone: skip to the content, type a product, choose the commune, the radius and the label, search with Enter, open a result with Enter, focus visible all along", async ({ page }) => {
    const consoleErrors = failOnConsoleErrors(page);
    await page.goto("/annuaire");
    await expect(page.getByRole("heading", { level: 1, name: "L'annuaire : qui fait quoi près de chez vous" })).toBeVisible();

    // The first Tab reaches the skip link; Enter takes the focus past the header.
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await tabTo(page, skip, { max: 1 });
    await page.keyboard.press("Enter");

    const search = page.getByRole("search");
    const field = search.getByRole("searchbox", { name: "Nom ou produit" });
    await tabTo(page, field, { max: 5 });
    await page.keyboard.type("sole");

    const commune = search.getByLabel("Commune", { exact: true });
    await tabTo(page, commune, { max: 5 });
    // A closed select takes the first letters of an option, as a keyboard user types them.
    await page.keyboard.type("Dieppe");
    await expect(commune.locator("option:checked")).toHaveText("Dieppe");
    // The radius, 20 km unless changed: an arrow key moves to the next choice up, « Jusqu'à 10 km ».
    const radius = search.getByLabel("Autour de la commune");
    await tabTo(page, radius, { max: 3 });
    await expect(radius.locator("option:checked")).toHaveText("Jusqu'à 20 km");
    await page.keyboard.press("ArrowUp");
    await expect(radius.locator("option:checked")).toHaveText("Jusqu'à 10 km");

    const label = search.getByRole("checkbox", { name: "Label « Produit local Dieppe Maritime » seulement" });
    await tabTo(page, label, { max: 5 });
    await page.keyboard.press("Space");
    await expect(label).toBeChecked();

    // Back to the search field, and Enter sends the search.
    await tabTo(page, field, { max: 8, backwards: true });
    await page.keyboard.press("Enter");
    await expect.poll(() => searchOf(page)).toEqual({ q: "sole", near: "Dieppe", km: "10", label: "1" });
    const result = page.getByTestId("directory-result").filter({ hasText: PRODUCER }).getByRole("link", { name: PRODUCER });
    await expect(result).toHaveCount(1);
    // At a desktop's size too, the directory has no serious or critical violation.
    await expectAccessible(page);

    // On to the results, and Enter opens the producer's page.
    await tabTo(page, result, { max: 20 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/producteurs/le-pourquoi-pas");
    await expect(page.getByRole("heading", { level: 1, name: PRODUCER })).toBeVisible();
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  });
});
