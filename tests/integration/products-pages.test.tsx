import { expect, test } from "vitest";
import { db } from "~/db.server";
import type { Locale } from "~/i18n/messages";
import EditProduct, { action as editAction, loader as editLoader } from "~/routes/producteur.produits.$id";
import ProducerProducts, { loader as listLoader } from "~/routes/producteur.produits._index";
import NewProduct, { action as newAction, loader as newLoader } from "~/routes/producteur.produits.nouveau";
import { createProducerUser } from "../factories";
import { renderPage, type PageRoute } from "../render-page";

/**
 * The product pages rendered on the server with their real loaders and actions, as the first
 * HTML a phone receives: every field labelled, errors in an alert and beside their field, the
 * sea-product fieldset there without script.
 */

const pages: PageRoute[] = [
  { path: "producteur/produits", loader: listLoader, Component: ProducerProducts },
  { path: "producteur/produits/nouveau", loader: newLoader, action: newAction, Component: NewProduct },
  { path: "producteur/produits/:id", loader: editLoader, action: editAction, Component: EditProduct },
];

function render(locale: Locale, cookie: string, url: string, init?: RequestInit) {
  return renderPage(pages, locale, cookie, url, init);
}

function labelledFields(html: string): { inputs: number; unlabelled: string[] } {
  const ids = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((match) => match[1]!);
  const labelled = new Set([...html.matchAll(/<label\b[^>]*\bfor="([^"]+)"/g)].map((match) => match[1]!));
  const wrapped = [...html.matchAll(/<label\b[^>]*>\s*<input\b[^>]*>/g)].length;
  return { inputs: ids.length + wrapped, unlabelled: ids.filter((id) => !labelled.has(id)) };
}

test("the new-product page: every field labelled, the sea fieldset always present", async () => {
  const producer = await createProducerUser();
  const { html, status } = await render("fr", producer.cookie, "/producteur/produits/nouveau");
  expect(status).toBe(200);
  expect(html).toContain("<h1");
  expect(html).toContain("Nouveau produit");
  expect(html).toMatch(/<legend[^>]*>Produits de la mer<\/legend>/);
  expect(html).toContain('list="scientific-names"');
  expect(html).toContain('value="Pecten maximus"');
  expect(labelledFields(html).unlabelled).toEqual([]);
  expect(html).not.toMatch(/products\.[a-z]/);
});

test("a refused form shows the alert and each message beside its field, with what was typed", async () => {
  const producer = await createProducerUser();
  const body = new URLSearchParams({ intent: "save", name: "Bar de ligne", price: "-4", categoryId: "" });
  const { html, status } = await render("fr", producer.cookie, "/producteur/produits/nouveau", { method: "POST", body });
  expect(status).toBe(400);
  expect(html).toContain('role="alert"');
  expect(html).toContain("Prix : le prix ne peut pas être négatif.");
  expect(html).toMatch(/id="field-price"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-price"/);
  expect(html).toContain('value="Bar de ligne"');
});

test("the edit page and the list render in English, the price note included", async () => {
  const producer = await createProducerUser();
  await db().category.upsert({ where: { id: "legumes" }, create: { id: "legumes", nameFr: "Légumes", nameEn: "Vegetables", position: 1 }, update: {} });
  const created = (await newAction({
    request: new Request("http://localhost/producteur/produits/nouveau", {
      method: "POST",
      body: new URLSearchParams({ intent: "save", name: "Poireaux", categoryId: "legumes", unit: "BUNCH", price: "2,50", vatRate: "5.5" }),
      headers: { cookie: producer.cookie },
    }),
    params: {},
    context: {},
  })) as Response;
  const id = created.headers.get("location")!.match(/produits\/([^?]+)/)![1]!;

  const edit = await render("en", producer.cookie, `/producteur/produits/${id}?cree=1`);
  expect(edit.status).toBe(200);
  expect(edit.html).toContain("Edit “Poireaux”");
  expect(edit.html).toContain("does not change offers already on sale");
  expect(edit.html).toContain("Product saved.");
  expect(edit.html).toContain("Delete the product");
  expect(labelledFields(edit.html).unlabelled).toEqual([]);
  expect(edit.html).not.toMatch(/products\.[a-z]/);

  const list = await render("en", producer.cookie, "/producteur/produits");
  expect(list.html).toContain("My products");
  expect(list.html).toContain(`href="/producteur/produits/${id}"`);
  expect(list.html).toContain("€2.50");
});
