import { expect, test } from "vitest";
import { vatBreakdown as orderVatBreakdown } from "~/domain/money";
import { receiptPdfSpec, receiptTotals, receiptView, vatBreakdown, type Receipt, type ReceiptLine } from "~/domain/ordering/receipt";

function line(overrides: Partial<ReceiptLine>): ReceiptLine {
  return { productName: "Poireaux", unit: "BUNCH", quantity: 1, unitPriceCents: 250, vatRateBp: 550, variableWeight: false, weighedGrams: null, finalCents: null, ...overrides };
}

test("each rate's net, VAT and total add up to the cent, rates in increasing order", () => {
  expect(vatBreakdown([{ amountCents: 1200, vatRateBp: 2000 }, { amountCents: 1055, vatRateBp: 550 }, { amountCents: 1100, vatRateBp: 1000 }])).toEqual([
    { vatRateBp: 550, baseCents: 1000, vatCents: 55, totalCents: 1055 },
    { vatRateBp: 1000, baseCents: 1000, vatCents: 100, totalCents: 1100 },
    { vatRateBp: 2000, baseCents: 1000, vatCents: 200, totalCents: 1200 },
  ]);
});

test("a 0 % rate has no VAT: its net is its total", () => {
  expect(vatBreakdown([{ amountCents: 799, vatRateBp: 0 }, { amountCents: 1, vatRateBp: 0 }])).toEqual([{ vatRateBp: 0, baseCents: 800, vatCents: 0, totalCents: 800 }]);
});

test("VAT is rounded once per rate on the rate's total, not per line", () => {
  // Two 0,10 € lines at 5,5 %: 1,04 cent of VAT in all. Rounded per line it would be 1 + 1 = 2 cents.
  expect(vatBreakdown([{ amountCents: 10, vatRateBp: 550 }, { amountCents: 10, vatRateBp: 550 }])).toEqual([{ vatRateBp: 550, baseCents: 19, vatCents: 1, totalCents: 20 }]);
});

test("the receipt's VAT is the order page's: 9,03 € at 20 % holds 1,505 € of VAT → 1,51 €, and 7,52 € net", () => {
  expect(vatBreakdown([{ amountCents: 903, vatRateBp: 2000 }])).toEqual([{ vatRateBp: 2000, baseCents: 752, vatCents: 151, totalCents: 903 }]);
  expect(vatBreakdown([{ amountCents: 903, vatRateBp: 2000 }])).toEqual(orderVatBreakdown([{ totalCents: 903, vatRateBp: 2000 }]));
});

test("for any amount and rate, net + VAT is the amount and the VAT is within half a cent of the exact one", () => {
  for (const rate of [0, 210, 550, 1000, 2000]) {
    for (let cents = 0; cents < 5000; cents += 7) {
      const [row] = vatBreakdown([{ amountCents: cents, vatRateBp: rate }]);
      expect(row!.baseCents + row!.vatCents).toBe(cents);
      expect(Math.abs(row!.vatCents - (cents * rate) / (10_000 + rate))).toBeLessThanOrEqual(0.5);
    }
  }
});

const receipt: Receipt = {
  orderId: "o1",
  orderNumber: 42,
  customerName: "Chloé Cliente",
  pickupPoint: { name: "Quai Henri IV", address: "Quai Henri IV", postalCode: "76200", commune: "Dieppe" },
  sellers: [
    {
      producerId: "farm",
      name: "Ferme du Val",
      address: "12 route d'Arques",
      postalCode: "76880",
      commune: "Arques-la-Bataille",
      siret: "12345678900011",
      handedOverAt: new Date("2026-12-12T10:30:00Z"),
      lines: [line({ quantity: 2, unitPriceCents: 250 }), line({ productName: "Cidre brut 75 cl", unit: "PIECE", unitPriceCents: 600, vatRateBp: 2000 })],
      payments: [{ method: "CASH", amountCents: 1100 }],
      owedBackCents: 0,
    },
    {
      producerId: "boat",
      name: "Le Pourquoi-Pas",
      address: "Quai du Carénage",
      postalCode: "76200",
      commune: "Dieppe",
      siret: null,
      handedOverAt: new Date("2026-12-12T10:40:00Z"),
      // Ordered about 1 kg at 24 € / kg, weighed 0,85 kg: its final amount counts, not the estimate.
      lines: [line({ productName: "Bar de ligne", unit: "KG", quantity: 1, unitPriceCents: 2400, variableWeight: true, weighedGrams: 850, finalCents: 2040 })],
      // Paid 24,00 € before the weighing: 3,60 € to give back.
      payments: [{ method: "CARD_TERMINAL", amountCents: 2400 }],
      owedBackCents: 360,
    },
  ],
  notOnReceipt: ["Boulangerie Lefèvre"],
};

test("the receipt's totals: weighed lines at their final amount, each seller's VAT and the whole order's", () => {
  const totals = receiptTotals(receipt);
  expect(totals.amountCents).toBe(500 + 600 + 2040);
  expect(totals.paidCents).toBe(3500);
  expect(totals.sellers.get("farm")).toEqual({
    amountCents: 1100,
    paidCents: 1100,
    vat: [
      { vatRateBp: 550, baseCents: 474, vatCents: 26, totalCents: 500 },
      { vatRateBp: 2000, baseCents: 500, vatCents: 100, totalCents: 600 },
    ],
  });
  expect(totals.vat).toEqual([
    { vatRateBp: 550, baseCents: 2408, vatCents: 132, totalCents: 2540 },
    { vatRateBp: 2000, baseCents: 500, vatCents: 100, totalCents: 600 },
  ]);
  expect(totals.vat.reduce((sum, row) => sum + row.totalCents, 0)).toBe(totals.amountCents);
});

test("the receipt reads in French and in English, names every seller with their SIRET and what is not on it", () => {
  const fr = receiptView(receipt, "fr");
  expect(fr.title).toBe("Reçu de la commande n° 42");
  expect(fr.sellers.map((seller) => seller.heading)).toEqual(["Vendeur : Ferme du Val", "Vendeur : Le Pourquoi-Pas"]);
  expect(fr.sellers[0]!.fields).toContainEqual(["SIRET", "12345678900011"]);
  expect(fr.sellers[1]!.fields).toContainEqual(["SIRET", "non renseigné"]);
  expect(fr.sellers[1]!.lines.rows[0]).toEqual(["Bar de ligne", "1 (pesé : 0,85 kg)", "24,00\u00a0€", "5,5 %", "20,40\u00a0€"]);
  expect(fr.sellers[1]!.payments).toEqual([
    "Payé 24,00\u00a0€ (carte bancaire au terminal du stand)",
    "Dont 3,60\u00a0€ à vous rendre : payé avant une pesée plus légère",
  ]);
  expect(fr.notOnReceipt).toBe("Pas sur ce reçu (pas encore remis ou non retiré) : Boulangerie Lefèvre.");
  expect(fr.total.total).toEqual(["Total", "29,08\u00a0€", "2,32\u00a0€", "31,40\u00a0€"]);
  expect(fr.fileName).toBe("recu-commande-42.pdf");

  const en = receiptView(receipt, "en");
  expect(en.title).toBe("Receipt for order no. 42");
  expect(en.sellers[0]!.payments).toEqual(["Paid €11.00 (cash)"]);
  expect(en.total.total).toEqual(["Total", "€29.08", "€2.32", "€31.40"]);
  const pdf = receiptPdfSpec(en, "en");
  expect(pdf.blocks).toContainEqual({ kind: "fields", fields: en.sellers[0]!.fields });
});
