import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { DEMO_PICKUP_POINTS, DEMO_PRODUCERS } from "~/demo/demo-territory";
import { issueContributionInvoice } from "~/domain/donations/issue-contribution-invoice.server";
import { listUnsoldOffers } from "~/domain/donations/list-unsold-offers.server";
import { lotFormContext } from "~/domain/donations/lot-form-context.server";
import { publishLotSchema } from "~/domain/donations/lot-input";
import { publishLot } from "~/domain/donations/publish-lot.server";
import { parisIsoDate } from "~/domain/time/paris";
import { defaultUnsoldPickupPlace } from "~/domain/donations/unsold-stock";
import { isValidSiret } from "~/domain/organisations/siret";
import RetraitsPage, { loader as retraitsLoader } from "~/routes/association.retraits";
import SlipPage, { loader as slipLoader } from "~/routes/dons.bordereau.$claimId";
import { loader as slipPdfLoader } from "~/routes/dons.bordereau.$claimId[.]pdf";
import { loader as invoicePdfLoader } from "~/routes/factures.$invoiceId[.]pdf";
import { createCharity, createClaim, createDonor, createEndedOffer, createLot, createPastClaim, createPastLot } from "../factories-donations";
import { pdfText } from "../pdf-text";
import { renderPage, type PageRoute } from "../render-page";
import { get } from "../route-requests";

/**
 * The documents read as text, on addresses typed as the demo types them (the street line already
 * ends with "76200 Dieppe"): every address says its postcode once, on the slip (page and PDF), the
 * contribution invoice and the charity's pickups; a verified fisher's slip prints its SIRET.
 */

const pages: PageRoute[] = [
  { path: "dons/bordereau/:claimId", loader: slipLoader, Component: SlipPage },
  { path: "association/retraits", loader: retraitsLoader, Component: RetraitsPage },
];

const QUAY = "Quai Henri IV, 76200 Dieppe";
const CHARITY_ADDRESS = "Rue de la Barre, 76200 Dieppe";
const FISHER_SIRET = "73282932000074";

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** A fisher on the quay with its SIRET, and the place of its last distribution as the unsold page offers it for a lot. */
async function fisherOnTheQuay() {
  const fisher = await createDonor({ name: `Le Pourquoi-Pas ${randomUUID().slice(0, 4)}`, address: QUAY, siret: FISHER_SIRET, producerKind: "FISHER" });
  const ended = await createEndedOffer({ producerId: fisher.producerId, sea: true });
  await db().pickupPoint.update({ where: { id: ended.pickupPointId }, data: { address: QUAY } });
  const { offers, farmAddress } = await listUnsoldOffers({ producerId: fisher.producerId, now: new Date() });
  const pickupPlace = defaultUnsoldPickupPlace(offers[0]?.distribution, farmAddress);
  return { fisher, pickupPlace };
}

test("the place a lot of unsold stock is picked up at says the pickup point's postcode once", async () => {
  const { pickupPlace } = await fisherOnTheQuay();
  expect(pickupPlace).toMatch(/^Quai test [0-9a-f]{4}, Quai Henri IV, 76200 Dieppe$/);
});

test("the slip, page and PDF: the donor's, the charity's and the pickup's addresses each say 76200 once; the fisher's SIRET is printed", async () => {
  const { fisher, pickupPlace } = await fisherOnTheQuay();
  const charity = await createCharity({ address: CHARITY_ADDRESS, rna: "W761234567" });
  const lot = await createPastLot({ donorId: fisher.producerId, createdById: fisher.user.id, pickupPlace });
  const claim = await createPastClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, collectedById: fisher.user.id, temperatureDeciC: 20 });

  const page = await renderPage(pages, "fr", fisher.cookie, `/dons/bordereau/${claim.id}`);
  expect(page.status).toBe(200);
  const pageText = page.html.replace(/<[^>]+>/g, " ");
  const pdf = await slipPdfLoader({ request: get(`/dons/bordereau/${claim.id}.pdf`, charity.cookie), params: { claimId: claim.id }, context: {} });
  const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
  for (const document of [pageText, text]) {
    expect(occurrences(document, "76200")).toBe(3);
    expect(document).toContain(QUAY);
    expect(document).toContain(CHARITY_ADDRESS);
    expect(document).toContain(FISHER_SIRET);
    expect(document).not.toContain("Dieppe, 76200 Dieppe");
  }
});

