import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { loader as catalogLoader } from "~/routes/api.v1.producers.$slug.dfc-catalog";
import { loader as producerLoader, meta as producerMeta } from "~/routes/producteurs.$slug";
import { createActor, createDistributionAt, createPoint, ensureNamedCategory } from "../factories-directory";
import { get } from "../route-requests";

/**
 * A producer's public page tells search engines (schema.org JSON-LD) the same prices as their DFC
 * catalogue — those of their next distribution open for orders, where the linked catalogue shows
 * them — never the product's list price, which no page shows; and it links that catalogue as an
 * alternate JSON-LD (issue 12, decision 033).
 */

async function pageTags(slug: string) {
  const data = await producerLoader({ request: get(`/producteurs/${slug}`), params: { slug }, context: {} });
  return producerMeta({ data, params: {}, location: { pathname: "", search: "", hash: "", state: null, key: "" }, matches: [] } as never);
}

function jsonLdOf(tags: ReturnType<typeof producerMeta>) {
  const tag = tags.find((each) => "script:ld+json" in each) as { "script:ld+json": unknown };
  return JSON.parse(JSON.stringify(tag["script:ld+json"])) as { makesOffer: Array<Record<string, unknown>> };
}

async function fisherSelling(name: string) {
  const sea = await ensureNamedCategory("coquillages", "Coquillages & céphalopodes", "Shellfish & cephalopods", 6);
  const fisher = await createActor({ name: `${name} ${randomUUID().slice(0, 4)}`, producerKind: "FISHER" });
  const product = async (productName: string, priceCents: number) => {
    const id = randomUUID();
    await db().product.create({ data: { id, producerId: fisher.id, categoryId: sea, name: productName, unit: "DOZEN", priceCents, vatRateBp: 550 } });
    return id;
  };
  return { fisher, product };
}

test("the page's schema.org offers carry the next open distribution's price, stock and place — not the list price — and the same price as the DFC catalogue", async () => {
  const { fisher, product } = await fisherSelling("Le Pourquoi-Pas");
  const oysters = await product("Huîtres de Dieppe", 1890);
  const mussels = await product("Moules de bouchot", 600);
  const quay = await createPoint({ name: `Quai Henri IV ${randomUUID().slice(0, 4)}` });
  const now = new Date();
  const next = await createDistributionAt(quay, now, 48, [oysters]);
  const later = await createDistributionAt(quay, now, 72, [oysters, mussels]);
  await db().offer.updateMany({ where: { distributionId: next.id, productId: oysters }, data: { priceCents: 1234, stock: 6, ordered: 6 } });
  await db().offer.updateMany({ where: { distributionId: later.id }, data: { priceCents: 999 } });
  const cutoff = (await db().distribution.findUniqueOrThrow({ where: { id: next.id }, select: { cutoffAt: true } })).cutoffAt;

  const tags = await pageTags(fisher.slug);
  const offers = jsonLdOf(tags).makesOffer;
  const byName = (name: string) => offers.find((offer) => (offer.itemOffered as { name: string }).name === name);
  expect(offers).toHaveLength(2);
  expect(byName("Huîtres de Dieppe")).toMatchObject({
    "@type": "Offer",
    price: "12.34",
    priceCurrency: "EUR",
    // All six ordered: sold out at that distribution.
    availability: "https://schema.org/SoldOut",
    validThrough: cutoff.toISOString(),
    url: `http://localhost:3000/distributions/${next.id}`,
    availableAtOrFrom: { "@type": "Place", name: expect.stringContaining("Quai Henri IV") },
  });
  // Not on sale at that distribution (only at a later one): said without a price.
  expect(byName("Moules de bouchot")).not.toHaveProperty("price");
  expect(JSON.stringify(offers)).not.toMatch(/18\.90|9\.99|6\.00/);

  // The DFC catalogue publishes the same price for the same distribution.
  const catalogue = await catalogLoader({ request: get(`/api/v1/producers/${fisher.slug}/dfc-catalog`), params: { slug: fisher.slug }, context: {} });
  expect(await catalogue.text()).toContain('"dfc-b:value":"12.34"');
  // And the page links it, for programs that read the page first.
  expect(tags).toContainEqual({ tagName: "link", rel: "alternate", type: "application/ld+json", href: `http://localhost:3000/api/v1/producers/${fisher.slug}/dfc-catalog` });
});

test("with no distribution open for orders, the page's JSON-LD names what they sell and gives no price at all", async () => {
  const { fisher, product } = await fisherSelling("L'Estran");
  const soles = await product("Sole commune", 2600);
  const quay = await createPoint({ name: `Quai du Pollet ${randomUUID().slice(0, 4)}` });
  await createDistributionAt(quay, new Date(), 12, [soles]); // its cutoff has passed
  const offers = jsonLdOf(await pageTags(fisher.slug)).makesOffer;
  expect(offers).toEqual([expect.objectContaining({ "@type": "Offer", itemOffered: expect.objectContaining({ name: "Sole commune" }) })]);
  expect(offers[0]).not.toHaveProperty("price");
  expect(offers[0]).not.toHaveProperty("priceCurrency");
});
