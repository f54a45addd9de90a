import { afterEach, expect, test, vi } from "vitest";
import { statementsIssued } from "~/db.server";
import { catalogueSnapshot } from "~/domain/catalog/catalogue-snapshot.server";
import { filterOffers } from "~/domain/catalog/catalogue-view";
import Catalogue, { loader as catalogueLoader } from "~/routes/distributions.$id";
import ProductPage, { loader as offerLoader } from "~/routes/offres.$id";
import { createDistribution, createOffer, createOffers, createProducer } from "../factories";
import { createLabel } from "../factories-label-public";
import { renderPage, type PageRoute } from "../render-page";

// The pages read the time through clock.server only: here it is the test's instant. The catalogue's
// one-second copy is kept by the process's monotonic clock, which this does not move.
const clock = vi.hoisted(() => ({ at: null as Date | null }));
vi.mock("~/http/clock.server", () => ({ now: () => (clock.at ? new Date(clock.at) : new Date()) }));
afterEach(() => {
  clock.at = null;
});

const pages: PageRoute[] = [
  { path: "/distributions/:id", loader: catalogueLoader, Component: Catalogue },
  { path: "/offres/:id", loader: offerLoader, Component: ProductPage },
];

const DAY = 86_400_000;

/** A distribution with one labelled product, one whose label was suspended, and one without. */
async function catalogueWithLabels() {
  const distribution = await createDistribution();
  const producer = await createProducer({ name: "Cidrerie du Val" });
  const validUntil = new Date(Date.now() + 10 * DAY);
  const validFrom = new Date(validUntil.getTime() - 365 * DAY);
  const labelled = await createOffer({ distributionId: distribution.id, producerId: producer.id, name: "Cidre brut fermier" });
  const suspended = await createOffer({ distributionId: distribution.id, producerId: producer.id, name: "Poiré suspendu" });
  const plain = await createOffer({ distributionId: distribution.id, producerId: producer.id, name: "Jus de pomme" });
  const label = await createLabel({ productId: labelled.productId, status: "GRANTED", validFrom, validUntil });
  const suspendedLabel = await createLabel({ productId: suspended.productId, status: "SUSPENDED", validFrom, validUntil });
  return { distribution, labelled, suspended, plain, label, suspendedLabel, validUntil };
}

function cardOf(html: string, name: string): string {
  const start = html.indexOf(name);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf("</li>", start);
  return html.slice(html.lastIndexOf("<li", start), end);
}

test("a labelled product's card and page show the badge with its number, linked to its verification; others show none", async () => {
  const { distribution, labelled, suspended, label, suspendedLabel } = await catalogueWithLabels();

  const catalogue = await renderPage(pages, "fr", "", `/distributions/${distribution.id}`);
  expect(catalogue.status).toBe(200);
  const card = cardOf(catalogue.html, "Cidre brut fermier");
  expect(card).toContain(`href="/label/${label.number}"`);
  expect(card).toContain(`aria-label="Label Produit local Dieppe Maritime n° ${label.number} : le vérifier"`);
  expect(card).toContain("Produit local Dieppe Maritime");
  expect(cardOf(catalogue.html, "Poiré suspendu")).not.toContain("label-badge");
  expect(cardOf(catalogue.html, "Jus de pomme")).not.toContain("label-badge");
  expect(catalogue.html).not.toContain(suspendedLabel.number);

  const page = await renderPage(pages, "en", "", `/offres/${labelled.id}`);
  expect(page.status).toBe(200);
  expect(page.html).toContain(`href="/label/${label.number}"`);
  expect(page.html).toContain("Local product Dieppe Maritime");
  const other = await renderPage(pages, "fr", "", `/offres/${suspended.id}`);
  expect(other.html).not.toContain("label-badge");
});

test("an expired label leaves the catalogue at its end instant, even inside the one-second copy, and the product page with it", async () => {
  const { distribution, labelled, label, validUntil } = await catalogueWithLabels();

  clock.at = new Date(validUntil.getTime() - 1);
  const before = await renderPage(pages, "fr", "", `/distributions/${distribution.id}`);
  expect(cardOf(before.html, "Cidre brut fermier")).toContain(`/label/${label.number}`);
  const copy = await catalogueSnapshot(distribution.id);
  expect((await renderPage(pages, "fr", "", `/offres/${labelled.id}`)).html).toContain(`/label/${label.number}`);

  clock.at = validUntil;
  // Still the same copy of the catalogue (read less than a second ago): the badge goes all the same.
  expect(await catalogueSnapshot(distribution.id)).toBe(copy);
  const after = await renderPage(pages, "fr", "", `/distributions/${distribution.id}`);
  expect(after.status).toBe(200);
  expect(cardOf(after.html, "Cidre brut fermier")).not.toContain("label-badge");
  expect(after.html).not.toContain(label.number);
  expect((await renderPage(pages, "fr", "", `/offres/${labelled.id}`)).html).not.toContain(label.number);
});

test("the label filter keeps only the products labelled now, and lets none through once the label has expired", async () => {
  const { distribution, validUntil } = await catalogueWithLabels();

  const filtered = await renderPage(pages, "fr", "", `/distributions/${distribution.id}?label=1`);
  expect(filtered.status).toBe(200);
  expect(filtered.html).toContain("Cidre brut fermier");
  expect(filtered.html).not.toContain("Poiré suspendu");
  expect(filtered.html).not.toContain("Jus de pomme");
  // The filter is labelled, checked, counted among the active ones, and kept by the page links.
  expect(filtered.html).toMatch(/<label[^>]*><input type="checkbox" name="label"[^>]*checked=""[^>]*\/>\s*Label Produit local<\/label>/);
  expect(filtered.html).toContain("1 filtre(s) actif(s)");

  clock.at = validUntil;
  const expired = await renderPage(pages, "fr", "", `/distributions/${distribution.id}?label=1`);
  expect(expired.html).not.toContain("Cidre brut fermier");
  expect(expired.html).toContain("Aucun produit");

  // The shared copy itself is never filtered: only what each request shows.
  const copy = await catalogueSnapshot(distribution.id);
  expect(copy?.offers.map((offer) => offer.name).sort()).toEqual(["Cidre brut fermier", "Jus de pomme", "Poiré suspendu"]);
  expect(filterOffers(copy?.offers ?? [], { labelledAt: new Date(validUntil.getTime() - 1) }).map((offer) => offer.name)).toEqual(["Cidre brut fermier"]);
});

test("badges cost no statement: a catalogue of 300 labelled offers reads as many statements as one without labels", async () => {
  const plain = await createDistribution();
  const labelled = await createDistribution();
  await createOffers(plain.id, 300);
  const producer = await createProducer();
  const validUntil = new Date(Date.now() + 100 * DAY);
  for (let index = 0; index < 30; index++) {
    const offer = await createOffer({ distributionId: labelled.id, producerId: producer.id, name: `Produit labellisé ${index}` });
    await createLabel({ productId: offer.productId, status: "GRANTED", validFrom: new Date(Date.now() - DAY), validUntil });
  }
  await createOffers(labelled.id, 270);

  const count = async (distributionId: string, search = "") => {
    const before = statementsIssued();
    await catalogueLoader({ request: new Request(`http://localhost/distributions/${distributionId}${search}`), params: { id: distributionId }, context: {} });
    return statementsIssued() - before;
  };
  const forPlain = await count(plain.id);
  const forLabelled = await count(labelled.id);
  expect(forLabelled).toBe(forPlain);
  expect(await count(labelled.id, "?label=1")).toBeLessThanOrEqual(forPlain);
});
