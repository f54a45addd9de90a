import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { DEMO_PASSWORD } from "~/demo/demo-territory";
import { expectAccessible, failOnConsoleErrors } from "./helpers";

/**
 * The shop on a phone (the project's Pixel 5): buttons say they are working while their request is
 * on its way, and a second tap while it is on its way sends nothing — on the catalogue's "add" and
 * on the cart's stepper. The server is slowed down here (each POST held 800 ms), as on a quay's 3G,
 * and the second tap lands once the first request has left the page: the router alone would then
 * abandon the first answer and post again, and the server would do the work twice.
 */

type ApiDistribution = { id: string; status: string; start: string };

async function openDistribution(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/v1/distributions");
  expect(response.status()).toBe(200);
  const { distributions } = (await response.json()) as { distributions: ApiDistribution[] };
  const open = distributions.filter((distribution) => distribution.status === "open").sort((a, b) => a.start.localeCompare(b.start))[0];
  if (!open) throw new Error("Aucune distribution ouverte dans le territoire de démonstration");
  return open.id;
}

async function signIn(page: Page) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill("client@terre-et-mer.test");
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/connexion/);
}

/** Holds every POST to `path` for a while, and counts those the page sent (the router posts to `path.data`). */
async function slowPosts(page: Page, path: string): Promise<Request[]> {
  const sent: Request[] = [];
  const matches = (url: URL) => url.pathname === path || url.pathname === `${path}.data`;
  await page.route(matches, async (route) => {
    if (route.request().method() === "POST") {
      // Counted as it leaves the page, even if the page gives up on it while it is held.
      sent.push(route.request());
      await new Promise((resolve) => setTimeout(resolve, 800));
    }
    await route.continue().catch(() => undefined);
  });
  return sent;
}

test("a second tap on « Ajouter » while it is adding sends nothing, and the button says it is adding meanwhile", async ({ page, request }) => {
  const consoleErrors = failOnConsoleErrors(page);
  const distributionId = await openDistribution(request);
  await signIn(page);
  await page.goto(`/distributions/${distributionId}`);

  // The first screen shows products, the filters folded away.
  await expect(page.getByTestId("offer-card").first()).toBeInViewport();
  await expect(page.getByRole("searchbox", { name: "Rechercher" })).toBeHidden();
  await expectAccessible(page);

  const card = page.getByTestId("offer-card").filter({ has: page.getByRole("button", { name: /^Ajouter / }) }).first();
  const button = card.getByRole("button", { name: /^Ajouter / });
  // Every target a thumb aims at on the card is at least 44 px high: the name's link, the quantity, the button.
  for (const target of [card.locator("h3").getByRole("link"), card.getByRole("spinbutton"), button]) {
    const box = await target.boundingBox();
    expect(box!.height, `hauteur de ${await target.evaluate((element) => element.outerHTML.slice(0, 80))}`).toBeGreaterThanOrEqual(44);
  }
  const sent = await slowPosts(page, `/distributions/${distributionId}`);

  await button.click();
  await expect.poll(() => sent.length).toBe(1);
  // The second tap of an impatient thumb, which does not wait for the button to look ready.
  await button.click({ force: true });
  await expect(button).toHaveAttribute("aria-busy", "true");
  await expect(button).toContainText("Ajout…");
  await expect(card.getByRole("status")).toHaveText("Ajouté au panier.");
  await expect(button).not.toHaveAttribute("aria-busy");
  expect(sent).toHaveLength(1);
  await expect(button).toHaveText("1 au panier");
  expect(consoleErrors, consoleErrors.join("\n")).toEqual([]);
});

test("a second tap on the cart's « + » while it is on its way adds one, not two", async ({ page, request }) => {
  const consoleErrors = failOnConsoleErrors(page);
  const distributionId = await openDistribution(request);
  await signIn(page);
  await page.goto(`/distributions/${distributionId}`);
  const card = page.getByTestId("offer-card").filter({ has: page.getByRole("button", { name: /^(Ajouter |\d+ au panier)/ }) }).nth(1);
  const name = (await card.getByRole("heading").innerText()).replace(/\s*Bio$/, "").trim();
  const quantity = card.getByLabel(`Quantité de ${name}`, { exact: true });
  await quantity.fill("1");
  await card.getByRole("button", { name: `Ajouter ${name}`, exact: true }).click();
  await expect(card.getByRole("status")).toHaveText("Ajouté au panier.");

  await page.goto(`/panier/${distributionId}`);
  const line = page.getByTestId("cart-line").filter({ hasText: name });
  await expect(line.getByLabel(`Quantité de ${name}`, { exact: true })).toHaveValue("1");
  await expectAccessible(page);
  const sent = await slowPosts(page, `/panier/${distributionId}`);
  const more = line.getByRole("button", { name: `Un de plus : ${name}`, exact: true });
  const box = await more.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(44);
  expect(box?.height).toBeGreaterThanOrEqual(44);
  await more.click();
  await expect.poll(() => sent.length).toBe(1);
  await more.click({ force: true });
  await expect(more).toHaveAttribute("aria-busy", "true");
  await expect(line.getByLabel(`Quantité de ${name}`, { exact: true })).toHaveValue("2");
  await expect(more).not.toHaveAttribute("aria-busy");
  expect(sent).toHaveLength(1);
  expect(consoleErrors, consoleErrors.join("\n")).toEqual([]);
});
