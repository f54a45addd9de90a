import { expect, test } from "vitest";
import { slipPdfSpec, slipView, summaryCsv, summaryView, type DonationSlip } from "~/domain/donations/donation-documents";
import { summariseDonations } from "~/domain/donations/yearly-summary";

const slip: DonationSlip = {
  claimId: "3f2a9c1e-7b4d-4c2a-9e1f-0a1b2c3d4e5f",
  number: "DON-2025-3F2A9C1E",
  productName: "Sole commune",
  description: "Invendus de la criée",
  quantityMilli: 5_000,
  unit: "KG",
  useBy: "2025-12-10",
  bestBefore: null,
  lotNumber: "L-2025-118",
  storage: "CHILLED",
  rawFishery: true,
  temperatureDeciC: 25,
  collectedAt: new Date("2025-12-08T13:30:00Z"),
  pickupPlace: "Quai Henri IV, Dieppe",
  handedOverBy: "Denis Donateur",
  claimedBy: "Claire Bénévole",
  donor: { name: "Le Pourquoi-Pas", address: "Quai Henri IV, 76200 Dieppe", siret: "12345678900011" },
  charity: { id: "c1", name: "Secours populaire", address: "5 rue de la Barre, 76200 Dieppe", rna: "W761000001", siret: null },
  costPriceCents: 1200,
  contribution: null,
};

function fields(view: ReturnType<typeof slipView>): Record<string, string> {
  return Object.fromEntries(view.sections.flatMap((section) => section.fields));
}

test("a slip names the product, quantity, dates, lot, storage, temperature, pickup, both parties and the value, in French", () => {
  const view = slipView(slip, "fr");
  expect(view.title).toBe("Bordereau de don n° DON-2025-3F2A9C1E");
  expect(view.subtitle).toBe("Le Pourquoi-Pas → Secours populaire");
  expect(fields(view)).toMatchObject({
    Produit: "Sole commune",
    Description: "Invendus de la criée",
    Quantité: "5 kg",
    "DLC (à consommer jusqu'au)": "10/12/2025",
    "N° de lot": "L-2025-118",
    Conservation: "Réfrigéré (0 à 4 °C)",
    "Produit de la pêche brut": "Oui",
    "Température à la remise": "2,5 °C",
    "Date et heure du retrait": "lundi 8 décembre 2025 à 14:30",
    "Lieu de retrait": "Quai Henri IV, Dieppe",
    "Remis par": "Denis Donateur",
    "Réservé par": "Claire Bénévole",
    RNA: "W761000001",
    "Taux retenu": "50 % du prix de revient : remis dans les 3 derniers jours de la DLC",
  });
  expect(fields(view)["Valeur du don"]).toMatch(/^30,00\s€$/);
  expect(fields(view)["Prix de revient"]).toMatch(/^12,00\s€ \/ kg$/);
  expect(view.fileName).toBe("bordereau-DON-2025-3F2A9C1E.pdf");
  expect(slipPdfSpec(view).blocks.at(-1)).toEqual({ kind: "signatures", labels: ["Pour le donateur : nom, date et signature", "Pour l'association : nom, date et signature"] });
});

test("the same slip in English; a missing SIRET says so", () => {
  const view = slipView({ ...slip, collectedAt: new Date("2025-12-06T09:00:00Z"), temperatureDeciC: -180, storage: "FROZEN" }, "en");
  expect(view.title).toBe("Donation slip no. DON-2025-3F2A9C1E");
  const charity = view.sections.find((section) => section.heading === "The receiving charity");
  expect(charity?.fields).toContainEqual(["SIRET", "Not given"]);
  expect(fields(view)).toMatchObject({ "Rate applied": "100 % of cost price", "Pickup date and time": "Saturday 6 December 2025 at 10:00", Storage: "Frozen (−18 °C or below)", "Temperature at hand-over": "−18 °C" });
  expect(fields(view)["Donation value"]).toBe("€60.00");
});

test("a sea-basket lot handed over for a contribution states the contribution paid, not a donation value", () => {
  const view = slipView({ ...slip, contribution: { centsPerUnit: 150, paidCents: 750, invoiceNumber: "2025-0007" } }, "fr");
  expect(view.title).toBe("Bordereau de remise n° DON-2025-3F2A9C1E");
  const all = fields(view);
  expect(all["Valeur du don"]).toBeUndefined();
  expect(all["Contribution solidaire payée"]).toMatch(/^7,50\s€$/);
  expect(all["Facture n°"]).toBe("2025-0007");
  expect(view.sections.at(-1)?.note).toContain("ce n'est pas un don");
});

test("the summary's CSV: BOM, semicolons, decimal commas, one line per donation, subtotals per charity and the year's total", () => {
  const summary = summariseDonations(2025, slip.donor, [
    { claimId: "aaaaaaaa-1", collectedAt: new Date("2025-12-06T10:00:00Z"), charity: slip.charity, productName: "Sole", lotNumber: "L1", quantityMilli: 10_000, unit: "KG", useBy: "2025-12-10", bestBefore: null, costPriceCents: 1200 },
    { claimId: "bbbbbbbb-2", collectedAt: new Date("2025-12-08T10:00:00Z"), charity: slip.charity, productName: "Sole", lotNumber: "L1", quantityMilli: 5_500, unit: "KG", useBy: "2025-12-10", bestBefore: null, costPriceCents: 1200 },
  ]);
  const csv = summaryCsv(summary);
  expect(csv.startsWith("\uFEFFAssociation;RNA;SIRET association;Date du retrait;Bordereau;")).toBe(true);
  const lines = csv.trimEnd().split("\r\n");
  expect(lines).toHaveLength(5);
  expect(lines[1]).toBe("Secours populaire;W761000001;;06/12/2025 11:00;DON-2025-AAAAAAAA;Sole;L1;10;kg;10/12/2025;;12,00;100;120,00");
  expect(lines[2]).toBe("Secours populaire;W761000001;;08/12/2025 11:00;DON-2025-BBBBBBBB;Sole;L1;5,5;kg;10/12/2025;;12,00;50;33,00");
  expect(lines[3]).toBe("Secours populaire;W761000001;;;;Sous-total;;15,5;kg;;;;;153,00");
  expect(lines[4]).toBe("Total 2025;;;;;;;15,5;kg;;;;;153,00");
  const view = summaryView(summary, "fr");
  expect(view.totals[0]?.[1]).toMatch(/^153,00\s€$/);
  expect(view.charities[0]?.subtotal.at(-1)).toMatch(/^153,00\s€$/);
});
