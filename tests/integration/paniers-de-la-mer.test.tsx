import { expect, test } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { claimLot } from "~/domain/donations/claim-lot.server";
import { confirmPickup } from "~/domain/donations/confirm-pickup.server";
import { issueContributionInvoice } from "~/domain/donations/issue-contribution-invoice.server";
import { publishProcessedLot } from "~/domain/donations/publish-processed-lot.server";
import type { PublishLotInput } from "~/domain/donations/lot-input";
import { traceLot } from "~/domain/donations/trace-lot.server";
import { isDomainError } from "~/domain/errors";
import type { Locale } from "~/i18n/messages";
import WorkshopPage, { action as workshopAction, loader as workshopLoader } from "~/routes/association.atelier";
import NewProcessedLot, { action as publishAction, loader as publishLoader } from "~/routes/association.atelier_.nouveau";
import ReceivedInvoices, { loader as invoicesLoader } from "~/routes/association.factures";
import LotTracePage, { loader as traceLoader } from "~/routes/dons.tracabilite.$lotId";
import { loader as invoicePdfLoader } from "~/routes/factures.$invoiceId[.]pdf";
import { createMemberUser, createProducerUser, createUser, signedInCookie } from "../factories";
import { collectedRawClaim, createBuyer, createCharities, createClaim, createFisher, createSeaLot, createWorkshop, isoDateIn, parisLocalIn } from "../factories-donations";
import { pdfText } from "../pdf-text";
import { expectWellFormed, renderPage, type PageRoute } from "../render-page";
import { asFailure, get, post, statusOf } from "../route-requests";

/**
 * Paniers de la mer on the real database: a fisher's raw lot → an approved workshop claims and
 * collects it → publishes a processed lot at a solidarity contribution per kg → a charity claims
 * some → the workshop hands it over with the code → the contribution is invoiced, numbered without
 * gaps → the chain is traceable from both ends. Pages answer 404 to outsiders and 400 to bad input.
 */

const HOUR = 3600_000;
const APP_URL = "http://localhost";

const pages: PageRoute[] = [
  { path: "association/atelier", loader: workshopLoader, action: workshopAction, Component: WorkshopPage },
  { path: "association/atelier/nouveau", loader: publishLoader, action: publishAction, Component: NewProcessedLot },
  { path: "association/factures", loader: invoicesLoader, Component: ReceivedInvoices },
  { path: "dons/tracabilite/:lotId", loader: traceLoader, Component: LotTracePage },
];

function render(locale: Locale, cookie: string, url: string, init?: RequestInit) {
  return renderPage(pages, locale, cookie, url, init);
}

/** A message key of these pages' areas, left untranslated. */
const UNTRANSLATED_KEY = /\b(sea|donations)\.[a-z]+\.[a-zA-Z]/;

function filletsInput(overrides: Partial<PublishLotInput> = {}): PublishLotInput {
  return {
    productName: "Filets de lieu noir surgelés — sachets de 1 kg",
    quantity: 8,
    unit: "kg",
    storage: "frozen",
    frozenAtMinus18: true,
    bestBefore: isoDateIn(180),
    lotNumber: "ATL-2026-11-01",
    pickupStart: new Date(Date.now() - HOUR),
    pickupEnd: new Date(Date.now() + 48 * HOUR),
    costPriceCents: 320,
    ...overrides,
  };
}

function filletsForm(sourceClaimId: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    sourceClaimId,
    productName: "Filets de lieu noir surgelés — sachets de 1 kg",
    quantity: "8",
    unit: "kg",
    storage: "frozen",
    frozenAtMinus18: "on",
    useBy: "",
    bestBefore: isoDateIn(180),
    lotNumber: "ATL-2026-11-01",
    pickupPlace: "",
    pickupStart: parisLocalIn(-1),
    pickupEnd: parisLocalIn(48),
    contribution: "1,50",
    costPrice: "3,20",
    ...overrides,
  };
}

async function codeOf(error: Promise<unknown>): Promise<string> {
  try {
    await error;
  } catch (caught) {
    if (isDomainError(caught)) return `${caught.code}${caught.details.messageKey ? `:${caught.details.messageKey}` : ""}`;
    throw caught;
  }
  return "no error";
}

