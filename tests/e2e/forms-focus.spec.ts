import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "~/demo/demo-territory";
import { expectAccessible, failOnConsoleErrors, logIn } from "./helpers";

/**
 * Issue 10, forms: after a refused submit the error summary comes into view and takes the focus,
 * however long the form, so that on a phone nobody is left at the bottom of a form that seems to
 * do nothing. The config's phone (Pixel 5) is the size that matters.
 */

const refusedSubmit = expect.stringMatching(/Failed to load resource: the server responded with a status of 400 \(Bad Request\)$/);

function errorSummary(page: Page) {
  return page.getByRole("group", { name: "Le formulaire n'a pas été enregistré" });
}

test("the producer's long product form: a refused submit brings its error summary into view, focused, with links to the fields", async ({ page }) => {
  const consoleErrors = failOnConsoleErrors(page);
  await logIn(page, DEMO_ACCOUNTS.marketGardener);
  await page.goto("/producteur/produits/nouveau");

  // Screens below the top of the page, as on a phone.
  const submit = page.getByRole("button", { name: "Créer le produit" });
  await submit.scrollIntoViewIfNeeded();
  await submit.click();

  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(page).toHaveURL(/\/producteur\/produits\/nouveau$/);
  await expectAccessible(page);

  // Each field error is a link that takes the person to the field.
  const nameLink = summary.locator('a[href="#field-name"]');
  await expect(nameLink).toHaveCount(1);
  await nameLink.click();
  const name = page.getByLabel("Nom", { exact: true });
  await expect(name).toBeFocused();
  await expect(name).toBeInViewport();

  // A second refused submit takes the person back to the summary again.
  await name.fill("Courge butternut");
  await submit.scrollIntoViewIfNeeded();
  await submit.click();
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(summary.locator('a[href="#field-name"]')).toHaveCount(0);
  await expect(summary.getByRole("link").first()).toBeVisible();
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Courge butternut");
  // The browser logs each refused submit's 400; nothing else may go wrong.
  expect(consoleErrors).toEqual([refusedSubmit, refusedSubmit]);
});

test("the sign-up form: the refused submit's summary is focused and its link leads to the password", async ({ page }) => {
  const consoleErrors = failOnConsoleErrors(page);
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill("Résumé Des Erreurs");
  await page.getByLabel("Adresse e-mail").fill(`resume-erreurs-${Date.now()}@example.test`);
  await page.getByLabel("Mot de passe").fill("court");
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(summary.getByRole("alert")).toHaveText("Certaines informations sont invalides : vérifiez les champs signalés.");
  await summary.getByRole("link", { name: "Le mot de passe doit faire au moins 10 caractères." }).click();
  await expect(page.getByLabel("Mot de passe")).toBeFocused();
  await expectAccessible(page);
  expect(consoleErrors).toEqual([refusedSubmit]);
});
