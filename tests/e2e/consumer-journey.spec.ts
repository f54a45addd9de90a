import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectInSiteNav, failOnConsoleErrors, openSiteNav } from "./helpers";
import { waitForEmail, waitForLink } from "./mailbox";
import { nextOpenQuayDistribution, QUAY } from "./shop";
import { DEMO_PASSWORD, DEMO_PRODUCTS } from "~/demo/demo-territory";
import { formatEuros } from "~/domain/money";
import { formatParis } from "~/domain/time/paris";

const SEA_BASKET = "Panier de la mer";
const CIDER = "Cidre brut fermier (75 cl)";
const BREAD = "Pain de campagne au levain (800 g)";

function priceOf(name: string): number {
  const product = DEMO_PRODUCTS.find((candidate) => candidate.name === name);
  if (!product) throw new Error(`Produit absent du territoire de démonstration : ${name}`);
  return product.priceCents;
}

function euros(cents: number): string {
  return formatEuros(cents, "fr");
}

async function addToCart(page: Page, product: string, quantity: number, cartCount: number) {
  // The catalogue shows a few dozen offers per page: a resident looks for the others by name.
  if ((await page.getByLabel(`Quantité de ${product}`, { exact: true }).count()) === 0) {
    // On a phone the filters fold away: the resident opens them first.
    const filters = page.getByTestId("catalogue-filters");
    if (!(await filters.evaluate((details) => (details as HTMLDetailsElement).open))) await filters.locator("summary").click();
    await page.getByRole("searchbox", { name: "Rechercher" }).fill(product);
    await page.getByRole("button", { name: "Appliquer" }).click();
    await expect(page.getByRole("status").filter({ hasText: /produit/ })).toBeVisible();
  }
  await page.getByLabel(`Quantité de ${product}`, { exact: true }).fill(String(quantity));
  await page.getByRole("button", { name: `Ajouter ${product}`, exact: true }).click();
  // Each card says it was added, beside its button.
  const card = page.getByTestId("offer-card").filter({ has: page.getByLabel(`Quantité de ${product}`, { exact: true }) });
  await expect(card.getByRole("status")).toHaveText("Ajouté au panier.");
  await expect(page.getByRole("link", { name: `Voir mon panier (${cartCount})` })).toBeVisible();
}

