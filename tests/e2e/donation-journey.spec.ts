import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { addParisDays, parisIsoDate } from "~/domain/time/paris";
import { pdfText } from "../pdf-text";
import { expectAccessible, failOnConsoleErrors, logIn, logOut } from "./helpers";

const FISHER = "pecheur@terre-et-mer.test";
const CHARITY = { email: "association@terre-et-mer.test", name: "Secours populaire français — comité de Dieppe" };
const OTHER_CHARITY = { email: "gerard.lefrancois@croix-rouge-dieppe.test", name: "Croix-Rouge française — unité locale de Dieppe" };
const SOLE = "Sole commune";

/** "1 234,50 €" → 123450 (the page writes French amounts). */
function cents(text: string): number {
  const match = /(-?[\d\s\u00a0\u202f]+),(\d{2})\s*€/.exec(text);
  if (!match) throw new Error(`Pas de montant en euros dans « ${text} »`);
  return Number(match[1]!.replace(/[\s\u00a0\u202f]/g, "")) * 100 + Number(match[2]);
}

/** The yearly summary's total value, as the fisher reads it. */
async function yearlyValue(page: Page): Promise<number> {
  await page.goto("/producteur/dons/recapitulatif");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Récapitulatif annuel des dons");
  const value = page.locator("dt", { hasText: /^Valeur des dons$/ }).locator("xpath=following-sibling::dd[1]");
  return cents(await value.innerText());
}

/** A charity reserves `kilos` of the sole and reads the pickup code it is given. */
async function claim(page: Page, kilos: string): Promise<string> {
  await page.goto("/association/lots");
  await expectAccessible(page);
  const lot = page.getByRole("article", { name: SOLE });
  await lot.getByLabel("Quantité à réserver (kg)").fill(kilos);
  await lot.getByRole("button", { name: "Réserver" }).click();
  await expect(page).toHaveURL(/\/association\/retraits\?reserve=/);
  const code = (await page.locator("[data-pickup-code]").first().innerText()).replace(/\D/g, "");
  expect(code).toMatch(/^\d{6}$/);
  await expectAccessible(page);
  return code;
}

/** The fisher types the charity's code and the temperature he measured. */
async function handOver(page: Page, charity: string, code: string, temperature: string): Promise<Locator> {
  const form = page.getByRole("form", { name: `Remise à ${charity}` });
  await form.getByLabel(`Code de retrait — ${charity}`).fill(code);
  await form.getByLabel(`Température à la remise (°C) — ${charity}`).fill(temperature);
  await form.getByRole("button", { name: "Confirmer la remise" }).click();
  await expect(page.getByText(/Remise enregistrée/)).toBeVisible();
  return page.getByRole("listitem").filter({ hasText: charity });
}

test("after Friday's distribution the fisher gives his 15 kg of unsold sole; two charities claim 10 and 5 kg; he hands both over with their codes and temperatures; both slips download as PDF; his yearly summary counts it at cost price", async ({ page }) => {
  test.setTimeout(240_000);
  const consoleErrors = failOnConsoleErrors(page);
  // Fresh sole keeps 5 days: well over the 48 h the charities need when they collect.
  const useBy = parisIsoDate(addParisDays(new Date(), 5));

  // 1. The fisher's summary before, then last Friday's unsold sole, given in one action.
  await logIn(page, FISHER);
  const valueBefore = await yearlyValue(page);
  await expectAccessible(page);
  await page.goto("/producteur/dons");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Donner les invendus" }).click();
  await expect(page).toHaveURL("/producteur/dons/invendus");
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: new RegExp(`^Donner — ${SOLE}`) }).check();
  await expect(page.getByLabel(`Quantité à donner — ${SOLE}`)).toHaveValue("15");
  await page.getByLabel(`Prix de revient (€) — ${SOLE}`).fill("6,00");
  // The row's details come prefilled and folded: opened to set the sole's own use-by date.
  await page.locator("summary").filter({ hasText: `Détails : dates, conservation, n° de lot — ${SOLE}` }).click();
  await expect(page.getByLabel(`Produit de la pêche brut — ${SOLE}`)).toBeChecked();
  await page.getByLabel(`DLC — ${SOLE}`).fill(useBy);
  await page.getByRole("button", { name: "Donner la sélection (1)" }).click();
  await expect(page).toHaveURL(/\/producteur\/dons\?donnes=1/);
  await expect(page.getByText(/Lots publiés : 1/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: SOLE }).first().click();
  await expect(page).toHaveURL(/\/producteur\/dons\/[\w-]+$/);
  const lotPath = new URL(page.url()).pathname;
  await expectAccessible(page);
  await logOut(page);

  // 2. The demo charity reserves 10 kg, the Croix-Rouge the 5 kg left.
  await logIn(page, CHARITY.email);
  const firstCode = await claim(page, "10");
  await logOut(page);
  await logIn(page, OTHER_CHARITY.email);
  const secondCode = await claim(page, "5");
  await logOut(page);

  // 3. On the quay, the fisher confirms both pickups with their codes and the fish's temperature.
  await logIn(page, FISHER);
  await page.goto(lotPath);
  await expectAccessible(page);
  const first = await handOver(page, CHARITY.name, firstCode, "2,5");
  await expect(first).toContainText("2,5 °C");
  const second = await handOver(page, OTHER_CHARITY.name, secondCode, "3");
  await expect(second).toContainText("3 °C");
  await expectAccessible(page);

  // 4. Both slips download as PDF, each naming the sole, its charity, its quantity and temperature.
  for (const [row, charity, kilos, temperature] of [
    [first, CHARITY.name, "10", "2,5 °C"],
    [second, OTHER_CHARITY.name, "5", "3 °C"],
  ] as const) {
    const downloading = page.waitForEvent("download");
    await row.getByRole("link", { name: "Bordereau (PDF)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^bordereau-DON-\d{4}-[0-9A-F]{8}\.pdf$/);
    const text = pdfText(await readFile((await download.path())!));
    expect(text).toContain(SOLE);
    expect(text).toContain(charity);
    expect(text).toContain("Le Pourquoi-Pas");
    expect(text).toMatch(new RegExp(`\\b${kilos}(,000)? kg`));
    expect(text).toContain(temperature);
  }
  // …and the printable slip shows the same.
  await first.getByRole("link", { name: "Bordereau à imprimer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bordereau de don n° DON-");
  await expect(page.getByText(CHARITY.name).first()).toBeVisible();
  await expectAccessible(page);

  // 5. The yearly summary: 15 kg at 6,00 €/kg, given 5 days before its use-by date, count 100 %.
  const valueAfter = await yearlyValue(page);
  expect(valueAfter - valueBefore).toBe(9000);
  await expect(page.getByRole("heading", { name: CHARITY.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: OTHER_CHARITY.name })).toBeVisible();
  await expectAccessible(page);
  await logOut(page);

  // 6. The charity sees what it received.
  await logIn(page, CHARITY.email);
  await page.goto("/association/recus");
  await expect(page.getByRole("row").filter({ hasText: SOLE })).toContainText("Le Pourquoi-Pas");
  await expectAccessible(page);

  expect(consoleErrors).toEqual([]);
});
