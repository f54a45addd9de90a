import { expect, test } from "vitest";
import { creditNoteVat, creditNoteView } from "~/domain/payments/credit-note";

test("a refund's VAT is split over the rates of what it concerns in proportion, and the parts add up to the refund exactly", () => {
  // 24,00 € of fish at 5,5 % and 4,50 € of cider at 20 %: a 10,00 € refund of the whole order.
  const vat = creditNoteVat(1_000, [{ amountCents: 2_400, vatRateBp: 550 }, { amountCents: 450, vatRateBp: 2_000 }]);
  expect(vat.map((line) => line.totalCents)).toEqual([842, 158]);
  expect(vat.reduce((sum, line) => sum + line.totalCents, 0)).toBe(1_000);
  expect(vat).toEqual([
    { vatRateBp: 550, totalCents: 842, vatCents: 44, baseCents: 798 },
    { vatRateBp: 2_000, totalCents: 158, vatCents: 26, baseCents: 132 },
  ]);
});

test("one line at one rate: the whole refund is at that rate", () => {
  expect(creditNoteVat(345, [{ amountCents: 2_400, vatRateBp: 550 }])).toEqual([{ vatRateBp: 550, totalCents: 345, vatCents: 18, baseCents: 327 }]);
});

test("the credit note reads « Avoir n° A-<number> » with the order, the amount, the reason and its kind, in French and English", () => {
  const note = {
    number: 42,
    orderId: "o1",
    orderNumber: 1_007,
    customerName: "Claire Martin",
    createdAt: new Date("2026-12-05T10:00:00Z"),
    amountCents: 345,
    reason: "PRODUCER_REFUND",
    kind: "damaged",
    note: "un maquereau abîmé",
    status: "SUCCEEDED" as const,
    sellerName: "Marie Pêcheuse",
    lines: [{ amountCents: 2_400, vatRateBp: 550 }],
  };
  const fr = creditNoteView(note, "fr");
  expect(fr.title).toBe("Avoir n° A-42");
  expect(Object.fromEntries(fr.fields)).toMatchObject({ "Commande n°": "1007", "Motif": "Remboursement du producteur — Produit abîmé", "Précision": "un maquereau abîmé", "Vendeur": "Marie Pêcheuse" });
  expect(fr.fileName).toBe("avoir-A-42.pdf");
  expect(creditNoteView(note, "en").title).toBe("Credit note no. A-42");
});
