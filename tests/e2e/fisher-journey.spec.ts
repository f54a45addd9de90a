import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { expectAccessible, failOnConsoleErrors, logIn, logOut, openSiteNav } from "./helpers";

const QUAY = "Quai Henri IV — étal des pêcheurs";
const CATCH = "Saint-Jacques de la marée du jour";
/** The e2e server's embedded PostgreSQL (playwright.config.ts): the test moves the clock past the cutoff there. */
const E2E_DATABASE_URL = "postgresql://terre_et_mer:terre_et_mer_local@127.0.0.1:54341/terre_et_mer";

type ApiDistribution = { id: string; pickupPoint: { name: string }; start: string; status: string };

/** Friday at the quay: the next quay distribution open for orders. */
async function nextOpenQuayDistribution(request: APIRequestContext): Promise<ApiDistribution> {
  const response = await request.get("/api/v1/distributions");
  expect(response.status()).toBe(200);
  const { distributions } = (await response.json()) as { distributions: ApiDistribution[] };
  const next = distributions.filter((distribution) => distribution.pickupPoint.name === QUAY && distribution.status === "open").sort((a, b) => a.start.localeCompare(b.start))[0];
  if (!next) throw new Error("Aucune distribution ouverte au quai dans le territoire de démonstration.");
  return next;
}

/**
 * Time passes: the distribution's orders close, as the clock would do on Wednesday at 20:00. The
 * returned function puts the real cutoff back, for the journeys that run after this one.
 */
async function passTheCutoff(distributionId: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    const before = await client.query<{ cutoffAt: Date }>(`SELECT "cutoffAt" FROM "Distribution" WHERE id = $1`, [distributionId]);
    const result = await client.query(`UPDATE "Distribution" SET "cutoffAt" = GREATEST("opensAt", now() - interval '1 minute') WHERE id = $1`, [distributionId]);
    expect(result.rowCount).toBe(1);
    const cutoffAt = before.rows[0]!.cutoffAt;
    return async () => {
      const restore = new pg.Client({ connectionString: E2E_DATABASE_URL });
      await restore.connect();
      await restore.query(`UPDATE "Distribution" SET "cutoffAt" = $2 WHERE id = $1`, [distributionId, cutoffAt]).finally(() => restore.end());
    };
  } finally {
    await client.end();
  }
}

