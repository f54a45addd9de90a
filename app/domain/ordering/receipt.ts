import type { SaleUnit } from "~/domain/catalog/units";
import { formatEuros, formatVatRate, vatBreakdown as orderVatBreakdown } from "~/domain/money";
import { lineTotalCents } from "~/domain/ordering/pricing";
import { postalAddress } from "~/domain/postal-address";
import { formatParis } from "~/domain/time/paris";
import { translate, type Locale, type MessageKey } from "~/i18n/messages";
import type { PdfBlock, PdfDocumentSpec } from "~/infra/pdf.server";

/**
 * The receipt of an order, pure: what the customer collected from each seller (the producer sells,
 * the platform only takes the order), at the price kept at order — weighed lines at their final
 * amount —, the VAT per rate, and what was paid at the stall. Only the parts handed over
 * (`Handover` COLLECTED) are on it; the others are named as not on it. The page and the PDF render
 * the same view, so they always say the same thing. Read by read-receipt.server.ts.
 */

export type ReceiptLine = {
  productName: string;
  unit: SaleUnit;
  quantity: number;
  unitPriceCents: number;
  vatRateBp: number;
  variableWeight: boolean;
  weighedGrams: number | null;
  finalCents: number | null;
};

export type PickupPaymentMethodCode = "CASH" | "CHEQUE" | "CARD_TERMINAL";

export type ReceiptSeller = {
  producerId: string;
  name: string;
  address: string;
  postalCode: string | null;
  commune: string | null;
  siret: string | null;
  handedOverAt: Date;
  lines: ReceiptLine[];
  payments: Array<{ method: PickupPaymentMethodCode; amountCents: number }>;
  /** Paid beyond what is due after a lighter weighing: owed back to the customer (decision 019). */
  owedBackCents: number;
};

export type Receipt = {
  orderId: string;
  orderNumber: number;
  customerName: string;
  pickupPoint: { name: string; address: string; postalCode: string | null; commune: string | null };
  /** Each seller whose part was handed over, by name. */
  sellers: ReceiptSeller[];
  /** Sellers of the order whose part is not handed over (yet, or not collected): not on the receipt. */
  notOnReceipt: string[];
};

export type VatRateLine = { vatRateBp: number; baseCents: number; vatCents: number; totalCents: number };

/**
 * The VAT per rate of VAT-inclusive amounts, by the one rule the order page, the emails and the
 * receipt share (`vatBreakdown` in app/domain/money.ts): per rate, TTC = the sum of the lines' TTC
 * amounts, VAT = TTC × rate / (100 % + rate) rounded to the nearest cent, HT = TTC − VAT. Rounding
 * per rate, not per line: each line rounded and added would drift by up to half a cent per line,
 * and the VAT printed would not be the VAT of the total beside it.
 */
export function vatBreakdown(lines: ReadonlyArray<{ amountCents: number; vatRateBp: number }>): VatRateLine[] {
  return orderVatBreakdown(lines.map((line) => ({ totalCents: line.amountCents, vatRateBp: line.vatRateBp })));
}

export type SellerTotals = { amountCents: number; vat: VatRateLine[]; paidCents: number };
export type ReceiptTotals = { amountCents: number; paidCents: number; vat: VatRateLine[]; sellers: Map<string, SellerTotals> };

/** A receipt line's amount TTC: quantity × unit price, or its weighed final amount. */
export function receiptLineAmount(line: ReceiptLine): number {
  return lineTotalCents(line);
}

/**
 * Each seller's totals (each issues their own sale: their VAT is theirs) and the receipt's: the
 * receipt's VAT per rate is computed from the whole receipt's TTC per rate by the same rule.
 */
export function receiptTotals(receipt: Pick<Receipt, "sellers">): ReceiptTotals {
  const sellers = new Map<string, SellerTotals>();
  const all: Array<{ amountCents: number; vatRateBp: number }> = [];
  let paidCents = 0;
  for (const seller of receipt.sellers) {
    const amounts = seller.lines.map((line) => ({ amountCents: receiptLineAmount(line), vatRateBp: line.vatRateBp }));
    all.push(...amounts);
    const paid = seller.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
    paidCents += paid;
    sellers.set(seller.producerId, { amountCents: amounts.reduce((sum, line) => sum + line.amountCents, 0), vat: vatBreakdown(amounts), paidCents: paid });
  }
  return { amountCents: all.reduce((sum, line) => sum + line.amountCents, 0), paidCents, vat: vatBreakdown(all), sellers };
}

export type ReceiptTable = { columns: Array<{ label: string; align: "left" | "right"; width: number }>; rows: string[][]; total: string[] };

export type ReceiptSellerView = {
  heading: string;
  fields: Array<[label: string, value: string]>;
  lines: ReceiptTable;
  vat: ReceiptTable;
  payments: string[];
};

export type ReceiptView = {
  title: string;
  subtitle: string;
  fields: Array<[label: string, value: string]>;
  sellers: ReceiptSellerView[];
  total: ReceiptTable;
  notOnReceipt: string | null;
  footer: string;
  fileName: string;
};

const paymentKeys = {
  CASH: "receipt.payment.CASH",
  CHEQUE: "receipt.payment.CHEQUE",
  CARD_TERMINAL: "receipt.payment.CARD_TERMINAL",
} as const satisfies Record<PickupPaymentMethodCode, MessageKey>;

