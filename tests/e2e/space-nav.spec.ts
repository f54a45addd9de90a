import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "~/demo/demo-territory";
import { expectAccessible, failOnConsoleErrors, logIn } from "./helpers";

/**
 * Issue 10: on a phone the producer's space shows every one of its sections (a sideways strip hid
 * half of them off-screen): a menu names the section you are in and opens, in place, on all of them.
 */

const PRODUCER_SECTIONS = ["Tableau de bord", "Produits", "Ventes", "Préparation", "Bilan", "Dons", "Import / export", "Mon organisation", "Distributions"];

test("on a phone the producer's space menu names the current section and opens on every section, each on screen; on a desktop they are tabs", async ({ page }) => {
  const consoleErrors = failOnConsoleErrors(page);
  await logIn(page, DEMO_ACCOUNTS.fisher);
  await page.goto("/producteur/ventes");
  const nav = page.getByRole("navigation", { name: "Espace producteur" });
  const menu = nav.getByText("Rubriques : Ventes");
  await expect(menu).toBeVisible();
  // Closed, the menu takes one line: no section link is shown yet.
  await expect(nav.getByRole("link", { name: "Produits", exact: true })).toBeHidden();

  await menu.click();
  for (const section of PRODUCER_SECTIONS) {
    const link = nav.getByRole("link", { name: section, exact: true });
    await expect(link).toBeVisible();
    await expect(link).toBeInViewport();
    expect((await link.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  }
  await expect(nav.getByRole("link", { name: "Ventes", exact: true })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  await nav.getByRole("link", { name: "Produits", exact: true }).click();
  await expect(page).toHaveURL("/producteur/produits");
  // The new page starts with the menu closed, naming where you are.
  await expect(nav.getByText("Rubriques : Produits")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Ventes", exact: true })).toBeHidden();

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(nav.getByText("Rubriques : Produits")).toBeHidden();
  for (const section of PRODUCER_SECTIONS) await expect(nav.getByRole("link", { name: section, exact: true })).toBeInViewport();
  expect(consoleErrors).toEqual([]);
});