test("the whole chain: boat → workshop → 1,50 €/kg fillets → 4 kg claimed → handed over → invoice 2026-0001 → traced both ways", async () => {
  const fisher = await createFisher("Bateau Le Pourquoi-Pas");
  const workshop = await createWorkshop({ name: "Atelier Marée Solidaire" });
  const buyer = await createBuyer({ name: "Épicerie solidaire du Pollet" });
  const rawLot = await createSeaLot({ donorId: fisher.producerId, createdById: fisher.user.id, productName: "Lieu noir entier", lotNumber: "DIE-4417", quantityMilli: 20_000 });

  // The workshop claims the raw lot (approved for raw fishery) and the fisher hands it over.
  const rawClaim = await claimLot({ input: { quantity: 20 }, lotId: rawLot.id, charity: { id: workshop.id, name: workshop.name }, claimedById: workshop.user.id, now: new Date() });
  expect(rawClaim.quantityMilli).toBe(20_000);
  await confirmPickup({ claimId: rawClaim.id, donorId: fisher.producerId, userId: fisher.user.id, pickupCode: rawClaim.pickupCode, temperatureC: 2, now: new Date() });
  expect(await db().contributionInvoice.count({ where: { claimId: rawClaim.id } })).toBe(0);

  // The workshop publishes its fillets through its page, "1,50" € per kg typed with a comma.
  const published = await publishAction({ request: post("/association/atelier/nouveau", filletsForm(rawClaim.id), workshop.cookie), params: {}, context: {} });
  expect(published).toBeInstanceOf(Response);
  const location = (published as Response).headers.get("location") ?? "";
  expect(location).toMatch(/^\/association\/atelier\?publie=/);
  const processedId = location.split("=")[1] ?? "";
  const processed = await db().donationLot.findUniqueOrThrow({ where: { id: processedId } });
  expect(processed).toMatchObject({ donorId: workshop.id, sourceClaimId: rawClaim.id, contributionCentsPerUnit: 150, rawFishery: false, quantityMilli: 8000, storage: "FROZEN", costPriceCents: 320 });

  // A charity claims 4 kg: it owes 4 × 1,50 € = 6,00 €.
  const bought = await claimLot({ input: { quantity: 4 }, lotId: processedId, charity: { id: buyer.id, name: buyer.name }, claimedById: buyer.user.id, now: new Date() });
  expect((await db().donationClaim.findUniqueOrThrow({ where: { id: bought.id } })).contributionCents).toBe(600);

  // The workshop's page shows the claim with its hand-over form; a wrong code is refused beside the field.
  const before = await render("fr", workshop.cookie, "/association/atelier");
  expect(before.status).toBe(200);
  expect(before.html).toContain("Poisson brut reçu");
  expect(before.html).toContain("Lieu noir entier");
  expect(before.html).toContain("Épicerie solidaire du Pollet");
  expect(before.html).toContain("6,00");
  expect(before.html).toContain("Confirmer la remise");
  expectWellFormed(before.html, UNTRANSLATED_KEY);

  const wrongCode = bought.pickupCode === "000000" ? "111111" : "000000";
  const refused = asFailure(await workshopAction({ request: post("/association/atelier", { intent: "handover", claimId: bought.id, pickupCode: wrongCode, temperatureC: "-19" }, workshop.cookie), params: {}, context: {} }));
  expect(refused.init?.status).toBe(400);
  expect(refused.data.fieldErrors.pickupCode).toBe("Ce code de retrait ne correspond pas à cette réservation.");
  expect(await db().contributionInvoice.count({ where: { claimId: bought.id } })).toBe(0);

  // The right code and "-19,5" °C: collected, and invoice 2026-0001 issued with it.
  const year = new Intl.DateTimeFormat("en", { timeZone: "Europe/Paris", year: "numeric" }).format(new Date());
  const done = (await workshopAction({ request: post("/association/atelier", { intent: "handover", claimId: bought.id, pickupCode: bought.pickupCode, temperatureC: "-19,5" }, workshop.cookie), params: {}, context: {} })) as { ok: boolean; message: string };
  expect(done.ok).toBe(true);
  expect(done.message).toBe(`Remise confirmée : 4 kg à Épicerie solidaire du Pollet. Facture ${year}-0001 émise.`);
  const invoice = await db().contributionInvoice.findUniqueOrThrow({ where: { claimId: bought.id } });
  expect(invoice).toMatchObject({ number: `${year}-0001`, sequence: 1, issuerId: workshop.id, charityId: buyer.id, amountCents: 600, vatRatePermille: 55 });
  expect((await db().donationClaim.findUniqueOrThrow({ where: { id: bought.id } })).temperatureDeciC).toBe(-195);

  // The PDF: issuer, buyer, number, the line with HT 5,69 €, TVA 5,5 % 0,31 €, TTC 6,00 €, the source lot.
  const pdf = await invoicePdfLoader({ request: get(`/factures/${invoice.id}.pdf`, buyer.cookie), params: { invoiceId: invoice.id }, context: {} });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get("content-type")).toBe("application/pdf");
  const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
  for (const part of [`Facture ${year}-0001`, "Atelier Marée Solidaire", "12345678900011", "Épicerie solidaire du Pollet", "W761234567", "4 kg", "1,50\u00a0€ / kg", "5,69\u00a0€", "0,31\u00a0€", "6,00\u00a0€", "TVA 5,5 %", "Total TTC", "Lieu noir entier", "DIE-4417", "Bateau Le Pourquoi-Pas"]) {
    expect(text).toContain(part);
  }

  // The workshop moves and renames itself: the invoice already issued still says who issued it then.
  await db().organisation.update({ where: { id: workshop.id }, data: { name: "Atelier renommé", address: "1 rue Nouvelle", siret: "73282932000074" } });
  const later = await invoicePdfLoader({ request: get(`/factures/${invoice.id}.pdf`, buyer.cookie), params: { invoiceId: invoice.id }, context: {} });
  const laterText = pdfText(new Uint8Array(await later.arrayBuffer()));
  expect(laterText).toContain("Atelier Marée Solidaire");
  expect(laterText).toContain("12345678900011");
  expect(laterText).not.toContain("Atelier renommé");
  await db().organisation.update({ where: { id: workshop.id }, data: { name: "Atelier Marée Solidaire", address: "12 quai du Carénage", siret: "12345678900011" } });

  // The buyer's invoices page lists it with its PDF link.
  const received = await render("fr", buyer.cookie, "/association/factures");
  expect(received.status).toBe(200);
  expect(received.html).toContain(`${year}-0001`);
  expect(received.html).toContain(`/factures/${invoice.id}.pdf`);
  expectWellFormed(received.html, UNTRANSLATED_KEY);
  const issued = await render("fr", workshop.cookie, "/association/atelier");
  expect(issued.html).toContain("Factures émises");
  expect(issued.html).toContain(`/factures/${invoice.id}.pdf`);

  // Traced from the boat's lot: fisher, lot number, the workshop's claim, the fillets, the charity's 4 kg.
  const fromBoat = await traceLot(rawLot.id, { organisationIds: [fisher.producerId], isAdmin: false });
  expect(fromBoat.lots.map((lot) => [lot.depth, lot.id])).toEqual([[0, rawLot.id], [1, processedId]]);
  expect(fromBoat.lots[0]).toMatchObject({ donor: { name: "Bateau Le Pourquoi-Pas" }, lotNumber: "DIE-4417", rawFishery: true });
  expect(fromBoat.lots[0]?.claims).toMatchObject([{ id: rawClaim.id, charity: { name: "Atelier Marée Solidaire" }, quantityMilli: 20_000, status: "COLLECTED", processedLotIds: [processedId] }]);
  expect(fromBoat.lots[1]?.claims).toMatchObject([{ id: bought.id, charity: { name: "Épicerie solidaire du Pollet" }, quantityMilli: 4000, status: "COLLECTED" }]);

  // … and back from the charity's bag, on its page: the fisher and the boat's lot number are there.
  const fromBag = await render("fr", buyer.cookie, `/dons/tracabilite/${processedId}`);
  expect(fromBag.status).toBe(200);
  for (const part of ["Bateau Le Pourquoi-Pas", "DIE-4417", "Lieu noir entier", "Atelier Marée Solidaire", "Épicerie solidaire du Pollet", "Filets de lieu noir surgelés"]) {
    expect(fromBag.html).toContain(part);
  }
  expectWellFormed(fromBag.html, UNTRANSLATED_KEY);
  const english = await render("en", fisher.cookie, `/dons/tracabilite/${rawLot.id}`);
  expect(english.html).toContain("Traceability: Lieu noir entier");
  expectWellFormed(english.html, UNTRANSLATED_KEY);
});

