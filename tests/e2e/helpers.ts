import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "~/demo/demo-territory";

/** Every page of the journey must have no serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const report = blocking
    .map((violation) => `- [${violation.impact}] ${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(" ")} — ${node.failureSummary ?? ""}`).join("\n")}`)
    .join("\n");
  expect(blocking, `Violations d'accessibilité sur ${page.url()} :\n${report}`).toEqual([]);
  await expectNoSidewaysScroll(page);
}

/**
 * WCAG 2.1 AA 1.4.10 Reflow, which axe does not check: at the journeys' phone size, nothing makes
 * the page scroll sideways (a long email address, a row of buttons). Names the elements that stick
 * out past the screen's right edge.
 */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Past the right edge: an element's own box, or its text overflowing its box.
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > width + 1 || element.scrollWidth > element.clientWidth + 1;
    const culprits = [...document.querySelectorAll("body *")]
      .filter(sticksOut)
      .filter((element) => ![...element.children].some(sticksOut))
      .slice(0, 5)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> « ${(element.textContent ?? "").trim().slice(0, 60)} » jusqu'à ${Math.round(element.getBoundingClientRect().right)} px`);
    return { width, scrollWidth: document.documentElement.scrollWidth, culprits };
  });
  expect(overflow.scrollWidth, `${page.url()} défile de côté sur un écran de ${overflow.width} px :\n${overflow.culprits.join("\n")}`).toBeLessThanOrEqual(overflow.width);
}

/** A test fails on an unexpected console.error (tests/setup does the same for Vitest). */
export function failOnConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}


/**
 * The site's main navigation, ready to use: on a phone its links sit in the header's menu (a
 * <details>, decision 024), which is opened first; from lg up they are inline in the header.
 */
export async function openSiteNav(page: Page) {
  const summary = page.locator("header summary").filter({ hasText: "Menu" });
  if (await summary.isVisible()) {
    const open = await summary.evaluate((element) => element.parentElement instanceof HTMLDetailsElement && element.parentElement.open);
    if (!open) await summary.click();
  }
  return page.getByRole("navigation", { name: "Navigation principale" });
}

/** A link or button of the main navigation is there (the phone's menu opened as often as a navigation closes it). */
export async function expectInSiteNav(page: Page, role: "link" | "button", name: string) {
  await expect(async () => {
    const nav = await openSiteNav(page);
    await expect(nav.getByRole(role, { name })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** Signs in through the login form, as a person would. */
export async function logIn(page: Page, email: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expectInSiteNav(page, "button", "Se déconnecter");
}

export async function logOut(page: Page) {
  await (await openSiteNav(page)).getByRole("button", { name: "Se déconnecter" }).click();
  await expectInSiteNav(page, "link", "Se connecter");
}
