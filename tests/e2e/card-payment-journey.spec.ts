import { expect, test, type Page } from "@playwright/test";
import { DEMO_PRODUCTS } from "~/demo/demo-territory";
import { formatEuros } from "~/domain/money";
import { expectAccessible, failOnConsoleErrors, logIn, logOut } from "./helpers";
import { waitForEmail } from "./mailbox";
import { addFromCatalogue, nextOpenQuayDistribution } from "./shop";

/**
 * Issue 11, card payment on a phone: a resident pays a land & sea basket by « Carte bancaire en
 * ligne » on the payment page (the journeys' Stripe double stands in for Stripe Checkout, and
 * delivers its signed events to the app's webhook), comes back confirmed, cancels before the cutoff
 * and is refunded — on the order page and by email; then pays a second order, which the fisher's
 * pickup sheet shows as paid online, with nothing left to take at the stall.
 */

const BASKET = "Panier terre & mer";
const euros = (cents: number) => formatEuros(cents, "fr");

function priceOf(name: string): number {
  const product = DEMO_PRODUCTS.find((candidate) => candidate.name === name);
  if (!product) throw new Error(`Produit absent du territoire de démonstration : ${name}`);
  return product.priceCents;
}

/** From the catalogue to Stripe's page and back: the order page of a paid, confirmed order. */
async function payBasketByCard(page: Page, distributionId: string): Promise<{ orderPath: string; orderNumber: string }> {
  await page.goto(`/distributions/${distributionId}`);
  await addFromCatalogue(page, BASKET);
  await page.goto(`/panier/${distributionId}`);
  await page.getByRole("group", { name: "Créneau de retrait" }).getByRole("radio").first().check();
  // Where Stripe is configured, card online comes first and is chosen; the stall's ways are the other choice.
  await expect(page.getByRole("radio", { name: /^Carte bancaire en ligne/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /^Paiement au retrait/ })).not.toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: /^(Confirmer la commande|Payer)/ }).click();

  // Stripe's payment page (here the double's): the amount, then « Payer ».
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:2598\/c\/pay\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Payer ${euros(priceOf(BASKET))}`);
  await page.getByRole("button", { name: "Payer" }).click();

  // Back on the site: confirmed, whether the webhook or the return page's question to Stripe came first.
  await expect(page).toHaveURL(/\/commandes\/[\w-]+\?paiement=retour$/);
  await expect(page.getByText(/Paiement reçu : votre commande est confirmée\.|Nous attendons la confirmation de votre banque/)).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(`Payé en ligne : ${euros(priceOf(BASKET))}`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const orderNumber = (await page.getByRole("heading", { level: 1 }).innerText()).match(/n° (\d+)/)?.[1];
  expect(orderNumber).toBeTruthy();
  return { orderPath: new URL(page.url()).pathname, orderNumber: orderNumber! };
}

test("a resident pays a land & sea basket by card, is confirmed, cancels before the cutoff and is refunded; the fisher's pickup sheet shows another card-paid order as paid online", async ({ page, request }) => {
  test.setTimeout(150_000);
  const consoleErrors = failOnConsoleErrors(page);
  const distribution = await nextOpenQuayDistribution(request);
  const startedAt = Date.now();
  const email = `paul.carte.${Date.now()}${Math.random().toString(36).slice(2, 8)}@exemple.fr`;

  // A new resident: a card payment answers for them, no confirmed address needed before paying.
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Paul Carte");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("un mot de passe solide");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page).toHaveURL("/");

  // 1. Pays the basket by card and is confirmed, by email too.
  const first = await payBasketByCard(page, distribution.id);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`n° ${first.orderNumber}`);
  await expectAccessible(page);
  const confirmation = await waitForEmail(email, new RegExp(`^Commande n° ${first.orderNumber} confirmée`), { since: startedAt });
  expect(confirmation.text).toContain(euros(priceOf(BASKET)));

  // 2. Changes their mind before the cutoff: cancelled, and refunded to the card.
  await page.getByRole("button", { name: "Annuler la commande" }).click();
  await expect(page.getByText("Commande annulée. Le stock a été rendu aux producteurs.")).toBeVisible();
  // The refund goes to Stripe from a job; the page says it is on its way, then done.
  await expect(async () => {
    await page.goto(first.orderPath);
    await expect(page.getByText(new RegExp(`Remboursé le .+ : ${euros(priceOf(BASKET))} \\(commande annulée\\)`))).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  // Each refund has its credit note.
  await expect(page.getByRole("link", { name: /^Avoir n° A-\d+$/ })).toBeVisible();
  await expectAccessible(page);
  const cancelled = await waitForEmail(email, new RegExp(`^Commande n° ${first.orderNumber} annulée$`), { since: startedAt });
  expect(cancelled.text).toContain(`Remboursement : ${euros(priceOf(BASKET))} sur votre carte, visible sous 5 à 10 jours.`);

  // 3. Orders the basket again, paid by card: the fisher's pickup sheet shows it paid online.
  const second = await payBasketByCard(page, distribution.id);
  await logOut(page);
  await logIn(page, "pecheur@terre-et-mer.test");
  await page.goto(`/producteur/preparation/${distribution.id}?vue=retrait`);
  const card = page.locator("article").filter({ has: page.getByRole("heading", { name: new RegExp(`^N° ${second.orderNumber} — `) }) });
  await expect(card).toContainText(`Payé en ligne : ${euros(priceOf(BASKET))}`);
  await expect(card).not.toContainText(/Reste à payer : [1-9]/);
  // The first order, cancelled, is not on the sheet.
  await expect(page.getByRole("heading", { name: new RegExp(`^N° ${first.orderNumber} — `) })).toHaveCount(0);
  await expectAccessible(page);

  expect(consoleErrors).toEqual([]);
});
