import type { LoaderFunctionArgs } from "@remix-run/node";
import { expect, test } from "vitest";
import { statementsIssued } from "~/db.server";
import type { Locale } from "~/i18n/messages";
import SlipPage, { loader as slipLoader } from "~/routes/dons.bordereau.$claimId";
import { loader as slipPdfLoader } from "~/routes/dons.bordereau.$claimId[.]pdf";
import SummaryPage, { loader as summaryLoader } from "~/routes/producteur.dons.recapitulatif";
import { loader as summaryCsvLoader } from "~/routes/producteur.dons.recapitulatif[.]csv";
import { loader as summaryPdfLoader } from "~/routes/producteur.dons.recapitulatif[.]pdf";
import { createMemberUser, createProducerUser, createUser, signedInCookie } from "../factories";
import { createPastClaim, createPastLot, createSlipCharity, createSlipDonor } from "../factories-donations";
import { pdfLines, pdfText } from "../pdf-text";
import { renderPage, type PageRoute } from "../render-page";
import { dataAsResponse } from "../route-requests";

/**
 * The donation documents as their readers get them: the slip of a collected claim (page and PDF,
 * French and English, for the donor, the charity and the territory only) and the donor's yearly
 * summary (page, CSV, PDF) on a known data set of December 2025, New Year's Eve included.
 */

const pages: PageRoute[] = [
  { path: "dons/bordereau/:claimId", loader: slipLoader, Component: SlipPage },
  { path: "producteur/dons/recapitulatif", loader: summaryLoader, Component: SummaryPage },
];

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

function request(path: string, cookie?: string, locale?: Locale): Request {
  const cookies = [cookie, locale ? `tm_lang=${locale}` : null].filter(Boolean).join("; ");
  return new Request(`http://localhost${path}`, { headers: cookies ? { cookie: cookies } : {} });
}

