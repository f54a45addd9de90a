import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const QUAY = "Quai Henri IV — étal des pêcheurs";

export type ApiDistribution = { id: string; pickupPoint: { name: string }; start: string; status: string };

/** The demo territory's next distribution at the fishers' quay that still takes orders, from the public API. */
export async function nextOpenQuayDistribution(request: APIRequestContext): Promise<ApiDistribution> {
  const response = await request.get("/api/v1/distributions");
  expect(response.status()).toBe(200);
  const { distributions } = (await response.json()) as { distributions: ApiDistribution[] };
  const next = distributions
    .filter((distribution) => distribution.pickupPoint.name === QUAY && distribution.status === "open")
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  if (!next) throw new Error(`Aucune distribution ouverte au quai dans le territoire de démonstration : ${JSON.stringify(distributions.map((d) => [d.pickupPoint.name, d.start, d.status]))}`);
  return next;
}

/** The catalogue shows a page of offers: a resident finds the others by name, in the folded filters. */
export async function findOnCatalogue(page: Page, product: string) {
  const quantity = page.getByLabel(`Quantité de ${product}`, { exact: true });
  if ((await quantity.count()) === 0) {
    const filters = page.getByTestId("catalogue-filters");
    if (!(await filters.evaluate((details) => (details as HTMLDetailsElement).open))) await filters.locator("summary").click();
    await page.getByRole("searchbox", { name: "Rechercher" }).fill(product);
    await page.getByRole("button", { name: "Appliquer" }).click();
  }
  await expect(quantity).toBeVisible();
  return page.getByTestId("offer-card").filter({ has: quantity });
}

export async function addFromCatalogue(page: Page, product: string) {
  const card = await findOnCatalogue(page, product);
  await card.getByRole("button", { name: `Ajouter ${product}`, exact: true }).click();
  await expect(card.getByRole("status")).toHaveText("Ajouté au panier.");
  return card;
}
