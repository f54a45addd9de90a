import { afterEach, expect, test, vi } from "vitest";
import { openApiDocument } from "~/http/openapi";
import { loader as apiLoader } from "~/routes/api.v1.labels.$number";
import LabelVerification, { loader as pageLoader } from "~/routes/label.$numero";
import ProducerLabelsPage, { loader as producerLabelsLoader } from "~/routes/producteur.label._index";
import { createOffer, createDistribution, createProducer, createProducerUser } from "../factories";
import { createApplication, createLabel } from "../factories-label-public";
import { renderPage } from "../render-page";
import { get } from "../route-requests";

// The routes read the time through clock.server only: here it is the test's instant.
const clock = vi.hoisted(() => ({ at: new Date("2027-03-01T10:00:00.000Z") }));
vi.mock("~/http/clock.server", () => ({ now: () => new Date(clock.at) }));
afterEach(() => {
  clock.at = new Date("2027-03-01T10:00:00.000Z");
});

const validFrom = new Date("2026-06-01T08:30:00.000Z");
const validUntil = new Date("2027-06-01T08:30:00.000Z");
const pages = [{ path: "/label/:numero", loader: pageLoader, Component: LabelVerification }];

async function labelledProduct(name = "Cidre brut de la vallée") {
  const distribution = await createDistribution();
  const producer = await createProducer({ name: `Cidrerie ${Math.random().toString(36).slice(2, 7)}` });
  const offer = await createOffer({ distributionId: distribution.id, producerId: producer.id, name });
  return { producer, productId: offer.productId };
}

async function api(number: string, locale = "fr") {
  const response = await apiLoader({ request: get(`/api/v1/labels/${encodeURIComponent(number)}`, undefined, { "accept-language": locale }), params: { number }, context: {} });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

test("a granted label checks out with its holder, product, status and validity, in French and in English", async () => {
  const { producer, productId } = await labelledProduct();
  const { number } = await createLabel({ productId, status: "GRANTED", validFrom, validUntil });

  const fr = await renderPage(pages, "fr", "", `/label/${number}`);
  expect(fr.status).toBe(200);
  expect(fr.html).toContain(`Label n° ${number}`);
  expect(fr.html).toContain(producer.name);
  expect(fr.html).toContain("Cidre brut de la vallée");
  expect(fr.html).toMatch(/data-testid="label-status"[^>]*><p[^>]*>Valide<\/p>/);
  expect(fr.html).toContain("du 1 juin 2026 à 10:30 au 1 juin 2027 à 10:30");
  const en = await renderPage(pages, "en", "", `/label/${number.toLowerCase()}`);
  expect(en.status).toBe(200);
  expect(en.html).toMatch(/data-testid="label-status"[^>]*><p[^>]*>Valid<\/p>/);
  expect(en.html).toContain("from 1 June 2026 at 10:30 to 1 June 2027 at 10:30");

  const answer = await api(number);
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    number,
    status: "granted",
    valid: true,
    holder: { name: producer.name, slug: expect.any(String), commune: expect.any(String) },
    product: { name: "Cidre brut de la vallée", nameEn: null },
    validFrom: validFrom.toISOString(),
    validUntil: validUntil.toISOString(),
    verificationUrl: `http://localhost:3000/label/${number}`,
    checkedAt: clock.at.toISOString(),
  });
});

test("a label is valid one millisecond before its end and expired at its end, on the page and in the API", async () => {
  const { productId } = await labelledProduct();
  const { number } = await createLabel({ productId, status: "GRANTED", validFrom, validUntil });

  clock.at = new Date(validUntil.getTime() - 1);
  expect((await api(number)).body).toMatchObject({ status: "granted", valid: true });
  expect((await renderPage(pages, "fr", "", `/label/${number}`)).html).toMatch(/>Valide<\/p>/);

  clock.at = new Date(validUntil.getTime());
  expect((await api(number)).body).toMatchObject({ status: "expired", valid: false });
  const expired = await renderPage(pages, "fr", "", `/label/${number}`);
  expect(expired.status).toBe(200);
  expect(expired.html).toMatch(/>Expiré<\/p>/);
  expect(expired.html).toContain("arrivé à son terme");
});