test("a buying charity sees its own claims in the chain, not other charities'", async () => {
  const { fisher, workshop, lot, claim } = await collectedRawClaim();
  const processed = await createSeaLot({ donorId: workshop.id, createdById: workshop.user.id, rawFishery: false, storage: "FROZEN", quantityMilli: 10_000, claimedMilli: 6000, sourceClaimId: claim.id, contributionCentsPerUnit: 150 });
  const [one, two] = [await createBuyer(), await createBuyer()];
  await createClaim({ lotId: processed.id, charityId: one.id, claimedById: one.user.id, quantityMilli: 4000, contributionCents: 600 });
  await createClaim({ lotId: processed.id, charityId: two.id, claimedById: two.user.id, quantityMilli: 2000, contributionCents: 300 });

  const seen = await traceLot(processed.id, { organisationIds: [one.id], isAdmin: false });
  const bag = seen.lots.find((candidate) => candidate.id === processed.id);
  expect(bag?.claims.map((candidate) => candidate.charity.id)).toEqual([one.id]);
  expect(bag?.hiddenClaims).toBe(1);
  expect(seen.lots.find((candidate) => candidate.id === lot.id)?.donor.id).toBe(fisher.producerId);

  const asWorkshop = await traceLot(lot.id, { organisationIds: [workshop.id], isAdmin: false });
  expect(asWorkshop.lots.find((candidate) => candidate.id === processed.id)?.claims).toHaveLength(2);
});