test("the contribution invoice's PDF: the workshop's and the buyer's addresses each say 76200 once", async () => {
  const fisher = await createDonor({ address: QUAY, siret: FISHER_SIRET, producerKind: "FISHER" });
  const workshop = await createCharity({ address: "Quai du Carénage, 76200 Dieppe", siret: "12345678900011", settings: { processingWorkshop: true, approvedRawFishery: true } });
  const buyer = await createCharity({ address: CHARITY_ADDRESS, rna: "W761234567" });
  const raw = await createLot({ donorId: fisher.producerId, createdById: fisher.user.id, claimedMilli: 5000 });
  const rawClaim = await createClaim({ lotId: raw.id, charityId: workshop.id, claimedById: workshop.user.id, status: "COLLECTED" });
  const processed = await createLot({ donorId: workshop.id, createdById: workshop.user.id, sourceClaimId: rawClaim.id, contributionCentsPerUnit: 150, claimedMilli: 4000 });
  const bought = await createClaim({ lotId: processed.id, charityId: buyer.id, claimedById: buyer.user.id, quantityMilli: 4000, status: "COLLECTED", contributionCents: 600 });
  const invoice = await db().$transaction((tx) => issueContributionInvoice(tx, { id: bought.id, issuerId: workshop.id, charityId: buyer.id, contributionCents: 600 }, new Date()));
  if (!invoice) throw new Error("pas de facture");

  const pdf = await invoicePdfLoader({ request: get(`/factures/${invoice.id}.pdf`, buyer.cookie), params: { invoiceId: invoice.id }, context: {} });
  expect(pdf.status).toBe(200);
  const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
  expect(occurrences(text, "76200")).toBe(2);
  expect(text).toContain("Quai du Carénage, 76200 Dieppe");
  expect(text).toContain(CHARITY_ADDRESS);
});

test("the charity's pickups page says where to collect with the postcode once", async () => {
  const { fisher, pickupPlace } = await fisherOnTheQuay();
  const charity = await createCharity({ address: CHARITY_ADDRESS });
  const lot = await createLot({ donorId: fisher.producerId, createdById: fisher.user.id, pickupPlace, claimedMilli: 5000 });
  await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id });
  const page = await renderPage(pages, "fr", charity.cookie, "/association/retraits");
  expect(page.status).toBe(200);
  const text = page.html.replace(/<[^>]+>/g, " ");
  expect(text).toContain(QUAY);
  expect(occurrences(text, "76200")).toBe(1);
});

test("the demo's verified producers and pickup points are as a registration leaves them: a valid SIRET, the postcode in the address", () => {
  for (const producer of DEMO_PRODUCERS) {
    expect(producer.siret && isValidSiret(producer.siret), `${producer.name} : SIRET`).toBe(true);
  }
  expect(DEMO_PICKUP_POINTS.length).toBeGreaterThan(0);
});

test("a lot published without a pickup place is picked up at the farm's full address, postcode and town included, as the publish form offers it", async () => {
  const donor = await createDonor({ address: `Ferme ${randomUUID().slice(0, 4)}, chemin des Vergers` });
  const farm = await db().organisation.findUniqueOrThrow({ where: { id: donor.producerId }, select: { address: true } });
  const { farmAddress } = await lotFormContext(donor.producerId);
  expect(farmAddress).toBe(`${farm.address}, 76200 Dieppe`);

  const start = new Date(Date.now() + 3600_000);
  const lot = await publishLot({
    input: publishLotSchema.parse({
      productName: "Pommes de terre invendues",
      quantity: 12,
      unit: "kg",
      storage: "ambient",
      bestBefore: parisIsoDate(new Date(Date.now() + 30 * 24 * 3600_000)),
      lotNumber: "L-2026-12",
      pickupStart: start.toISOString(),
      pickupEnd: new Date(start.getTime() + 48 * 3600_000).toISOString(),
      costPriceCents: 90,
    }),
    donor: { id: donor.producerId, name: "Ferme" },
    createdById: donor.user.id,
    now: new Date(),
    appUrl: "http://localhost",
  });
  expect(lot.pickupPlace).toBe(`${farm.address}, 76200 Dieppe`);
});

test("lots stored before the fix say their pickup point's postcode and town once after the migration; other places are left as typed", async () => {
  const donor = await createDonor();
  const doubled = await createLot({ donorId: donor.producerId, createdById: donor.user.id, pickupPlace: "Étal 3, Quai Henri IV, 76200 Dieppe, 76200 Dieppe" });
  const typed = await createLot({ donorId: donor.producerId, createdById: donor.user.id, pickupPlace: "Ferme du Val, 76880 Arques-la-Bataille, derrière la grange" });
  const sql = readFileSync(fileURLToPath(new URL("../../prisma/migrations/20261206400000_undouble_pickup_places/migration.sql", import.meta.url)), "utf8");
  await db().$executeRawUnsafe(sql);
  const places = await db().donationLot.findMany({ where: { id: { in: [doubled.id, typed.id] } }, select: { id: true, pickupPlace: true } });
  expect(Object.fromEntries(places.map((lot) => [lot.id, lot.pickupPlace]))).toEqual({
    [doubled.id]: "Étal 3, Quai Henri IV, 76200 Dieppe",
    [typed.id]: "Ferme du Val, 76880 Arques-la-Bataille, derrière la grange",
  });
});
