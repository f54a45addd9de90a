import { toCsv } from "~/domain/catalog/import/csv";
import { unitLabel } from "~/domain/catalog/units";
import { quantityText, slotText } from "~/domain/preparation/preparation-format";
import type { PackingOrder, PickingItem, PickupSheet, HandoverStatus } from "~/domain/preparation/preparation-lists";
import type { SalesFigures, SalesSummary } from "~/domain/preparation/sales-figures";
import { parisIsoDate } from "~/domain/time/paris";

/**
 * The lists as CSV for a spreadsheet: semicolons and decimal commas (what a French Excel
 * expects), UTF-8 with a byte-order mark so that accents open right, French headers, one line
 * per record. Same data as the pages and the API.
 */

type Cell = string | number | null;

function cell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  return value;
}

/** Every cell goes through the one CSV writer and its formula guard (catalog/import/csv.ts). */
export function csvDocument(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return toCsv([headers, ...rows.map((row) => row.map(cell))]);
}

/** 5040 → "50,40" (euros with a decimal comma, no symbol: a number for the spreadsheet). */
export function csvEuros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, "0")}`;
}

/** 2100 → "2,1" (kilograms, decimal comma). */
export function csvKilograms(grams: number | null): string | null {
  if (grams === null) return null;
  return String(grams / 1000).replace(".", ",");
}

const handoverWords: Record<HandoverStatus | "NONE", string> = { COLLECTED: "Retirée", NOT_COLLECTED: "Non retirée", NONE: "À remettre" };

export function pickingCsv(items: readonly PickingItem[]): string {
  return csvDocument(
    ["Produit", "Unité", "Quantité commandée", "Commandes", "Poids estimé (kg)", "Poids pesé (kg)", "Lignes à peser"],
    items.map((item) => [
      item.productName,
      unitLabel(item.unit, "fr"),
      item.quantity,
      item.orders,
      csvKilograms(item.estimatedGrams),
      csvKilograms(item.weighedGrams),
      item.variableWeight ? item.linesToWeigh : null,
    ]),
  );
}

export function packingCsv(orders: readonly PackingOrder[]): string {
  return csvDocument(
    ["N° de commande", "Client", "Créneau", "Produit", "Quantité", "Unité", "Poids estimé (kg)", "Poids pesé (kg)", "Montant (€)"],
    orders.flatMap((order) =>
      order.lines.map((line) => [
        order.number,
        order.customerName,
        slotText(order.slot),
        line.productName,
        line.quantity,
        unitLabel(line.unit, "fr"),
        csvKilograms(line.estimatedGrams),
        csvKilograms(line.weighedGrams),
        csvEuros(line.amountCents),
      ]),
    ),
  );
}

/** What to hand over, in one cell: "Coquilles Saint-Jacques : 2 kg (pesé 2,1 kg), Poireaux : 3 × botte". */
export function handOverText(order: PackingOrder): string {
  return order.lines
    .map((line) => `${line.productName} : ${quantityText(line.quantity, line.unit, "fr")}${line.weighedGrams !== null ? ` (pesé ${csvKilograms(line.weighedGrams)} kg)` : ""}`)
    .join(", ");
}

export const PICKUP_CSV_HEADERS = [
  "N° de commande",
  "Client",
  "Créneau",
  "À remettre",
  "Montant dû (€)",
  "Payé en espèces (€)",
  "Payé par chèque (€)",
  "Payé au TPE du stand (€)",
  "Payé au retrait (€)",
  "Reste à payer (€)",
  "Pesée en attente",
  "Retrait",
  "Payé en ligne (€)",
  "Remboursé sur la carte après la clôture (€)",
] as const;

export function pickupCsv(sheet: PickupSheet): string {
  return csvDocument(
    PICKUP_CSV_HEADERS,
    sheet.orders.map((order) => [
      order.number,
      order.customerName,
      slotText(order.slot),
      handOverText(order),
      csvEuros(order.dueCents),
      csvEuros(order.paid.cashCents),
      csvEuros(order.paid.chequeCents),
      csvEuros(order.paid.cardCents),
      csvEuros(order.paid.totalCents),
      csvEuros(order.toPayCents),
      order.awaitingWeighing ? "oui" : "non",
      handoverWords[order.handover ?? "NONE"],
      // A card-paid order (« Carte bancaire en ligne »): what it paid online, net of refunds; empty when paid at pickup.
      order.online ? csvEuros(order.online.paidCents) : null,
      order.refundAfterCloseCents > 0 ? csvEuros(order.refundAfterCloseCents) : null,
    ]),
  );
}

/** A CSV file to download: its name says what and when. */
export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

const SUMMARY_HEADERS = [
  "Date",
  "Point de retrait",
  "Producteur",
  "Commandes",
  "Commandé (€)",
  "Ajustement à la pesée (€)",
  "Montant dû (€)",
  "Remis aux clients (€)",
  "Non retiré (€)",
  "Encaissé en espèces (€)",
  "Encaissé par chèque (€)",
  "Encaissé au TPE du stand (€)",
  "Encaissé au retrait (€)",
  "Payé par carte bancaire en ligne (€)",
  "Reste dû (€)",
];

function figureCells(figures: SalesFigures): Cell[] {
  return [
    figures.orders,
    csvEuros(figures.orderedCents),
    csvEuros(figures.weighingCents),
    csvEuros(figures.dueCents),
    csvEuros(figures.collectedCents),
    csvEuros(figures.notCollectedCents),
    csvEuros(figures.paidCashCents),
    csvEuros(figures.paidChequeCents),
    csvEuros(figures.paidCardCents),
    csvEuros(figures.paidCents),
    csvEuros(figures.paidOnlineCents),
    csvEuros(figures.stillDueCents),
  ];
}

/** The sales summary: one row per distribution and producer, one per producer, and the total. */
export function summaryCsv(summary: SalesSummary): string {
  return csvDocument(SUMMARY_HEADERS, [
    ...summary.distributions.map((line) => [parisIsoDate(line.startsAt), line.pickupPointName, line.producerName, ...figureCells(line)]),
    ...summary.producers.map((producer) => ["Total producteur", null, producer.producerName, ...figureCells(producer)]),
    ["Total de la période", null, null, ...figureCells(summary.total)],
  ]);
}
