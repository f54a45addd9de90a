import { expect, test } from "vitest";
import CharityPickups, { action as pickupsAction, loader as pickupsLoader } from "~/routes/association.retraits";
import SalesSummary, { loader as salesSummaryLoader } from "~/routes/producteur.bilan";
import NewProduct, { action as newAction, loader as newLoader } from "~/routes/producteur.produits.nouveau";
import { createProducerUser } from "../factories";
import { createCharity } from "../factories-donations";
import { renderPage, type PageRoute } from "../render-page";

/**
 * Issue 10: a refused form answers with an error summary (the browser suite, forms-focus.spec.ts,
 * checks that it comes into view and takes the focus). Here, the first HTML a phone receives, with
 * or without script: the summary is there, can take the focus, and each field error in it is a link
 * to a field that is on the page.
 */

const pages: PageRoute[] = [
  { path: "producteur/produits/nouveau", loader: newLoader, action: newAction, Component: NewProduct },
  { path: "producteur/bilan", loader: salesSummaryLoader, Component: SalesSummary },
  { path: "association/retraits", loader: pickupsLoader, action: pickupsAction, Component: CharityPickups },
];

function summaryOf(html: string): string {
  const start = html.indexOf('role="group"');
  expect(start, "pas de résumé des erreurs").toBeGreaterThan(-1);
  const end = html.indexOf("</ul>", start);
  return html.slice(start, end === -1 ? undefined : end);
}

test("a refused product form opens with an error summary whose links lead to fields of the page", async () => {
  const producer = await createProducerUser();
  const body = new URLSearchParams({ intent: "save", name: "", price: "-4", categoryId: "" });
  const { html, status } = await renderPage(pages, "fr", producer.cookie, "/producteur/produits/nouveau", { method: "POST", body });
  expect(status).toBe(400);
  const summary = summaryOf(html);
  expect(summary).toMatch(/tabindex="-1"/);
  expect(summary).toContain("Le formulaire n&#x27;a pas été enregistré");
  expect(summary).toMatch(/role="alert"[^>]*>Certaines informations sont invalides/);
  expect(summary).toMatch(/href="#field-price"[^>]*>Prix : le prix ne peut pas être négatif\.</);
  const targets = [...summary.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!);
  expect(targets).toContain("field-name");
  expect(targets.filter((id) => !html.includes(`id="${id}"`))).toEqual([]);
});

test("the summary speaks English to an English reader", async () => {
  const producer = await createProducerUser();
  const body = new URLSearchParams({ intent: "save", name: "", price: "4" });
  const { html } = await renderPage(pages, "en", producer.cookie, "/producteur/produits/nouveau", { method: "POST", body });
  expect(summaryOf(html)).toContain("The form was not saved");
});

test("a search form answered by its loader (the sales summary's period) shows the same summary", async () => {
  const producer = await createProducerUser();
  const { html, status } = await renderPage(pages, "fr", producer.cookie, "/producteur/bilan?du=hier&au=2026-01-31");
  expect(status).toBe(400);
  const summary = summaryOf(html);
  expect(summary).toMatch(/tabindex="-1"/);
  expect(summary).toContain("Le formulaire n&#x27;a pas été enregistré");
});

test("a charity's refused cancellation, once drawn by hand, is the error summary", async () => {
  const charity = await createCharity();
  const { html, status } = await renderPage(pages, "fr", charity.cookie, "/association/retraits", { method: "POST", body: new URLSearchParams({ intent: "cancel", claimId: "x y" }) });
  expect(status).toBe(404);
  const summary = summaryOf(html);
  expect(summary).toMatch(/tabindex="-1"/);
  expect(summary).toContain("Le formulaire n&#x27;a pas été enregistré");
});