test("a suspended label reads suspended, then expired at its end; a revoked one reads revoked", async () => {
  const suspended = await createLabel({ productId: (await labelledProduct()).productId, status: "SUSPENDED", validFrom, validUntil });
  const revoked = await createLabel({ productId: (await labelledProduct()).productId, status: "REVOKED", validFrom, validUntil });

  expect((await api(suspended.number)).body).toMatchObject({ status: "suspended", valid: false });
  expect((await renderPage(pages, "fr", "", `/label/${suspended.number}`)).html).toMatch(/>Suspendu<\/p>/);
  expect((await api(revoked.number)).body).toMatchObject({ status: "revoked", valid: false });
  expect((await renderPage(pages, "en", "", `/label/${revoked.number}`)).html).toMatch(/>Revoked<\/p>/);

  clock.at = validUntil;
  expect((await api(suspended.number)).body).toMatchObject({ status: "expired" });
  expect((await api(revoked.number)).body).toMatchObject({ status: "revoked" });
});

test("an unknown number is a 404 page that says so and a 404 in JSON; so is a number that is not one", async () => {
  const page = await renderPage(pages, "fr", "", "/label/DM-2098-0001");
  expect(page.status).toBe(404);
  expect(page.html).toContain("Aucun label ne porte ce numéro");
  expect(page.html).toContain("Le numéro DM-2098-0001 ne correspond à aucun label accordé");
  // The check form is there to try again, its field labelled.
  expect(page.html).toContain('<label for="field-numero"');

  const answer = await api("DM-2098-0001", "en");
  expect(answer.status).toBe(404);
  expect(answer.type).toContain("application/json");
  expect(answer.body).toEqual({ error: "not_found", message: expect.stringContaining("does not exist") });

  expect((await renderPage(pages, "en", "", "/label/not-a-number")).status).toBe(404);
  expect((await api("<script>")).status).toBe(404);
});

test("nothing is shown of an application never granted, nor of a label whose holder the territory has not verified", async () => {
  const neverGranted = await labelledProduct("Pommes en attente");
  await createApplication(neverGranted.productId);
  const unverified = await createProducer({ verified: false });
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: unverified.id, name: "Miel caché" });
  const hidden = await createLabel({ productId: offer.productId, status: "GRANTED", validFrom, validUntil });

  const page = await renderPage(pages, "fr", "", `/label/${hidden.number}`);
  expect(page.status).toBe(404);
  expect(page.html).not.toContain("Miel caché");
  expect(page.html).not.toContain(unverified.name);
  expect((await api(hidden.number)).status).toBe(404);
});

test("a label granted once, then applied for again or refused, reads expired and shows nothing of the new application", async () => {
  for (const status of ["PENDING", "CHANGES_REQUESTED", "REFUSED"] as const) {
    const { producer, productId } = await labelledProduct();
    const { number } = await createLabel({ productId, status, validFrom, validUntil });
    const page = await renderPage(pages, "fr", "", `/label/${number}`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/>Expiré<\/p>/);
    expect(page.html).toContain(producer.name);
    expect(page.html).not.toContain("Ferme du test");
    expect((await api(number)).body).toMatchObject({ status: "expired", valid: false });
  }
});

test("the OpenAPI document describes the label's verification and its 404", () => {
  const document = openApiDocument("http://localhost:3000");
  const path = document.paths["/labels/{number}"] as { get: { responses: Record<string, unknown> } };
  expect(Object.keys(path.get.responses)).toEqual(expect.arrayContaining(["200", "404", "503"]));
  const schema = document.components.schemas.Label as { properties: Record<string, { enum?: string[] }> };
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["number", "status", "valid", "holder", "product", "validFrom", "validUntil", "verificationUrl"]));
  expect(schema.properties.status?.enum).toEqual(["granted", "suspended", "revoked", "expired"]);
});

test("the producer's label page offers the sticker sheet of their labels", async () => {
  clock.at = new Date();
  const { cookie } = await createProducerUser();
  const page = await renderPage([{ path: "/producteur/label", loader: producerLabelsLoader, Component: ProducerLabelsPage }], "fr", cookie, "/producteur/label");
  expect(page.status).toBe(200);
  expect(page.html).toMatch(/<a href="\/producteur\/label-etiquettes\.pdf"[^>]*>Imprimer les étiquettes de mes labels \(PDF\)<\/a>/);
});
