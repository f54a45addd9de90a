import { UNSAFE_RemixContext } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import type { Locale } from "~/i18n/messages";
import EditProduct, { action as editAction, loader as editLoader } from "~/routes/producteur.produits.$id";
import ProducerProducts, { loader as listLoader } from "~/routes/producteur.produits._index";
import NewProduct, { action as newAction, loader as newLoader } from "~/routes/producteur.produits.nouveau";
import { createProducerUser } from "../factories";

/**
 * The product pages rendered on the server with their real loaders and actions, as the first
 * HTML a phone receives: every field labelled, errors in an alert and beside their field, the
 * sea-product fieldset there without script.
 */

type Handler = (args: { request: Request; params: Record<string, string | undefined>; context: Record<string, unknown> }) => unknown;

const remixContext = { manifest: { routes: {}, entry: { imports: [], module: "" }, url: "", version: "" }, routeModules: {}, future: {}, isSpaMode: false };

async function render(locale: Locale, cookie: string, url: string, init?: RequestInit) {
  const call = (handler: Handler) => async ({ request, params }: { request: Request; params: Record<string, string | undefined> }) => {
    const headers = new Headers(request.headers);
    headers.set("cookie", `${cookie}; tm_lang=${locale}`);
    const result = await handler({ request: new Request(request.url, { method: request.method, headers, body: request.body, duplex: "half" } as RequestInit), params, context: {} });
    // Remix's data(value, init) is what the page receives as its value.
    if (typeof result === "object" && result !== null && "init" in result && "data" in result) {
      const typed = result as { data: unknown; init: { status?: number } | null };
      return new Response(JSON.stringify(typed.data), { status: typed.init?.status ?? 200, headers: { "content-type": "application/json" } });
    }
    return result;
  };
  const routes = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: [
        { path: "producteur/produits", loader: call(listLoader as Handler), Component: ProducerProducts },
        { path: "producteur/produits/nouveau", loader: call(newLoader as Handler), action: call(newAction as Handler), Component: NewProduct },
        { path: "producteur/produits/:id", loader: call(editLoader as Handler), action: call(editAction as Handler), Component: EditProduct },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${url}`, init));
  if (context instanceof Response) throw new Error(`redirection inattendue : ${context.status} ${context.headers.get("location")}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <UNSAFE_RemixContext.Provider value={remixContext as never}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </UNSAFE_RemixContext.Provider>,
  );
  return { html, status: context.statusCode };
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