/** What a loader answered, returned or thrown, as a Response (a page's data as 200). */
async function answer(loader: Loader, path: string, params: Record<string, string>, cookie?: string, locale?: Locale): Promise<Response> {
  try {
    const result = dataAsResponse(await loader({ request: request(path, cookie, locale), params, context: {} }));
    return result instanceof Response ? result : Response.json(result);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

async function pdfOf(response: Response): Promise<Uint8Array> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return new Uint8Array(await response.arrayBuffer());
}

function expectOneHeading(html: string) {
  expect(html.match(/<h1\b/g)).toHaveLength(1);
  expect(html).not.toMatch(/(slip|taxSummary)\.[a-z]+(\.[a-zA-Z]+)?(?=[<"\s])/);
}

/** A donor, a charity, and one claim of 5 kg of chilled sole (use-by 10/12/2025) collected on 8 December 2025 at 14:30 in Paris at 2.5 °C. */
async function collectedSlip(options: { contributionCentsPerUnit?: number } = {}) {
  const donor = await createSlipDonor({ memberName: "Denis Donateur" });
  const charity = await createSlipCharity({ memberName: "Claire Bénévole" });
  const lot = await createPastLot({
    donorId: donor.producerId,
    createdById: donor.user.id,
    productName: "Sole commune",
    description: "Invendus de la criée du vendredi",
    lotNumber: "L-2025-118",
    rawFishery: true,
    contributionCentsPerUnit: options.contributionCentsPerUnit ?? null,
  });
  const claim = await createPastClaim({
    lotId: lot.id,
    charityId: charity.id,
    claimedById: charity.user.id,
    quantityMilli: 5_000,
    at: new Date("2025-12-08T13:30:00Z"),
    collectedById: donor.user.id,
    temperatureDeciC: 25,
    contributionCents: options.contributionCentsPerUnit ? (options.contributionCentsPerUnit * 5) : 0,
  });
  const number = `DON-2025-${claim.id.slice(0, 8).toUpperCase()}`;
  return { donor, charity, lot, claim, number };
}

test("the slip page shows every field of a collected claim, with Print and Download buttons, in French and English", async () => {
  const { donor, charity, claim, number } = await collectedSlip();
  const { html, status } = await renderPage(pages, "fr", donor.cookie, `/dons/bordereau/${claim.id}`);
  expect(status).toBe(200);
  expectOneHeading(html);
  for (const text of [
    `Bordereau de don n° ${number}`,
    "Sole commune",
    "Invendus de la criée du vendredi",
    "5 kg",
    "10/12/2025",
    "L-2025-118",
    "Réfrigéré (0 à 4 °C)",
    "Produit de la pêche brut",
    "2,5 °C",
    "lundi 8 décembre 2025 à 14:30",
    "Quai Henri IV, Dieppe",
    donor.name,
    "Quai Henri IV, 76200 Dieppe",
    donor.siret,
    charity.name,
    "5 rue de la Barre, 76200 Dieppe",
    charity.rna,
    "Denis Donateur",
    "Claire Bénévole",
    "50 % du prix de revient : remis dans les 3 derniers jours de la DLC",
    "Pour le donateur : nom, date et signature",
    "Pour l&#x27;association : nom, date et signature",
  ]) {
    expect(html, text).toContain(text);
  }
  expect(html).toMatch(/<dt[^>]*>Valeur du don<\/dt><dd[^>]*>30,00\s€<\/dd>/);
  expect(html).toMatch(/<dt[^>]*>Prix de revient<\/dt><dd[^>]*>12,00\s€ \/ kg<\/dd>/);
  expect(html).toMatch(/<button type="button"[^>]*>Imprimer<\/button>/);
  expect(html).toContain(`href="/dons/bordereau/${claim.id}.pdf"`);
  expect(html).toMatch(/<a [^>]*>Télécharger le PDF<\/a>/);
  expect(html).toMatch(/class="[^"]*print:hidden[^"]*"><button/);

  const en = await renderPage(pages, "en", charity.cookie, `/dons/bordereau/${claim.id}`);
  expect(en.status).toBe(200);
  expectOneHeading(en.html);
  for (const text of [`Donation slip no. ${number}`, "Monday 8 December 2025 at 14:30", "Temperature at hand-over", "2.5 °C", "Chilled (0 to 4 °C)", "Download the PDF", ">Print<"]) {
    expect(en.html, text).toContain(text);
  }
  expect(en.html).toMatch(/Donation value<\/dt><dd[^>]*>€30\.00</);
});

test("the slip's PDF says the same in French and in English, under the file name bordereau-<number>.pdf", async () => {
  const { donor, charity, claim, number } = await collectedSlip();
  const response = await answer(slipPdfLoader, `/dons/bordereau/${claim.id}.pdf`, { claimId: claim.id }, charity.cookie);
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="bordereau-${number}.pdf"`);
  const bytes = await pdfOf(response);
  const text = pdfText(bytes);
  for (const line of [
    `Bordereau de don n° ${number}`,
    "Sole commune",
    "5 kg",
    "10/12/2025",
    "L-2025-118",
    "Réfrigéré (0 à 4 °C)",
    "2,5 °C",
    "lundi 8 décembre 2025 à 14:30",
    "Quai Henri IV, Dieppe",
    donor.name,
    donor.siret,
    charity.name,
    charity.rna,
    "Denis Donateur",
    "Claire Bénévole",
    "Pour le donateur : nom, date et signature",
  ]) {
    expect(text, line).toContain(line);
  }
  expect(pdfLines(bytes)).toContain("30,00\u00a0€");

  const en = pdfText(await pdfOf(await answer(slipPdfLoader, `/dons/bordereau/${claim.id}.pdf`, { claimId: claim.id }, donor.cookie, "en")));
  for (const line of [`Donation slip no. ${number}`, "Monday 8 December 2025 at 14:30", "Temperature at hand-over", "Chilled (0 to 4 °C)", "€30.00", "For the donor: name, date and signature"]) {
    expect(en, line).toContain(line);
  }
});

test("the donor, the charity and a territory admin read the slip; another charity, another producer and a consumer get 404; a visitor goes to the login page", async () => {
  const { donor, charity, claim } = await collectedSlip();
  const admin = await createMemberUser("ADMIN");
  const otherCharity = await createSlipCharity();
  const otherProducer = await createProducerUser();
  const consumer = await createUser();
  const consumerCookie = await signedInCookie(consumer.id);
  const path = `/dons/bordereau/${claim.id}`;
  const params = { claimId: claim.id };

  for (const cookie of [donor.cookie, charity.cookie, admin.cookie]) {
    expect((await answer(slipLoader, path, params, cookie)).status).toBe(200);
    expect((await answer(slipPdfLoader, `${path}.pdf`, params, cookie)).status).toBe(200);
  }
  for (const cookie of [otherCharity.cookie, otherProducer.cookie, consumerCookie]) {
    const page = await answer(slipLoader, path, params, cookie);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("Sole");
    const pdf = await answer(slipPdfLoader, `${path}.pdf`, params, cookie);
    expect(pdf.status).toBe(404);
    expect(pdf.headers.get("content-type")).not.toBe("application/pdf");
  }
  for (const loader of [slipLoader, slipPdfLoader]) {
    const visitor = await answer(loader, path, params);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toBe(`/connexion?redirectTo=${encodeURIComponent(path)}`);
  }
  // Unknown, malformed or absurdly long ids: the same 404.
  for (const claimId of [crypto.randomUUID(), "../../etc/passwd", "x".repeat(5000), "' OR 1=1 --"]) {
    expect((await answer(slipLoader, `/dons/bordereau/x`, { claimId }, admin.cookie)).status).toBe(404);
    expect((await answer(slipPdfLoader, `/dons/bordereau/x.pdf`, { claimId }, admin.cookie)).status).toBe(404);
  }
});

test("a claim not collected yet has no slip: its donor is told why, others learn nothing", async () => {
  const donor = await createSlipDonor();
  const charity = await createSlipCharity();
  const stranger = await createSlipCharity();
  const lot = await createPastLot({ donorId: donor.producerId, createdById: donor.user.id });
  for (const status of ["RESERVED", "MISSED", "CANCELLED"] as const) {
    const claim = await createPastClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 1_000, status });
    const params = { claimId: claim.id };
    const page = await answer(slipLoader, `/dons/bordereau/${claim.id}`, params, donor.cookie);
    expect(page.status).toBe(404);
    expect(await page.json()).toEqual({ message: "Le bordereau est établi à la remise du lot : cette réservation n'a pas encore été retirée." });
    const pdf = await answer(slipPdfLoader, `/dons/bordereau/${claim.id}.pdf`, params, charity.cookie, "en");
    expect(pdf.status).toBe(404);
    expect(await pdf.text()).toBe("The slip is made out when the lot is handed over: this claim has not been collected yet.");
    const hidden = await answer(slipLoader, `/dons/bordereau/${claim.id}`, params, stranger.cookie);
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).not.toContain("bordereau");
  }
});

test("a sea-basket lot handed over for a solidarity contribution: the slip states the contribution paid, not a donation value", async () => {
  const { donor, claim, number } = await collectedSlip({ contributionCentsPerUnit: 150 });
  const { html } = await renderPage(pages, "fr", donor.cookie, `/dons/bordereau/${claim.id}`);
  expect(html).toContain(`Bordereau de remise n° ${number}`);
  expect(html).toMatch(/Contribution solidaire payée<\/dt><dd[^>]*>7,50\s€</);
  expect(html).not.toContain("Valeur du don");
  const text = pdfText(await pdfOf(await answer(slipPdfLoader, `/dons/bordereau/${claim.id}.pdf`, { claimId: claim.id }, donor.cookie)));
  expect(text).toContain("Contribution solidaire payée");
  expect(text).not.toContain("Valeur du don");
});

/**
 * December 2025, chilled sole with a use-by date of 10/12/2025 at 12,00 €/kg: 10 kg collected on
 * the 6th (120 € at 100 %), 5 kg on the 8th (30 € at 50 %), 2 kg of ambient bread (5 €/kg, no date)
 * collected on 31/12 at 23:30 Paris (10 €, 2025) and 3 kg at 00:10 on 1 January (15 €, 2026).
 * Reserved, missed and cancelled claims, a sea-basket lot sold for a contribution and another
 * producer's donations count nothing.
 */
async function december() {
  const donor = await createSlipDonor();
  const secours = await createSlipCharity({ name: `Secours populaire ${crypto.randomUUID().slice(0, 4)}`, siret: "77567227200016" });
  const restos = await createSlipCharity({ name: `Restos du cœur ${crypto.randomUUID().slice(0, 4)}` });
  const sole = await createPastLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Sole commune", useBy: "2025-12-10" });
  const bread = await createPastLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Pain de campagne", storage: "AMBIENT", useBy: null, costPriceCents: 500 });
  const seaBasket = await createPastLot({ donorId: donor.producerId, createdById: donor.user.id, productName: "Filets de lieu surgelés", storage: "FROZEN", useBy: null, contributionCentsPerUnit: 150 });
  const collected = (lotId: string, charity: { id: string; user: { id: string } }, quantityMilli: number, at: string) =>
    createPastClaim({ lotId, charityId: charity.id, claimedById: charity.user.id, quantityMilli, at: new Date(at), collectedById: donor.user.id, temperatureDeciC: 30 });
  await collected(sole.id, secours, 10_000, "2025-12-06T10:00:00Z");
  await collected(sole.id, restos, 5_000, "2025-12-08T15:00:00Z");
  await collected(bread.id, secours, 2_000, "2025-12-31T22:30:00Z");
  await collected(bread.id, restos, 3_000, "2025-12-31T23:10:00Z");
  await collected(seaBasket.id, restos, 20_000, "2025-12-09T10:00:00Z");
  for (const status of ["RESERVED", "MISSED", "CANCELLED"] as const) {
    await createPastClaim({ lotId: sole.id, charityId: restos.id, claimedById: restos.user.id, quantityMilli: 7_000, status, at: new Date("2025-12-07T10:00:00Z") });
  }
  const other = await createSlipDonor({ name: "Autre bateau" });
  const otherLot = await createPastLot({ donorId: other.producerId, createdById: other.user.id, productName: "Turbot d'un autre" });
  await createPastClaim({ lotId: otherLot.id, charityId: secours.id, claimedById: secours.user.id, quantityMilli: 9_000, at: new Date("2025-12-06T10:00:00Z") });
  return { donor, secours, restos, other };
}

test("the yearly summary values each donation by the rule, by charity, in the Paris calendar year", async () => {
  const { donor, secours, restos } = await december();
  const { html, status } = await renderPage(pages, "fr", donor.cookie, "/producteur/dons/recapitulatif?annee=2025");
  expect(status).toBe(200);
  expectOneHeading(html);
  expect(html).toContain("Récapitulatif annuel des dons");
  expect(html).toContain(`${donor.name} — année 2025`);
  expect(html).toContain("cédés, pas donnés");
  expect(html).toContain("Cerfa n° 11580");
  expect(html).toMatch(/<label for="recapitulatif-annee"[^>]*>Année<\/label>/);
  expect(html).toContain('value="2025"');
  expect(html).toMatch(/Valeur des dons<\/dt><dd[^>]*>160,00\s€</);
  expect(html).toMatch(/Dons retirés<\/dt><dd[^>]*>3</);
  expect(html).toMatch(/Kilos donnés<\/dt><dd[^>]*>17 kg</);
  expect(html).toContain("overflow-x-auto");

  // Restos du cœur: 5 kg at 50 % (30 €); Secours populaire: 10 kg at 100 % (120 €) and the bread of New Year's Eve (10 €).
  const restosPart = html.slice(html.indexOf(restos.name), html.indexOf(secours.name));
  expect(restosPart).toMatch(/08\/12\/2025 16:00<\/td>/);
  expect(restosPart).toMatch(/>50 %<\/td><td[^>]*>30,00\s€<\/td>/);
  expect(restosPart).toMatch(/>Sous-total<\/td>(<td[^>]*><\/td>){2}<td[^>]*>5 kg<\/td>(<td[^>]*><\/td>){3}<td[^>]*>30,00\s€<\/td>/);
  expect(restosPart).not.toContain("Pain de campagne");
  const secoursPart = html.slice(html.indexOf(secours.name));
  expect(secoursPart).toContain("SIRET : 77567227200016");
  expect(secoursPart).toMatch(/>100 %<\/td><td[^>]*>120,00\s€<\/td>/);
  expect(secoursPart).toMatch(/31\/12\/2025 23:30<\/td><td[^>]*>DON-2025-/);
  expect(secoursPart).toMatch(/<td[^>]*>Sous-total<\/td>(<td[^>]*><\/td>){2}<td[^>]*>12 kg<\/td>(<td[^>]*><\/td>){3}<td[^>]*>130,00\s€<\/td>/);
  for (const absent of ["Filets de lieu surgelés", "Turbot d&#x27;un autre", ">7 kg<", "00:10"]) expect(html, absent).not.toContain(absent);

  // 00:10 on 1 January in Paris is 2026, though it is still 2025 in UTC.
  const next = await renderPage(pages, "fr", donor.cookie, "/producteur/dons/recapitulatif?annee=2026");
  expect(next.html).toMatch(/Valeur des dons<\/dt><dd[^>]*>15,00\s€</);
  expect(next.html).toContain("01/01/2026 00:10");
  expect(next.html).toContain(`DON-2026-`);

  const english = await renderPage(pages, "en", donor.cookie, "/producteur/dons/recapitulatif?annee=2025");
  expectOneHeading(english.html);
  expect(english.html).toMatch(/Value of donations<\/dt><dd[^>]*>€160\.00</);
  expect(english.html).toContain("sold, not given");
});

test("the CSV and the PDF show the same lines and totals as the page", async () => {
  const { donor, secours, restos } = await december();
  const csvResponse = await answer(summaryCsvLoader, "/producteur/dons/recapitulatif.csv?annee=2025", {}, donor.cookie);
  expect(csvResponse.status).toBe(200);
  expect(csvResponse.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(csvResponse.headers.get("content-disposition")).toBe('attachment; filename="recapitulatif-dons-2025.csv"');
  const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csvResponse.arrayBuffer());
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("\uFEFFAssociation;RNA;SIRET association;Date du retrait;Bordereau;Produit;N° de lot;Quantité;Unité;DLC;DDM;Prix de revient unitaire (€);Taux (%);Valeur (€)");
  expect(lines).toHaveLength(1 + 3 + 2 + 1);
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${restos.name};${restos.rna};;08/12/2025 16:00;DON-2025-[0-9A-F]{8};Sole commune;L-[^;]+;5;kg;10/12/2025;;12,00;50;30,00$`)));
  expect(lines).toContain(`${restos.name};${restos.rna};;;;Sous-total;;5;kg;;;;;30,00`);
  expect(lines).toContain(`${secours.name};${secours.rna};77567227200016;;;Sous-total;;12;kg;;;;;130,00`);
  expect(lines.at(-1)).toBe("Total 2025;;;;;;;17;kg;;;;;160,00");

  const pdfResponse = await answer(summaryPdfLoader, "/producteur/dons/recapitulatif.pdf?annee=2025", {}, donor.cookie);
  expect(pdfResponse.headers.get("content-disposition")).toBe('attachment; filename="recapitulatif-dons-2025.pdf"');
  const bytes = await pdfOf(pdfResponse);
  const pdf = pdfLines(bytes);
  expect(pdf).toContain("Récapitulatif annuel des dons");
  expect(pdf).toContain("160,00\u00a0€");
  expect(pdf).toContain("130,00\u00a0€");
  expect(pdf).toContain("30,00\u00a0€");
  expect(pdf).toContain("120,00\u00a0€");
  expect(pdf).toContain(restos.name);
  expect(pdf).toContain(secours.name);
  const text = pdfText(bytes);
  expect(text).toContain("Sous-total");
  expect(text).not.toContain("Filets de lieu");
  expect(text).not.toContain("Turbot");

  const english = pdfText(await pdfOf(await answer(summaryPdfLoader, "/producteur/dons/recapitulatif.pdf?annee=2025", {}, donor.cookie, "en")));
  expect(english).toContain("Yearly donation summary");
  expect(english).toContain("€160.00");
});

test("another producer's summary never shows this donor's donations, and this donor's never shows theirs", async () => {
  const { donor, other } = await december();
  const theirs = await renderPage(pages, "fr", other.cookie, "/producteur/dons/recapitulatif?annee=2025");
  expect(theirs.html).toMatch(/Valeur des dons<\/dt><dd[^>]*>108,00\s€</);
  expect(theirs.html).toContain("Turbot d&#x27;un autre");
  expect(theirs.html).not.toContain("Sole commune");
  const csv = await (await answer(summaryCsvLoader, "/producteur/dons/recapitulatif.csv?annee=2025", {}, donor.cookie)).text();
  expect(csv).not.toContain("Turbot");
});

test("a bad year is refused with 400 and a message naming the field, on the page, the CSV and the PDF; nothing else is shown", async () => {
  const donor = await createSlipDonor();
  for (const annee of ["", "abc", "99999", "1999", "2101", "-2025", "2025.5", "x".repeat(3000)]) {
    const query = `annee=${encodeURIComponent(annee)}`;
    const page = await renderPage(pages, "fr", donor.cookie, `/producteur/dons/recapitulatif?${query}`);
    expect(page.status, annee).toBe(400);
    expect(page.html).toMatch(/role="alert"[^>]*>Année : saisissez une année à 4 chiffres entre 2000 et 2100, par exemple 2026\.</);
    expect(page.html).toContain('id="recapitulatif-annee-error"');
    expect(page.html).toMatch(/aria-invalid="true"/);
    expect(page.html).not.toContain("Télécharger le CSV");
    expectOneHeading(page.html);
    for (const loader of [summaryCsvLoader, summaryPdfLoader]) {
      const response = await answer(loader, `/producteur/dons/recapitulatif.csv?${query}`, {}, donor.cookie);
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("Année : saisissez une année à 4 chiffres entre 2000 et 2100, par exemple 2026.");
    }
  }
  const english = await answer(summaryCsvLoader, "/producteur/dons/recapitulatif.csv?annee=abc", {}, donor.cookie, "en");
  expect(await english.text()).toBe("Year: enter a 4-digit year between 2000 and 2100, e.g. 2026.");
  const englishPage = await renderPage(pages, "en", donor.cookie, "/producteur/dons/recapitulatif?annee=20x5");
  expect(englishPage.status).toBe(400);
  expect(englishPage.html).toContain("Year: enter a 4-digit year between 2000 and 2100, e.g. 2026.");
});

test("without a year the summary shows the current Paris year; it is the producer space's: visitors log in, others are refused", async () => {
  const donor = await createSlipDonor();
  const thisYear = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric" }).format(new Date());
  const page = await renderPage(pages, "fr", donor.cookie, "/producteur/dons/recapitulatif");
  expect(page.status).toBe(200);
  expect(page.html).toContain(`value="${thisYear}"`);
  expect(page.html).toContain(`href="/producteur/dons/recapitulatif.csv?annee=${thisYear}"`);
  expect(page.html).toContain(`href="/producteur/dons/recapitulatif.pdf?annee=${thisYear}"`);

  const charity = await createSlipCharity();
  const consumer = await createUser();
  const consumerCookie = await signedInCookie(consumer.id);
  for (const loader of [summaryLoader, summaryCsvLoader, summaryPdfLoader]) {
    const visitor = await answer(loader, "/producteur/dons/recapitulatif?annee=2025", {});
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/connexion\?redirectTo=/);
    expect((await answer(loader, "/producteur/dons/recapitulatif?annee=2025", {}, charity.cookie)).status).toBe(403);
    expect((await answer(loader, "/producteur/dons/recapitulatif?annee=2025", {}, consumerCookie)).status).toBe(403);
  }
});

