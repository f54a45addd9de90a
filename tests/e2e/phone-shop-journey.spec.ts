import { expect, test } from "@playwright/test";
import { DEMO_PRODUCTS } from "~/demo/demo-territory";
import { formatEuros } from "~/domain/money";
import { expectAccessible, failOnConsoleErrors, openSiteNav } from "./helpers";
import { waitForLink } from "./mailbox";
import { addFromCatalogue, findOnCatalogue, nextOpenQuayDistribution, QUAY } from "./shop";

/**
 * Issue 10, the shop on a phone (the config's Pixel 5): a visitor chooses where they collect on the
 * map, fills a cart with a basket and a fish sold by weight without an account, signs up (a refused
 * first try shows its error summary in view and focused), finds the same cart with the header's
 * total right, checks out and takes the pickup into their calendar. Then the same pages at a
 * desktop's size: axe finds no serious or critical violation at either size.
 */

const COMMUNE = "Dieppe";
const BASKET = "Panier de la mer";
const FISH = "Plie (carrelet) entière";

function demoProduct(name: string) {
  const product = DEMO_PRODUCTS.find((candidate) => candidate.name === name);
  if (!product) throw new Error(`Produit absent du territoire de démonstration : ${name}`);
  return product;
}

const euros = (cents: number) => formatEuros(cents, "fr");