function quantityText(line: ReceiptLine, locale: Locale): string {
  if (line.variableWeight && line.weighedGrams !== null) {
    const kilos = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 3 }).format(line.weighedGrams / 1000);
    return translate(locale, "receipt.weighed", { quantity: line.quantity, weight: `${kilos} kg` });
  }
  return String(line.quantity);
}

function vatTable(vat: VatRateLine[], locale: Locale, t: (key: MessageKey) => string): ReceiptTable {
  const money = (cents: number) => formatEuros(cents, locale);
  const sum = (pick: (line: VatRateLine) => number) => vat.reduce((total, line) => total + pick(line), 0);
  return {
    columns: [
      { label: t("receipt.vat.rate"), align: "left", width: 1.2 },
      { label: t("receipt.vat.base"), align: "right", width: 1 },
      { label: t("receipt.vat.vat"), align: "right", width: 1 },
      { label: t("receipt.vat.total"), align: "right", width: 1 },
    ],
    rows: vat.map((line) => [formatVatRate(line.vatRateBp, locale), money(line.baseCents), money(line.vatCents), money(line.totalCents)]),
    total: [t("receipt.total"), money(sum((line) => line.baseCents)), money(sum((line) => line.vatCents)), money(sum((line) => line.totalCents))],
  };
}

/** Everything the receipt says, in the reader's language. */
export function receiptView(receipt: Receipt, locale: Locale): ReceiptView {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const money = (cents: number) => formatEuros(cents, locale);
  const when = (date: Date) => formatParis(date, locale, locale === "fr" ? "d MMMM yyyy 'à' HH:mm" : "d MMMM yyyy 'at' HH:mm");
  const totals = receiptTotals(receipt);
  const point = receipt.pickupPoint;

  const sellers = receipt.sellers.map((seller): ReceiptSellerView => {
    const sellerTotals = totals.sellers.get(seller.producerId) ?? { amountCents: 0, vat: [], paidCents: 0 };
    const payments = seller.payments.map((payment) => t("receipt.paidBy", { amount: money(payment.amountCents), method: t(paymentKeys[payment.method]) }));
    if (payments.length === 0) payments.push(t("receipt.noPayment"));
    if (seller.owedBackCents > 0) payments.push(t("receipt.owedBack", { amount: money(seller.owedBackCents) }));
    return {
      heading: t("receipt.seller", { name: seller.name }),
      fields: [
        [t("receipt.field.address"), postalAddress(seller.address, seller.postalCode, seller.commune) || t("receipt.none")],
        [t("receipt.field.siret"), seller.siret && seller.siret.trim() !== "" ? seller.siret : t("receipt.none")],
        [t("receipt.field.handedOverAt"), when(seller.handedOverAt)],
      ],
      lines: {
        columns: [
          { label: t("receipt.line.product"), align: "left", width: 2.4 },
          { label: t("receipt.line.quantity"), align: "right", width: 1.1 },
          { label: t("receipt.line.unitPrice"), align: "right", width: 1 },
          { label: t("receipt.line.vatRate"), align: "right", width: 0.7 },
          { label: t("receipt.line.amount"), align: "right", width: 1 },
        ],
        rows: seller.lines.map((line) => [line.productName, quantityText(line, locale), money(line.unitPriceCents), formatVatRate(line.vatRateBp, locale), money(receiptLineAmount(line))]),
        total: [t("receipt.sellerTotal"), "", "", "", money(sellerTotals.amountCents)],
      },
      vat: vatTable(sellerTotals.vat, locale, t),
      payments,
    };
  });

  const lastHandover = receipt.sellers.reduce<Date | null>((last, seller) => (last === null || seller.handedOverAt > last ? seller.handedOverAt : last), null);
  return {
    title: t("receipt.title", { number: receipt.orderNumber }),
    subtitle: t("receipt.subtitle"),
    fields: [
      [t("receipt.field.order"), String(receipt.orderNumber)],
      [t("receipt.field.customer"), receipt.customerName],
      [t("receipt.field.pickupPoint"), `${point.name}, ${postalAddress(point.address, point.postalCode, point.commune)}`],
      [t("receipt.field.handedOverAt"), lastHandover ? when(lastHandover) : ""],
      [t("receipt.field.amount"), money(totals.amountCents)],
      [t("receipt.field.paid"), money(totals.paidCents)],
    ],
    sellers,
    total: vatTable(totals.vat, locale, t),
    notOnReceipt: receipt.notOnReceipt.length > 0 ? t("receipt.notOnReceipt", { names: receipt.notOnReceipt.join(", ") }) : null,
    footer: t("receipt.footer", { number: receipt.orderNumber }),
    fileName: `recu-commande-${receipt.orderNumber}.pdf`,
  };
}

/** The same view as a PDF document (app/infra/pdf.server.ts lays it out). */
export function receiptPdfSpec(view: ReceiptView, locale: Locale): PdfDocumentSpec {
  const blocks: PdfBlock[] = [{ kind: "fields", fields: view.fields }];
  if (view.notOnReceipt) blocks.push({ kind: "paragraph", text: view.notOnReceipt });
  for (const seller of view.sellers) {
    blocks.push(
      { kind: "heading", text: seller.heading },
      { kind: "fields", fields: seller.fields },
      { kind: "table", ...seller.lines },
      { kind: "table", ...seller.vat },
      { kind: "paragraph", text: seller.payments.join(" · ") },
    );
  }
  blocks.push({ kind: "heading", text: translate(locale, "receipt.vatTitle") }, { kind: "table", ...view.total });
  return { title: view.title, subtitle: view.subtitle, blocks, footer: view.footer };
}