test("the demo fisher sells the morning's scallops, weighs the customer's 2 kg at 2.1 kg, hands them over and is paid, weighs again at 1.95 kg and confirms what he gives back; the customer sees the final amount and what is owed back", async ({ page, request }) => {
  test.setTimeout(180_000);
  const consoleErrors = failOnConsoleErrors(page);
  const distribution = await nextOpenQuayDistribution(request);

  // 1. The fisher describes the catch: scallops from 27.7.d, dredged, sold by weight at 24 €/kg.
  await logIn(page, "pecheur@terre-et-mer.test");
  await (await openSiteNav(page)).getByRole("link", { name: "Espace producteur" }).click();
  await expect(page).toHaveURL("/producteur");
  await expectAccessible(page);
  await page.goto("/producteur/produits/nouveau");
  await expectAccessible(page);
  await page.getByLabel("Nom", { exact: true }).fill(CATCH);
  await page.getByLabel("Catégorie").selectOption({ label: "Coquillages & céphalopodes" });
  await page.getByLabel("Référence (facultatif)").fill("SJ-MAREE");
  await page.getByLabel("Prix TTC en euros").fill("24");
  await page.getByLabel("Unité de vente").selectOption({ label: "kg" });
  await page.getByLabel(/^Poids variable/).check();
  await page.getByRole("checkbox", { name: /Mollusques/ }).check();
  await page.getByLabel("Dénomination commerciale").fill("Coquille Saint-Jacques");
  await page.getByLabel("Nom scientifique").fill("Pecten maximus");
  await page.getByLabel("Méthode de production").selectOption({ label: "Pêché en mer" });
  await page.getByLabel("Zone de capture (division FAO)").selectOption({ value: "27.7.d" });
  await page.getByLabel("Engin de pêche").selectOption({ value: "dredges" });
  await page.getByRole("group", { name: "Décongelé" }).getByRole("radio", { name: "Non" }).check();
  await page.getByRole("button", { name: "Créer le produit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Modifier « ${CATCH} »`);
  await expectAccessible(page);

  // 2. …and puts 40 kg on sale for Friday at the quay.
  await page.goto(`/producteur/ventes/${distribution.id}`);
  await expectAccessible(page);
  const choice = await page.locator("#add-product option", { hasText: CATCH }).getAttribute("value");
  await page.locator("#add-product").selectOption(choice ?? "");
  await page.locator("#add-stock").fill("40");
  await page.getByRole("button", { name: "Mettre en vente" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${CATCH} est en vente.` })).toBeVisible();
  await expectAccessible(page);
  await logOut(page);

  // 3. A resident orders 2 kg of it. (Another app process may show the catalogue of a second ago.)
  await logIn(page, "client@terre-et-mer.test");
  await expect(async () => {
    await page.goto(`/distributions/${distribution.id}?q=${encodeURIComponent("marée du jour")}`);
    await expect(page.getByLabel(`Quantité de ${CATCH}`, { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByLabel(`Quantité de ${CATCH}`, { exact: true }).fill("2");
  await page.getByRole("button", { name: `Ajouter ${CATCH}`, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ajouté au panier." })).toBeVisible();
  await page.goto(`/panier/${distribution.id}`);
  await page.getByRole("group", { name: "Créneau de retrait" }).getByRole("radio").first().check();
  // Card online is offered first where Stripe is configured (the journeys' server is): this resident pays at pickup.
  await page.getByRole("radio", { name: /^Paiement au retrait/ }).check();
  await page.getByRole("button", { name: /^Confirmer la commande — / }).click();
  await expect(page).toHaveURL(/\/commandes\/[\w-]+\?confirmee=1$/);
  const orderPath = new URL(page.url()).pathname;
  const orderNumber = (await page.getByRole("heading", { level: 1 }).innerText()).match(/n° (\d+)/)?.[1];
  expect(orderNumber).toBeTruthy();
  // Sold by weight: before weighing, the customer sees the most it can cost (48 € + 10 %).
  await expect(page.getByText("Vendu au poids : au plus 52,80 € après pesée")).toBeVisible();
  await expectAccessible(page);
  await logOut(page);

  // 4. Wednesday 20:00 passes: orders are closed, preparation opens.
  const restoreCutoff = await passTheCutoff(distribution.id);
  try {
    // 5. The fisher weighs the customer's scallops: 2.1 kg, that is 50.40 € (under the cap).
    await logIn(page, "pecheur@terre-et-mer.test");
    await page.goto(`/producteur/preparation/${distribution.id}`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Par client" }).click();
    await expect(page).toHaveURL(/vue=colisage/);
    const packingCard = page.locator("article").filter({ has: page.getByRole("heading", { name: new RegExp(`^N° ${orderNumber} — `) }) });
    await packingCard.getByLabel(`Poids pesé, en kg : ${CATCH}`).fill("2,1");
    await packingCard.getByRole("button", { name: "Enregistrer la pesée" }).click();
    await expect(page.getByText("Pesée enregistrée : 2,1 kg, soit 50,40 €.")).toBeVisible();
    await expectAccessible(page);

    // 6. The pickup sheet, printed: on paper only the sheet, without the site's navigation.
    await page.getByRole("link", { name: "Feuille de retrait" }).click();
    await expect(page).toHaveURL(/vue=retrait/);
    const card = page.locator("article").filter({ has: page.getByRole("heading", { name: new RegExp(`^N° ${orderNumber} — `) }) });
    await expect(card).toContainText(`${CATCH} — pesé 2,1 kg : 50,40 €`);
    await expect(card).toContainText("Reste à payer : 50,40 €");
    await expectAccessible(page);
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute("data-printed", "yes");
    });
    await page.getByRole("button", { name: "Imprimer" }).click();
    await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");
    // On paper: the sheet's table (a row per order, with a box to tick and room to sign), not the quay's cards and buttons.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeHidden();
    const sheet = page.getByTestId("pickup-sheet");
    await expect(sheet).toBeVisible();
    const row = sheet.getByRole("row").filter({ has: page.getByRole("cell", { name: String(orderNumber), exact: true }) });
    await expect(row).toContainText(`${CATCH} — pesé 2,1 kg : 50,40 €`);
    await expect(row.getByTestId("tick-box")).toBeVisible();
    await expect(card).toBeHidden();
    await expect(card.getByRole("button", { name: "Remise au client" })).toBeHidden();
    await page.emulateMedia({ media: "screen" });
    await expect(sheet).toBeHidden();
    await expect(card).toBeVisible();

    // 7. On the quay: handed over, paid in cash.
    await card.getByRole("button", { name: "Remise au client" }).click();
    await expect(card.getByRole("heading")).toContainText("Retirée");
    await expect(card.getByLabel(`Encaisser pour la commande n° ${orderNumber} — Montant reçu (€)`)).toHaveValue("50,40");
    await card.getByRole("button", { name: "Espèces" }).click();
    await expect(card).toContainText("Tout est payé.");
    await expect(card).toContainText("Espèces : 50,40 €");
    await expectAccessible(page);

    // 7b. The scale was off: weighed again, 1,95 kg (46,80 €). She has paid 50,40 €: the weight is
    // saved only once the fisher confirms he will give 3,60 € back.
    await page.getByRole("link", { name: "Par client" }).click();
    const weighing = page.locator("article").filter({ has: page.getByRole("heading", { name: new RegExp(`^N° ${orderNumber} — `) }) });
    await weighing.getByLabel(`Poids pesé, en kg : ${CATCH}`).fill("1,95");
    const errorsBefore = consoleErrors.length;
    await weighing.getByRole("button", { name: "Enregistrer la pesée" }).click();
    await expect(weighing.getByRole("alert")).toHaveText("Ce client a déjà payé 50,40 € ; à ce poids sa part passe à 46,80 €. Confirmez que vous lui rendrez 3,60 € pour enregistrer cette pesée.");
    await expect(weighing).toContainText("pesé 2,1 kg : 50,40 €");
    // The refusal is the page's 409 answer, which the browser logs: that one, and nothing else.
    expect(consoleErrors.splice(errorsBefore)).toEqual([expect.stringMatching(/Failed to load resource: the server responded with a status of 409 \(Conflict\)$/)]);
    await expectAccessible(page);
    await weighing.getByRole("checkbox", { name: "Je rendrai 3,60 € au client" }).check();
    await weighing.getByRole("button", { name: "Enregistrer la pesée" }).click();
    await expect(weighing.getByRole("status")).toHaveText("Pesée enregistrée : 1,95 kg, soit 46,80 €. Déjà payé : rendez 3,60 € au client.");
    await expect(weighing).toContainText("pesé 1,95 kg : 46,80 €");
    // The pickup sheet says once, with its reason, what to give back.
    await page.getByRole("link", { name: "Feuille de retrait" }).click();
    await expect(card).toContainText("Montant dû : 46,80 € · Déjà payé : 50,40 €");
    await expect(card.getByText(/rendre/)).toHaveText(["À rendre au client (pesée plus légère après paiement) : 3,60 €"]);
    await expectAccessible(page);
    await logOut(page);

    // 8. The customer sees what they paid for: the weight, the final amount and what they get back.
    await logIn(page, "client@terre-et-mer.test");
    await page.goto(orderPath);
    await expect(page.getByText("Pesé : 1,95 kg")).toBeVisible();
    await expect(page.getByRole("row", { name: /^Montant final/ })).toContainText("46,80 €");
    await expect(page.getByText("À vous rendre au retrait : 3,60 €. Un produit pesé est plus léger que ce que vous aviez déjà payé.")).toBeVisible();
    await expect(page.getByText("Montant à la commande : 48,00 €")).toBeVisible();
    await expectAccessible(page);
  } finally {
    await restoreCutoff();
  }

  expect(consoleErrors).toEqual([]);
});