test("a visitor chooses their pickup point on the map, fills a cart with a basket and a fish sold by weight, signs up, finds the same cart, checks out and takes the pickup into their calendar", async ({ page, request }) => {
  test.setTimeout(150_000);
  const consoleErrors = failOnConsoleErrors(page);
  const distribution = await nextOpenQuayDistribution(request);
  const basket = demoProduct(BASKET);
  const fish = demoProduct(FISH);
  if (fish.estimatedWeightGrams === undefined) throw new Error(`${FISH} n'est plus vendu au poids dans la démo`);
  // A basket and one fish: the fish's estimate is its price per piece, its final price set at the scale.
  const estimatedTotal = basket.priceCents + fish.priceCents;

  // 1. The home asks where the visitor collects, on a map and a list.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Choisissez votre point de retrait" })).toBeVisible();
  const map = page.getByRole("region", { name: "Carte des points de retrait" });
  await expect(map).toBeVisible();
  await expectAccessible(page);
  const marker = map.getByRole("button", { name: `Choisir ${QUAY}, ${COMMUNE}` });
  await marker.click();

  // 2. That place's next dates: the quay's next open distribution leads to its catalogue.
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^Près de chez vous : `) })).toBeVisible();
  await expectAccessible(page);
  await page.locator(`a[href="/distributions/${distribution.id}"]`).first().click();
  await expect(page).toHaveURL(`/distributions/${distribution.id}`);
  await expect(page.getByRole("heading", { level: 1, name: QUAY })).toBeVisible();
  // On a phone the first screen shows products, not the filters.
  await expect(page.getByTestId("offer-card").first()).toBeInViewport();
  await expectAccessible(page);

  // 3. A basket and a fish sold by weight, as a visitor: the fish reads like the stall's blackboard.
  await addFromCatalogue(page, BASKET);
  const fishCard = await findOnCatalogue(page, FISH);
  const perKg = Math.round((fish.priceCents * 1000) / fish.estimatedWeightGrams);
  await expect(fishCard.getByTestId("offer-price")).toHaveText(`environ ${fish.estimatedWeightGrams} g · ${euros(perKg)}/kg · environ ${euros(fish.priceCents)}`);
  await addFromCatalogue(page, FISH);
  // The header shows the cart at once: two articles, an estimated total (the fish is weighed later).
  const headerCart = page.locator("header").getByRole("link", { name: /^(Panier · )?2 · / });
  await expect(headerCart).toContainText(euros(estimatedTotal));
  await expect(headerCart).toContainText("≈");
  await expectAccessible(page);

  // 4. The product page says what is bought where.
  await fishCard.getByRole("link", { name: FISH, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: FISH })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(QUAY);
  await expectAccessible(page);

  // 5. The cart, as a visitor: ordering asks for an account, and the cart will follow.
  await headerCart.click();
  await expect(page).toHaveURL(`/panier/${distribution.id}`);
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-total")).toContainText(euros(estimatedTotal));
  await expect(page.getByRole("heading", { name: "Créer un compte ou se connecter pour commander" })).toBeVisible();
  await expectAccessible(page);

  // 6. Sign up, from the site's menu. A first try with a short password is refused: its error
  // summary comes into view and takes the focus, on a phone's screen.
  await (await openSiteNav(page)).getByRole("link", { name: "Créer un compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Créer un compte" })).toBeVisible();
  const email = `visiteur.quai.${Date.now()}${Math.random().toString(36).slice(2, 6)}@exemple.fr`;
  const signedUpAt = Date.now();
  await page.getByLabel("Nom et prénom").fill("Marin Visiteur");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("court");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  const summary = page.getByRole("group", { name: "Le formulaire n'a pas été enregistré" });
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expectAccessible(page);
  await page.getByLabel("Mot de passe").fill("un mot de passe solide");
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  // 7. Back on the cart, kept, and said so; the header's total unchanged.
  await expect(page).toHaveURL(new RegExp(`/panier/${distribution.id}`));
  await expect(page.getByRole("status").filter({ hasText: "Votre panier a été conservé : 2 articles." })).toBeVisible();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-line").filter({ hasText: BASKET })).toHaveCount(1);
  await expect(page.getByTestId("cart-line").filter({ hasText: FISH })).toHaveCount(1);
  await expect(headerCart).toContainText(euros(estimatedTotal));
  await expectAccessible(page);

  // 8. A first order paid at pickup needs a confirmed address (decision 019): the welcome email's link.
  const confirmationLink = await waitForLink(email, "/verifier-email/", { since: signedUpAt });
  await page.goto(confirmationLink);
  await page.getByRole("button", { name: "Confirmer mon adresse e-mail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre adresse e-mail est confirmée. Merci !" })).toBeVisible();

  // 9. Checkout, paid at pickup.
  await headerCart.click();
  await expect(page.getByTestId("cart-total")).toContainText(euros(estimatedTotal));
  await page.getByRole("group", { name: "Créneau de retrait" }).getByRole("radio").first().check();
  // Card online is offered first where Stripe is configured (the journeys' server is): this resident pays at pickup.
  await page.getByRole("radio", { name: /^Paiement au retrait/ }).check();
  await page.getByRole("button", { name: /^Confirmer la commande/ }).click();
  await expect(page).toHaveURL(/\/commandes\/[\w-]+\?confirmee=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Commande n° \d+ — Confirmée$/);
  await expect(page.getByRole("main")).toContainText(QUAY);
  // The cart is now empty: the header no longer shows it.
  await expect(page.locator("header").getByRole("link", { name: /^(Panier · )?\d+ · / })).toHaveCount(0);
  await expectAccessible(page);

  // 10. « Ajouter à mon agenda » downloads the pickup as an .ics file.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ajouter à mon agenda" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^terre-et-mer-commande-\d+\.ics$/);
  const ics = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("BEGIN:VEVENT");
  expect(ics.replace(/\r\n[ \t]/g, "")).toContain(`LOCATION:${QUAY}`);

  // The browser logs the refused sign-up's 400; nothing else may go wrong.
  expect(consoleErrors.filter((error) => !/status of 400 \(Bad Request\)$/.test(error))).toEqual([]);
});

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

  test("at a desktop's size the zoomed map (Leaflet, no tiles) still chooses a point with the keyboard, and the shop's pages have no serious or critical accessibility violation", async ({ page, request }) => {
    test.setTimeout(120_000);
    const consoleErrors = failOnConsoleErrors(page);
    const distribution = await nextOpenQuayDistribution(request);
    await page.goto("/");
    await expectAccessible(page);
    // Zooming starts the Leaflet map: with no tile server (as here) its markers still show on a
    // plain background, keyboard buttons with the same names, and choosing one chooses that point.
    const map = page.getByRole("region", { name: "Carte des points de retrait" });
    await map.getByRole("button", { name: "Agrandir la carte" }).click();
    const marker = map.locator(".leaflet-marker-pane").getByRole("button", { name: `Choisir ${QUAY}, ${COMMUNE}` });
    await expect(marker).toBeVisible();
    await expectAccessible(page);
    await marker.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: /^Près de chez vous : / })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/distributions/${distribution.id}`);
    await expectAccessible(page);
    const card = await addFromCatalogue(page, BASKET);
    await card.getByRole("link", { name: BASKET, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: BASKET })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/panier/${distribution.id}`);
    await expect(page.getByTestId("cart-line")).toHaveCount(1);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  });
});
