import { expect, test } from "vitest";
import { csvDocument, csvEuros, csvKilograms, pickupCsv } from "~/domain/preparation/preparation-csv";
import { quantityText, weightText } from "~/domain/preparation/preparation-format";
import { buildPickupSheet } from "~/domain/preparation/preparation-lists";

test("a CSV opens in a French Excel: byte-order mark, semicolons, CRLF, quotes only where needed", () => {
  const text = csvDocument(["Client", "Montant (€)"], [["Jeanne; \"la pêcheuse\"", "50,40"], ["Émile", 12]]);
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text.slice(1)).toBe('Client;Montant (€)\r\n"Jeanne; ""la pêcheuse""";50,40\r\nÉmile;12\r\n');
});

test("a cell a spreadsheet would run as a formula is defused, a number (even negative) stays a number", () => {
  expect(
    csvDocument(["Client"], [["=HYPERLINK(\"http://x\")"], ["+33 6"], ["@SUM(A1)"], ["-1+2"], ["\t=1"], ["-1"], ["-3,20"], [csvEuros(-480)], [-2.5]])
      .slice(1)
      .split("\r\n")
      .slice(1, 10),
  ).toEqual(["\"'=HYPERLINK(\"\"http://x\"\")\"", "'+33 6", "'@SUM(A1)", "'-1+2", "'\t=1", "-1", "-3,20", "-4,80", "-2,5"]);
});

test("money and weights are written with a decimal comma", () => {
  expect(csvEuros(5040)).toBe("50,40");
  expect(csvEuros(5)).toBe("0,05");
  expect(csvEuros(-480)).toBe("-4,80");
  expect(csvKilograms(2100)).toBe("2,1");
  expect(csvKilograms(850)).toBe("0,85");
  expect(csvKilograms(null)).toBeNull();
  expect(quantityText(2, "KG", "fr")).toBe("2 kg");
  expect(quantityText(3, "BUNCH", "fr")).toBe("3 × botte");
  expect(weightText(2100, "fr")).toBe("2,1 kg");
  expect(weightText(850, "fr")).toBe("850 g");
  expect(weightText(12_345, "en")).toBe("12.345 kg");
});

test("the pickup sheet CSV: one row per order, what to hand over, due, paid by method, left to pay, status", () => {
  const sheet = buildPickupSheet([
    {
      orderId: "o1", orderNumber: 42, customerName: "Jeanne Dupont", slotStartsAt: new Date("2026-11-27T16:00:00Z"), slotEndsAt: new Date("2026-11-27T16:30:00Z"),
      lineId: "l1", offerId: "sj", productName: "Coquilles Saint-Jacques", unit: "KG", quantity: 2, unitPriceCents: 2400,
      variableWeight: true, gramsPerUnit: 1000, capCents: 5280, weighedGrams: 2100, finalCents: 5040,
      handoverStatus: "COLLECTED", paidCashCents: 2000, paidChequeCents: 3040, paidCardCents: 0,
    },
  ]);
  const lines = pickupCsv(sheet).slice(1).split("\r\n");
  expect(lines[0]).toBe("N° de commande;Client;Créneau;À remettre;Montant dû (€);Payé en espèces (€);Payé par chèque (€);Payé au TPE du stand (€);Payé au retrait (€);Reste à payer (€);Pesée en attente;Retrait;Payé en ligne (€);Remboursé sur la carte après la clôture (€)");
  expect(lines[1]).toBe("42;Jeanne Dupont;17:00–17:30;Coquilles Saint-Jacques : 2 kg (pesé 2,1 kg);50,40;20,00;30,40;0,00;50,40;0,00;non;Retirée;;");
});

test("the pickup sheet CSV: a card-paid order reads paid online, nothing left at the stall, and its lighter weighing refunded to the card after the close", () => {
  const sheet = buildPickupSheet([
    {
      orderId: "o2", orderNumber: 43, customerName: "Émile Martin", slotStartsAt: new Date("2026-11-27T16:00:00Z"), slotEndsAt: new Date("2026-11-27T16:30:00Z"),
      lineId: "l2", offerId: "sj", productName: "Coquilles Saint-Jacques", unit: "KG", quantity: 2, unitPriceCents: 2400,
      variableWeight: true, gramsPerUnit: 1000, capCents: 5280, weighedGrams: 2100, finalCents: 5040,
      handoverStatus: null, paidCashCents: 0, paidChequeCents: 0, paidCardCents: 0, paymentMethod: "ONLINE_CARD",
    },
  ]);
  expect(sheet.orders[0]).toMatchObject({ dueCents: 5040, online: { chargedCents: 5280, refundedCents: 0, paidCents: 5280 }, toPayCents: 0, owedBackCents: 0, refundAfterCloseCents: 240 });
  const lines = pickupCsv(sheet).slice(1).split("\r\n");
  expect(lines[1]).toBe("43;Émile Martin;17:00–17:30;Coquilles Saint-Jacques : 2 kg (pesé 2,1 kg);50,40;0,00;0,00;0,00;0,00;0,00;non;À remettre;52,80;2,40");
});
