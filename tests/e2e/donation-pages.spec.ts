import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectInSiteNav, failOnConsoleErrors, logIn, logOut, openSiteNav } from "./helpers";

/**
 * Every page of the donations, as the people who use them see it with the demo's six months of
 * donations: each loads with its heading, and axe finds no serious or critical WCAG 2.1 A/AA
 * violation. (The donation journey walks the pages of a donation as it happens.)
 */

/** The page at `path` answers with exactly this main heading (its own, not any page's), and passes axe. */
async function visit(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page).toHaveURL(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expectAccessible(page);
}

test("the charity's, the workshop's, the donor's and the territory's donation pages are accessible", async ({ page }) => {
  test.setTimeout(180_000);
  const consoleErrors = failOnConsoleErrors(page);

  await logIn(page, "association@terre-et-mer.test");
  await (await openSiteNav(page)).getByRole("link", { name: "Association" }).click();
  await expect(page).toHaveURL("/association");
  await expectAccessible(page);
  await visit(page, "/association/lots", "Lots à réserver");
  await visit(page, "/association/retraits", "Mes retraits");
  await visit(page, "/association/recus", "Dons reçus");
  await expect(page.getByRole("row").filter({ hasText: "Poireaux" })).toBeVisible();
  await visit(page, "/association/factures", "Factures reçues");
  await visit(page, "/association/reglages", "Réglages de l'association");
  await logOut(page);

  await logIn(page, "atelier@terre-et-mer.test");
  await visit(page, "/association/atelier", "Atelier de transformation");
  await page.getByRole("link", { name: "Publier un lot transformé" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publier un lot transformé");
  await expectAccessible(page);
  await page.goto("/association/atelier");
  await page.getByRole("link", { name: /Traçabilité/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Traçabilité");
  await expect(page.getByText("Le Pourquoi-Pas — pêche côtière").first()).toBeVisible();
  await expectAccessible(page);
  await logOut(page);

  await logIn(page, "pecheur@terre-et-mer.test");
  await visit(page, "/producteur/dons", "Mes dons aux associations");
  // The boat's lots of the last six months, the latest given nine days ago.
  await expect(page.getByText("Limande").first()).toBeVisible();
  await visit(page, "/producteur/dons/nouveau", "Publier un lot");
  await visit(page, "/producteur/dons/recapitulatif", "Récapitulatif annuel des dons");
  await logOut(page);

  await logIn(page, "admin@terre-et-mer.test");
  await (await openSiteNav(page)).getByRole("link", { name: "Impact des dons" }).click();
  await expect(page).toHaveURL("/admin/impact");
  await expect(page.locator("[data-impact-total=kg]")).not.toHaveText(/^0\b/);
  await expectAccessible(page);
  await visit(page, "/admin/organisations", "Producteurs à vérifier");
  await logOut(page);

  // A resident who runs a charity applies for it.
  await page.goto("/inscription");
  const email = `benevole-${Date.now()}@exemple.fr`;
  await page.getByLabel("Nom et prénom").fill("Bénévole Épicerie");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("un mot de passe solide");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expectInSiteNav(page, "button", "Se déconnecter");
  await page.getByRole("link", { name: "Association : recevoir des dons" }).click();
  await expect(page).toHaveURL("/devenir-association");
  await expectAccessible(page);
  await page.getByLabel("Nom de l'association").fill("Épicerie solidaire du Pollet");
  await page.getByLabel("Numéro RNA").fill("w 763 009 876");
  await page.getByLabel("Commune").selectOption({ label: "Dieppe (76200)" });
  await page.getByLabel("Adresse du local").fill("Rue du Pollet, Dieppe");
  await page.getByLabel("E-mail de contact").fill(email);
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page).toHaveURL("/association?demande=1");
  await expect(page.getByText(/En attente de vérification/)).toBeVisible();
  await expectAccessible(page);

  expect(consoleErrors).toEqual([]);
});