test("a new resident signs up, confirms their address from the welcome email, orders a sea basket and two products at the quay, gets the email, then changes the order", async ({ page, browser, request }) => {
  // A dozen axe scans, two of them on an 80-offer catalogue: slower than the default minute on a busy machine.
  test.setTimeout(150_000);
  const consoleErrors = failOnConsoleErrors(page);
  // An address with no hyphen to break at, as many are: it must still fit a phone screen where it is shown.
  const email = `louise.testeuse.dieppe.${Date.now()}${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
  const name = "Louise Testeuse";
  const distribution = await nextOpenQuayDistribution(request);

  // Sign up.
  const signedUpAt = Date.now();
  await page.goto("/inscription");
  await expect(page.getByRole("heading", { level: 1, name: "Créer un compte" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Nom et prénom").fill(name);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("un mot de passe solide");
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  // Home: the next quay distribution open for orders.
  await expect(page).toHaveURL("/");
  await expectInSiteNav(page, "link", "Mes commandes");
  await expectAccessible(page);
  // The home page links that distribution, with its orders open until the cutoff.
  const distributionLink = page.getByRole("link").and(page.locator(`[href="/distributions/${distribution.id}"]`));
  // The chooser lists communes, each with its points: the innermost item is the point's.
  await expect(page.getByRole("listitem").filter({ has: distributionLink }).last()).toContainText("Commandes jusqu'au");
  await distributionLink.click();
  await expect(page).toHaveURL(`/distributions/${distribution.id}`);
  await expect(page.getByRole("heading", { level: 1, name: QUAY })).toBeVisible();
  await expectAccessible(page);

  // The sea basket's product page, then back to the catalogue.
  await page.getByRole("link", { name: SEA_BASKET, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: SEA_BASKET })).toBeVisible();
  await expectAccessible(page);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: QUAY })).toBeVisible();

  // A sea basket and two products.
  await addToCart(page, SEA_BASKET, 1, 1);
  await addToCart(page, CIDER, 2, 3);
  await addToCart(page, BREAD, 1, 4);
  await expectAccessible(page);

  // Cart and checkout: second slot, payment at pickup.
  const total = priceOf(SEA_BASKET) + 2 * priceOf(CIDER) + priceOf(BREAD);
  await page.getByRole("link", { name: "Voir mon panier (4)" }).click();
  await expect(page).toHaveURL(`/panier/${distribution.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Mon panier" })).toBeVisible();
  await expect(page.getByTestId("cart-total")).toContainText(euros(total));
  // A first order paid at pickup needs a confirmed address: the cart says so before anything is
  // tried, and links to the page that sends a new link.
  const confirmFirst = page.getByRole("alert").filter({ hasText: "Confirmez votre adresse e-mail avant votre première commande payée au retrait" });
  await expect(confirmFirst).toBeVisible();
  await expect(page.getByRole("link", { name: "Demander un nouveau lien" })).toHaveAttribute("href", "/verifier-email");
  await expectAccessible(page);
  // On a phone, each line's name stays readable: it is not squeezed beside the quantity and its buttons.
  for (const product of [SEA_BASKET, CIDER, BREAD]) {
    const line = page.getByRole("listitem").filter({ has: page.getByLabel(`Quantité de ${product}`, { exact: true }) });
    const [lineBox, nameBox] = [await line.boundingBox(), await line.getByText(product, { exact: true }).locator("..").boundingBox()];
    expect(nameBox!.width, `la place du nom « ${product} » sur une ligne de ${lineBox!.width} px`).toBeGreaterThan(lineBox!.width / 2);
  }

  // The link says where the address is waiting to be confirmed, and could send a new link.
  await page.getByRole("link", { name: "Demander un nouveau lien" }).click();
  await expect(page).toHaveURL("/verifier-email");
  await expect(page.getByText(`Votre adresse ${email} n'est pas encore confirmée.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "M'envoyer un nouveau lien" })).toBeVisible();
  await expectAccessible(page);

  // The resident opens the welcome email and follows its link: opening it confirms nothing, the button does.
  const welcome = await waitForEmail(email, /^Bienvenue sur Terre & Mer$/, { since: signedUpAt });
  expect(welcome.text).toContain("Confirmez votre adresse e-mail");
  const confirmationLink = await waitForLink(email, "/verifier-email/", { since: signedUpAt });
  await page.goto(confirmationLink);
  await expect(page.getByRole("heading", { level: 1, name: "Confirmer votre adresse e-mail" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer mon adresse e-mail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre adresse e-mail est confirmée. Merci !" })).toBeVisible();
  await expectAccessible(page);

  // Back to the cart: the notice is gone, the cart kept.
  await page.goto(`/panier/${distribution.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Mon panier" })).toBeVisible();
  await expect(page.getByTestId("cart-total")).toContainText(euros(total));
  await expect(confirmFirst).toHaveCount(0);
  const slot = page.getByRole("group", { name: "Créneau de retrait" }).getByRole("radio").nth(1);
  await slot.check();
  const slotLabel = (await slot.locator("xpath=..").innerText()).trim();
  expect(slotLabel).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
  // Card online is offered first where Stripe is configured (the journeys' server is): this resident pays at pickup.
  await page.getByRole("radio", { name: /^Paiement au retrait/ }).check();
  await page.getByRole("button", { name: `Confirmer la commande — ${euros(total)}` }).click();

  // Confirmation: number, where, when, total.
  await expect(page).toHaveURL(/\/commandes\/[\w-]+\?confirmee=1$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Commande n° \d+ — Confirmée$/);
  const orderNumber = (await heading.innerText()).match(/n° (\d+)/)?.[1];
  expect(orderNumber).toBeTruthy();
  await expect(page.getByRole("status").filter({ hasText: "Commande confirmée : un e-mail récapitulatif vient de partir." })).toBeVisible();
  const details = page.getByRole("definition");
  await expect(details.nth(0)).toContainText(`${QUAY}, Quai Henri IV, 76200 Dieppe`);
  const pickupDay = formatParis(new Date(distribution.start), "fr", "EEEE d MMMM");
  await expect(details.nth(1)).toContainText(new RegExp(`^${pickupDay}, ${slotLabel}$`, "i"));
  await expect(details.nth(2)).toHaveText(`${euros(total)} à régler au retrait`);
  await expect(page.getByRole("row", { name: /^Total TTC/ })).toContainText(euros(total));
  const orderUrl = new URL(page.url()).pathname;
  await expectAccessible(page);

  // The resident receives the order's email.
  const orderEmail = await waitForEmail(email, new RegExp(`^Commande n° ${orderNumber} confirmée — retrait ${pickupDay}$`, "i"), { since: signedUpAt });
  expect(orderEmail.text).toContain(`Paiement : ${euros(total)} à régler au retrait.`);

  // The territory admin sees that email in the outbox.
  const adminContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    const adminConsoleErrors = failOnConsoleErrors(admin);
    await admin.goto("/connexion?redirectTo=/admin/outbox");
    await expectAccessible(admin);
    await admin.getByLabel("Adresse e-mail").fill("admin@terre-et-mer.test");
    await admin.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await admin.getByRole("button", { name: "Se connecter" }).click();
    await expect(admin).toHaveURL("/admin/outbox");
    await expect(admin.getByRole("heading", { level: 1, name: "Boîte d'envoi des courriels" })).toBeVisible();
    const confirmation = admin
      .getByRole("listitem")
      .filter({ hasText: `Destinataire : ${email}` })
      .filter({ hasText: "confirmée" });
    await expect(confirmation).toHaveCount(1);
    await expect(confirmation).toContainText(new RegExp(`Commande n° ${orderNumber} confirmée — retrait ${pickupDay}`, "i"));
    await expectAccessible(admin);
    expect(adminConsoleErrors, adminConsoleErrors.join("\n")).toEqual([]);
  } finally {
    await adminContext.close();
  }

  // Back as the resident: one more bottle of cider; the total follows.
  await page.goto(orderUrl);
  const changedTotal = total + priceOf(CIDER);
  await page.getByLabel(`Quantité de ${CIDER}`, { exact: true }).fill("3");
  await page.getByRole("button", { name: `Modifier ${CIDER}`, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Commande modifiée." })).toBeVisible();
  await expect(page.getByRole("row", { name: /^Total TTC/ })).toContainText(euros(changedTotal));
  await expect(details.nth(2)).toHaveText(`${euros(changedTotal)} à régler au retrait`);
  await expect(page.getByLabel(`Quantité de ${CIDER}`, { exact: true })).toHaveValue("3");
  await expectAccessible(page);

  // Remove the bread: its line disappears, the total follows.
  const finalTotal = changedTotal - priceOf(BREAD);
  await page.getByRole("button", { name: `Retirer cette ligne : ${BREAD}`, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ligne retirée de la commande." })).toBeVisible();
  await expect(page.getByTestId("order-line").filter({ hasText: BREAD })).toHaveCount(0);
  await expect(page.getByTestId("order-line").filter({ hasText: SEA_BASKET })).toHaveCount(1);
  await expect(page.getByRole("row", { name: /^Total TTC/ })).toContainText(euros(finalTotal));
  await expect(details.nth(2)).toHaveText(`${euros(finalTotal)} à régler au retrait`);
  await expectAccessible(page);

  // The list of orders shows it, confirmed, with the new total.
  await (await openSiteNav(page)).getByRole("link", { name: "Mes commandes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes commandes" })).toBeVisible();
  const listed = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Commande n° ${orderNumber}`, exact: true }) });
  await expect(listed).toContainText("Confirmée");
  await expect(listed).toContainText(euros(finalTotal));
  await expectAccessible(page);

  expect(consoleErrors, consoleErrors.join("\n")).toEqual([]);
});