test("a slip costs a few statements, and a summary the same few for 1 donation or 40 across 5 charities", async () => {
  const { donor, claim } = await collectedSlip();
  const cost = async (run: () => Promise<Response>) => {
    const before = statementsIssued();
    expect((await run()).status).toBe(200);
    return statementsIssued() - before;
  };
  expect(await cost(() => answer(slipLoader, `/dons/bordereau/${claim.id}`, { claimId: claim.id }, donor.cookie))).toBeLessThanOrEqual(3);

  const small = await createSlipDonor();
  const large = await createSlipDonor();
  const charities = await Promise.all([1, 2, 3, 4, 5].map(() => createSlipCharity()));
  for (const [donorOf, count] of [[small, 1], [large, 40]] as const) {
    const lot = await createPastLot({ donorId: donorOf.producerId, createdById: donorOf.user.id });
    for (let index = 0; index < count; index++) {
      const charity = charities[index % charities.length]!;
      await createPastClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id, quantityMilli: 1_000, at: new Date(Date.UTC(2025, 11, 1 + (index % 28), 10)) });
    }
  }
  const summaryCost = (cookie: string) => cost(() => answer(summaryLoader, "/producteur/dons/recapitulatif?annee=2025", {}, cookie));
  const smallCost = await summaryCost(small.cookie);
  expect(smallCost).toBeLessThanOrEqual(5);
  expect(await summaryCost(large.cookie)).toBe(smallCost);
  const page = await renderPage(pages, "fr", large.cookie, "/producteur/dons/recapitulatif?annee=2025");
  expect(page.html).toMatch(/Dons retirés<\/dt><dd[^>]*>40</);
});