test("30 hand-overs of one workshop at once: invoices 1 to 30, no gap, no duplicate; a claim confirmed twice is invoiced once", async () => {
  const { workshop, claim } = await collectedRawClaim({ quantityMilli: 50_000 });
  const processed = await createSeaLot({ donorId: workshop.id, createdById: workshop.user.id, rawFishery: false, storage: "AMBIENT", quantityMilli: 30_000, claimedMilli: 30_000, sourceClaimId: claim.id, contributionCentsPerUnit: 150 });
  const charities = await createCharities(30);
  const claims = await Promise.all(
    charities.map((charity) => createClaim({ lotId: processed.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 1000, contributionCents: 150 })),
  );

  const handOver = (one: { id: string; pickupCode: string }) => confirmPickup({ claimId: one.id, donorId: workshop.id, userId: workshop.user.id, pickupCode: one.pickupCode, now: new Date() });
  // Every claim at once, and the first one a second time in the same rush.
  const first = claims[0]!;
  const results = await Promise.allSettled([...claims.map(handOver), handOver(first)]);
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(30);
  const rejected = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
  expect(rejected.map((reason) => (isDomainError(reason) ? reason.code : String(reason)))).toEqual(["claim_closed"]);

  const invoices = await db().contributionInvoice.findMany({ where: { issuerId: workshop.id }, select: { sequence: true, number: true, claimId: true }, orderBy: { sequence: "asc" } });
  expect(invoices.map((invoice) => invoice.sequence)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
  expect(new Set(invoices.map((invoice) => invoice.number)).size).toBe(30);
  expect(new Set(invoices.map((invoice) => invoice.claimId))).toEqual(new Set(claims.map((one) => one.id)));
  const year = invoices[0]?.number.slice(0, 4);
  expect(invoices.at(-1)?.number).toBe(`${year}-0030`);

  // Called again for an invoiced claim, the use case returns the same invoice and takes no number.
  const again = await db().$transaction((tx) => issueContributionInvoice(tx, { id: first.id, issuerId: workshop.id, charityId: charities[0]!.id, contributionCents: 150 }, new Date()));
  expect(again?.number).toBe(invoices.find((invoice) => invoice.claimId === first.id)?.number);
  expect((await db().contributionInvoiceCounter.findFirstOrThrow({ where: { issuerId: workshop.id } })).lastSequence).toBe(30);
});

test("a hand-over refused after the number is taken gives it back: the next invoice has no gap", async () => {
  const { workshop, claim } = await collectedRawClaim();
  const processed = await createSeaLot({ donorId: workshop.id, createdById: workshop.user.id, rawFishery: false, storage: "AMBIENT", quantityMilli: 10_000, claimedMilli: 2000, sourceClaimId: claim.id, contributionCentsPerUnit: 150 });
  const buyer = await createBuyer();
  const [a, b] = [
    await createClaim({ lotId: processed.id, charityId: buyer.id, claimedById: buyer.user.id, quantityMilli: 1000, contributionCents: 150 }),
    await createClaim({ lotId: processed.id, charityId: buyer.id, claimedById: buyer.user.id, quantityMilli: 1000, contributionCents: 150 }),
  ];
  // A transaction that takes a number and then fails leaves the counter as it was.
  await expect(
    db().$transaction(async (tx) => {
      await issueContributionInvoice(tx, { id: a.id, issuerId: workshop.id, charityId: buyer.id, contributionCents: 150 }, new Date());
      throw new Error("hand-over rolled back");
    }),
  ).rejects.toThrow("hand-over rolled back");
  await confirmPickup({ claimId: b.id, donorId: workshop.id, userId: workshop.user.id, pickupCode: b.pickupCode, now: new Date() });
  const invoices = await db().contributionInvoice.findMany({ where: { issuerId: workshop.id }, select: { sequence: true, claimId: true } });
  expect(invoices).toEqual([{ sequence: 1, claimId: b.id }]);
});

test("a free processed lot (no contribution) and ordinary donations issue no invoice", async () => {
  const { workshop, claim } = await collectedRawClaim();
  const free = await createSeaLot({ donorId: workshop.id, createdById: workshop.user.id, rawFishery: false, storage: "AMBIENT", quantityMilli: 5000, claimedMilli: 5000, sourceClaimId: claim.id, contributionCentsPerUnit: 0 });
  const buyer = await createBuyer();
  const given = await createClaim({ lotId: free.id, charityId: buyer.id, claimedById: buyer.user.id, quantityMilli: 5000, contributionCents: 0 });
  await confirmPickup({ claimId: given.id, donorId: workshop.id, userId: workshop.user.id, pickupCode: given.pickupCode, now: new Date() });
  expect(await db().contributionInvoice.count({ where: { issuerId: workshop.id } })).toBe(0);
});

test("publishing a processed lot: only an approved workshop, only from its own collected raw claim, never more kilos than received", async () => {
  const { fisher, workshop, claim } = await collectedRawClaim({ quantityMilli: 10_000 });
  const publish = (options: { workshopId?: string; sourceClaimId?: string; input?: PublishLotInput; contribution?: number }) =>
    publishProcessedLot({
      input: options.input ?? filletsInput(),
      sourceClaimId: options.sourceClaimId ?? claim.id,
      contributionCentsPerUnit: options.contribution ?? 150,
      workshop: { id: options.workshopId ?? workshop.id, name: "Atelier" },
      createdById: workshop.user.id,
      now: new Date(),
      appUrl: APP_URL,
    });
  const lots = () => db().donationLot.count({ where: { sourceClaimId: claim.id } });

  // A charity that is not a processing workshop (even approved for raw fish) cannot.
  const plain = await createWorkshop({ processingWorkshop: false });
  const plainClaim = await createClaim({ lotId: (await createSeaLot({ donorId: fisher.producerId, createdById: fisher.user.id })).id, charityId: plain.id, claimedById: plain.user.id, quantityMilli: 20_000, status: "COLLECTED", temperatureDeciC: 20 });
  expect(await codeOf(publish({ workshopId: plain.id, sourceClaimId: plainClaim.id }))).toBe("forbidden:sea.workshop.not_approved");

  // Another workshop's claim is not found; so is an unknown one.
  const other = await createWorkshop();
  expect(await codeOf(publish({ workshopId: other.id }))).toBe("not_found");
  expect(await codeOf(publish({ sourceClaimId: "inconnu" }))).toBe("not_found");

  // A claim not collected yet, or of a lot that is not raw fish.
  const reservedRaw = await createSeaLot({ donorId: fisher.producerId, createdById: fisher.user.id });
  const reserved = await createClaim({ lotId: reservedRaw.id, charityId: workshop.id, claimedById: workshop.user.id, quantityMilli: 20_000 });
  expect(await codeOf(publish({ sourceClaimId: reserved.id }))).toBe("invalid:sea.publish.source.not_collected");
  const carrots = await createSeaLot({ donorId: fisher.producerId, createdById: fisher.user.id, rawFishery: false, productName: "Carottes" });
  const notRaw = await createClaim({ lotId: carrots.id, charityId: workshop.id, claimedById: workshop.user.id, quantityMilli: 20_000, status: "COLLECTED", temperatureDeciC: 20 });
  expect(await codeOf(publish({ sourceClaimId: notRaw.id }))).toBe("invalid:sea.publish.source.not_raw");

  // The lot's own rules still hold: a frozen lot states −18 °C.
  expect(await codeOf(publish({ input: filletsInput({ frozenAtMinus18: false }) }))).toBe("invalid:donations.rule.frozen_statement");
  expect(await lots()).toBe(0);

  // 10 kg of whole fish: 8 kg then 2 kg of fillets, but not 0,5 kg more.
  await publish({});
  await publish({ input: filletsInput({ quantity: 2 }) });
  expect(await codeOf(publish({ input: filletsInput({ quantity: 0.5 }) }))).toBe("invalid:sea.publish.quantity.above_source");
  expect(await lots()).toBe(2);
  const made = await db().donationLot.findMany({ where: { sourceClaimId: claim.id }, select: { rawFishery: true, donorId: true } });
  expect(made.every((one) => !one.rawFishery && one.donorId === workshop.id)).toBe(true);
});

test("a charity not approved for raw fish is alerted of a processed lot: processed fish is not raw", async () => {
  const { workshop, claim } = await collectedRawClaim();
  const buyer = await createBuyer();
  await publishProcessedLot({ input: filletsInput(), sourceClaimId: claim.id, contributionCentsPerUnit: 150, workshop: { id: workshop.id, name: workshop.name }, createdById: workshop.user.id, now: new Date(), appUrl: APP_URL });
  const emails = await db().outboxEmail.findMany({ where: { to: buyer.user.email }, select: { text: true } });
  expect(emails).toHaveLength(1);
  expect(emails[0]?.text).toContain("Filets de lieu noir");
});

test("the publish form: bad input is a 400 naming the field in French (or English), and writes nothing", async () => {
  const { workshop, claim } = await collectedRawClaim();
  const send = async (fields: Record<string, string>, language?: string) => {
    const request = post("/association/atelier/nouveau", fields, language ? `${workshop.cookie}; tm_lang=${language}` : workshop.cookie);
    return asFailure(await publishAction({ request, params: {}, context: {} }));
  };
  const cases: Array<[Record<string, string>, string, string]> = [
    [{ productName: "" }, "productName", "Produit : saisissez un nom (120 caractères au plus)."],
    [{ productName: "x".repeat(121) }, "productName", "Produit : saisissez un nom (120 caractères au plus)."],
    [{ quantity: "" }, "quantity", "Quantité : un nombre supérieur à 0, au plus 100 000, avec 3 décimales au plus (exemple : 2,5)."],
    [{ quantity: "-2" }, "quantity", "Quantité : un nombre supérieur à 0, au plus 100 000, avec 3 décimales au plus (exemple : 2,5)."],
    [{ quantity: "99999999" }, "quantity", "Quantité : un nombre supérieur à 0, au plus 100 000, avec 3 décimales au plus (exemple : 2,5)."],
    [{ quantity: "beaucoup" }, "quantity", "Quantité : un nombre supérieur à 0, au plus 100 000, avec 3 décimales au plus (exemple : 2,5)."],
    [{ quantity: "1,2345" }, "quantity", "Quantité : un nombre supérieur à 0, au plus 100 000, avec 3 décimales au plus (exemple : 2,5)."],
    [{ unit: "tonne" }, "unit", "Unité : choisissez kg, pièce ou litre."],
    [{ storage: "tiède" }, "storage", "Conservation : choisissez une des conservations proposées."],
    [{ contribution: "-1" }, "contribution", "Contribution solidaire : un montant en euros de 0 à 100, au centime (exemple : 1,50)."],
    [{ contribution: "1,505" }, "contribution", "Contribution solidaire : un montant en euros de 0 à 100, au centime (exemple : 1,50)."],
    [{ contribution: "1e9" }, "contribution", "Contribution solidaire : un montant en euros de 0 à 100, au centime (exemple : 1,50)."],
    [{ costPrice: "" }, "costPrice", "Prix de revient : un montant en euros de 0 à 10 000, au centime (exemple : 3,20)."],
    [{ bestBefore: "2026-02-30" }, "bestBefore", "DDM : une date valide, par exemple 2026-12-01."],
    [{ pickupStart: "demain" }, "pickupStart", "Début du retrait : une date et une heure valides."],
    [{ lotNumber: "L".repeat(61) }, "lotNumber", "Numéro de lot : 60 caractères au plus."],
    [{ pickupEnd: parisLocalIn(-2) }, "pickupEnd", "Fenêtre de retrait : la fin doit être après le début."],
    [{ useBy: isoDateIn(30) }, "bestBefore", "DLC et DDM : indiquez l'une ou l'autre, pas les deux."],
  ];
  for (const [overrides, field, message] of cases) {
    const failure = await send(filletsForm(claim.id, overrides));
    expect(failure.init?.status, JSON.stringify(overrides)).toBe(400);
    expect(failure.data.fieldErrors[field], JSON.stringify(overrides)).toBe(message);
  }
  const english = await send(filletsForm(claim.id, { quantity: "-2" }), "en");
  expect(english.data.fieldErrors.quantity).toBe("Quantity: a number above 0, at most 100,000, with at most 3 decimals (e.g. 2.5).");
  expect(await db().donationLot.count({ where: { sourceClaimId: claim.id } })).toBe(0);

  // The form redisplays with the alert, each message beside its field, every field labelled.
  const { html, status } = await render("fr", workshop.cookie, `/association/atelier/nouveau?source=${claim.id}`, { method: "POST", body: new URLSearchParams(filletsForm(claim.id, { quantity: "-2" })) });
  expect(status).toBe(400);
  expect(html).toMatch(/role="alert"[^>]*>Certaines informations sont invalides/);
  expect(html).toMatch(/id="field-quantity-error"[^>]*>Quantité : un nombre/);
  expectWellFormed(html, UNTRANSLATED_KEY);

  // Someone else's claim, or an unknown one, is a 404 — on the page and on the form.
  const other = await collectedRawClaim();
  expect(await statusOf(() => publishAction({ request: post("/association/atelier/nouveau", filletsForm(other.claim.id), workshop.cookie), params: {}, context: {} }))).toBe(404);
  expect(await statusOf(() => publishLoader({ request: get(`/association/atelier/nouveau?source=${other.claim.id}`, workshop.cookie), params: {}, context: {} }))).toBe(404);
  expect(await statusOf(() => publishLoader({ request: get("/association/atelier/nouveau?source=%27%3B--", workshop.cookie), params: {}, context: {} }))).toBe(404);
  expect(await db().donationLot.count({ where: { sourceClaimId: other.claim.id } })).toBe(0);
});

test("the hand-over form: bad input is a 400 beside its field and changes nothing; another's claim is not found", async () => {
  const { workshop, claim } = await collectedRawClaim();
  const processed = await createSeaLot({ donorId: workshop.id, createdById: workshop.user.id, rawFishery: false, storage: "FROZEN", quantityMilli: 10_000, claimedMilli: 4000, sourceClaimId: claim.id, contributionCentsPerUnit: 150 });
  const buyer = await createBuyer();
  const reserved = await createClaim({ lotId: processed.id, charityId: buyer.id, claimedById: buyer.user.id, quantityMilli: 4000, contributionCents: 600 });
  const send = async (fields: Record<string, string>) => asFailure(await workshopAction({ request: post("/association/atelier", fields, workshop.cookie), params: {}, context: {} }));

  const cases: Array<[Record<string, string>, number, string, string]> = [
    [{ intent: "handover", claimId: reserved.id, pickupCode: "" }, 400, "pickupCode", "Le code de retrait est fait de 6 chiffres, par exemple 048213."],
    [{ intent: "handover", claimId: reserved.id, pickupCode: "12345678" }, 400, "pickupCode", "Le code de retrait est fait de 6 chiffres, par exemple 048213."],
    [{ intent: "handover", claimId: reserved.id, pickupCode: reserved.pickupCode, temperatureC: "froid" }, 400, "temperatureC", "Température : un nombre de degrés Celsius entre −40 et 20 (exemple : −18,5)."],
    [{ intent: "handover", claimId: reserved.id, pickupCode: reserved.pickupCode, temperatureC: "-400" }, 400, "temperatureC", "Température : un nombre de degrés Celsius entre −40 et 20 (exemple : −18,5)."],
    [{ intent: "handover", claimId: reserved.id, pickupCode: reserved.pickupCode }, 400, "temperatureC", "Relevez la température à la remise : elle est obligatoire pour un produit réfrigéré ou surgelé."],
    [{ intent: "handover", claimId: reserved.id, pickupCode: reserved.pickupCode, temperatureC: "4" }, 400, "temperatureC", "La chaîne du froid est rompue : un produit surgelé se remet à −18 °C ou moins."],
    [{ intent: "handover", claimId: "x".repeat(65), pickupCode: reserved.pickupCode }, 400, "claimId", "Identifiant inconnu."],
    [{ intent: "effacer", claimId: reserved.id }, 400, "intent", "Action inconnue."],
  ];
  for (const [fields, status, field, message] of cases) {
    const failure = await send(fields);
    expect(failure.init?.status, JSON.stringify(fields)).toBe(status);
    expect(failure.data.fieldErrors[field], JSON.stringify(fields)).toBe(message);
  }
  // A claim on another workshop's lot (or any lot not its own) is not found.
  const elsewhere = await collectedRawClaim();
  const notMine = asFailure(await workshopAction({ request: post("/association/atelier", { intent: "handover", claimId: elsewhere.claim.id, pickupCode: elsewhere.claim.pickupCode }, workshop.cookie), params: {}, context: {} }));
  expect(notMine.init?.status).toBe(404);
  expect((await db().donationClaim.findUniqueOrThrow({ where: { id: reserved.id } })).status).toBe("RESERVED");
  expect(await db().contributionInvoice.count({ where: { claimId: reserved.id } })).toBe(0);

  // The page shows the refusal beside the code.
  const wrong = reserved.pickupCode === "000000" ? "111111" : "000000";
  const { html, status } = await render("fr", workshop.cookie, "/association/atelier", { method: "POST", body: new URLSearchParams({ intent: "handover", claimId: reserved.id, pickupCode: wrong, temperatureC: "-20" }) });
  expect(status).toBe(400);
  expect(html).toMatch(/role="alert"[^>]*>Ce code de retrait ne correspond pas/);
  // Above the handover form, out of sight on a phone: the error summary that takes the focus (issue 10).
  expect(html).toMatch(/role="group"[^>]*tabindex="-1"|tabindex="-1"[^>]*role="group"/);
  expect(html).toContain("Le formulaire n&#x27;a pas été enregistré");
  expect(html).toMatch(/id="code-[^"]+-error"[^>]*>Ce code de retrait/);
  expectWellFormed(html, UNTRANSLATED_KEY);
});

test("permissions: the workshop's pages for approved workshops only; invoices and traces answer 404 to outsiders", async () => {
  const { fisher, workshop, lot, claim } = await collectedRawClaim();
  const processed = await createSeaLot({ donorId: workshop.id, createdById: workshop.user.id, rawFishery: false, storage: "AMBIENT", quantityMilli: 10_000, claimedMilli: 4000, sourceClaimId: claim.id, contributionCentsPerUnit: 150 });
  const buyer = await createBuyer();
  const bought = await createClaim({ lotId: processed.id, charityId: buyer.id, claimedById: buyer.user.id, quantityMilli: 4000, contributionCents: 600 });
  await confirmPickup({ claimId: bought.id, donorId: workshop.id, userId: workshop.user.id, pickupCode: bought.pickupCode, now: new Date() });
  const invoice = await db().contributionInvoice.findUniqueOrThrow({ where: { claimId: bought.id } });

  const anonymous = "";
  const consumer = await signedInCookie((await createUser()).id);
  const producer = (await createProducerUser()).cookie;
  const otherCharity = (await createBuyer()).cookie;
  const unverified = await createWorkshop();
  await db().organisation.update({ where: { id: unverified.id }, data: { verifiedAt: null } });
  const admin = (await createMemberUser("ADMIN")).cookie;

  const atelier = (cookie: string) => statusOf(() => workshopLoader({ request: get("/association/atelier", cookie), params: {}, context: {} }));
  expect(await atelier(anonymous)).toBe(302);
  expect(await atelier(consumer)).toBe(403);
  expect(await atelier(producer)).toBe(403);
  expect(await atelier(otherCharity)).toBe(403);
  expect(await atelier(unverified.cookie)).toBe(403);
  expect(await atelier(workshop.cookie)).toBe(200);
  expect(await statusOf(() => workshopAction({ request: post("/association/atelier", { intent: "handover", claimId: bought.id, pickupCode: bought.pickupCode }, otherCharity), params: {}, context: {} }))).toBe(403);

  const pdf = (cookie: string, id = invoice.id) => statusOf(() => invoicePdfLoader({ request: get(`/factures/${id}.pdf`, cookie), params: { invoiceId: id }, context: {} }));
  expect(await pdf(anonymous)).toBe(302);
  expect(await pdf(consumer)).toBe(404);
  expect(await pdf(otherCharity)).toBe(404);
  expect(await pdf(fisher.cookie)).toBe(404);
  expect(await pdf(workshop.cookie)).toBe(200);
  expect(await pdf(buyer.cookie)).toBe(200);
  expect(await pdf(admin)).toBe(200);
  expect(await pdf(admin, "inconnue")).toBe(404);

  const trace = (cookie: string, id: string) => statusOf(() => traceLoader({ request: get(`/dons/tracabilite/${id}`, cookie), params: { lotId: id }, context: {} }));
  expect(await trace(anonymous, lot.id)).toBe(302);
  expect(await trace(consumer, lot.id)).toBe(404);
  expect(await trace(otherCharity, processed.id)).toBe(404);
  expect(await trace(producer, lot.id)).toBe(404);
  for (const cookie of [fisher.cookie, workshop.cookie, buyer.cookie, admin]) {
    expect(await trace(cookie, lot.id)).toBe(200);
    expect(await trace(cookie, processed.id)).toBe(200);
  }
  expect(await trace(admin, "inconnu")).toBe(404);

  // The other charity's invoices page shows none of them.
  const theirs = await render("fr", otherCharity, "/association/factures");
  expect(theirs.html).not.toContain(invoice.number);
  expect(theirs.html).toContain("Aucune facture reçue.");
});

test("the workshop's page and a trace cost the same few statements with 1 processed lot or 12, each with 5 claims", async () => {
  async function workshopWith(lots: number) {
    const { workshop, lot, claim } = await collectedRawClaim({ quantityMilli: 90_000 });
    const buyers = await createCharities(5);
    for (let index = 0; index < lots; index++) {
      const processed = await createSeaLot({ donorId: workshop.id, createdById: workshop.user.id, rawFishery: false, storage: "AMBIENT", quantityMilli: 5000, claimedMilli: 5000, sourceClaimId: claim.id, contributionCentsPerUnit: 150 });
      for (const buyer of buyers) await createClaim({ lotId: processed.id, charityId: buyer.id, claimedById: buyer.user.id, quantityMilli: 1000, contributionCents: 150 });
    }
    return { workshop, lot };
  }
  async function cost(run: () => Promise<unknown>) {
    const before = statementsIssued();
    await run();
    return statementsIssued() - before;
  }
  const small = await workshopWith(1);
  const large = await workshopWith(12);
  const pageCost = (cookie: string) => cost(() => workshopLoader({ request: get("/association/atelier", cookie), params: {}, context: {} }));
  const traceCost = (cookie: string, lotId: string) => cost(() => traceLoader({ request: get(`/dons/tracabilite/${lotId}`, cookie), params: { lotId }, context: {} }));
  const [smallPage, largePage] = [await pageCost(small.workshop.cookie), await pageCost(large.workshop.cookie)];
  expect(smallPage).toBeLessThanOrEqual(6);
  expect(largePage).toBe(smallPage);
  const [smallTrace, largeTrace] = [await traceCost(small.workshop.cookie, small.lot.id), await traceCost(large.workshop.cookie, large.lot.id)];
  expect(smallTrace).toBeLessThanOrEqual(3);
  expect(largeTrace).toBe(smallTrace);
});

test("a workshop never claims its own processed lot, and is emailed when another charity claims it", async () => {
  const workshop = await createWorkshop();
  const buyer = await createBuyer();
  const lot = await createSeaLot({ donorId: workshop.id, createdById: workshop.user.id, rawFishery: false, storage: "FROZEN", productName: "Filets de merlan surgelés", contributionCentsPerUnit: 150 });

  const own = await claimLot({ input: { quantity: 2 }, lotId: lot.id, charity: { id: workshop.id, name: workshop.name }, claimedById: workshop.user.id, now: new Date() }).catch((error: unknown) => error);
  expect(isDomainError(own) && own.code).toBe("forbidden");
  expect(isDomainError(own) && own.details.messageKey).toBe("donations.claim.own_lot");
  expect(await db().donationClaim.count({ where: { lotId: lot.id } })).toBe(0);

  await claimLot({ input: { quantity: 2 }, lotId: lot.id, charity: { id: buyer.id, name: buyer.name }, claimedById: buyer.user.id, now: new Date() });
  const emails = await db().outboxEmail.findMany({ where: { to: workshop.user.email } });
  expect(emails.map((email) => email.subject).join("\n")).toContain("Filets de merlan surgelés");
});
