import { formatEuros, formatVatRate, vatBreakdown, type VatLine } from "~/domain/money";
import { allocateCents } from "~/domain/payments/allocate-cents";
import { formatParis } from "~/domain/time/paris";
import type { PdfBlock, PdfDocumentSpec } from "~/infra/pdf.server";
import { translate, type Locale, type MessageKey } from "~/i18n/messages";

/**
 * The credit note of a refund (« Avoir n° A-<number> », decision 027 Consequences): the order, the
 * amount refunded, its VAT per rate, the reason, the date. A refund names no price per rate, so
 * its amount is spread over the rates of what it concerns — the named line, else its producer's
 * lines, else the whole order — in proportion to what those lines cost (allocateCents: the parts
 * add up to the refund exactly), and each rate's VAT is computed once on its part by the one rule
 * of money.ts (vatBreakdown), as on the receipt and the order page.
 */
export type CreditNote = {
  number: number;
  orderId: string;
  orderNumber: number;
  customerName: string;
  createdAt: Date;
  amountCents: number;
  reason: string;
  kind: string | null;
  note: string | null;
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  /** The producer whose line(s) it concerns; null for a refund of the whole order. */
  sellerName: string | null;
  /** What the refund concerns, each with its amount and VAT rate. */
  lines: ReadonlyArray<{ amountCents: number; vatRateBp: number }>;
};

/** The refund's amount per VAT rate, in proportion to the lines it concerns, then the VAT of each rate. */
export function creditNoteVat(amountCents: number, lines: ReadonlyArray<{ amountCents: number; vatRateBp: number }>): VatLine[] {
  const byRate = new Map<string, number>();
  for (const line of lines) byRate.set(String(line.vatRateBp), (byRate.get(String(line.vatRateBp)) ?? 0) + line.amountCents);
  const weights = [...byRate.entries()].filter(([, weight]) => weight > 0).map(([key, weight]) => ({ key, weight }));
  // Nothing to weigh by (the lines are gone or free): the refund is read at the order's first rate, or without VAT.
  if (weights.length === 0) return amountCents > 0 ? vatBreakdown([{ totalCents: amountCents, vatRateBp: lines[0]?.vatRateBp ?? 0 }]) : [];
  const parts = allocateCents(amountCents, weights);
  return vatBreakdown([...parts.entries()].map(([rate, totalCents]) => ({ totalCents, vatRateBp: Number(rate) })));
}

export type CreditNoteTable = { columns: Array<{ label: string; align: "left" | "right"; width: number }>; rows: string[][]; total: string[] };

export type CreditNoteView = {
  title: string;
  subtitle: string;
  fields: Array<[label: string, value: string]>;
  vat: CreditNoteTable;
  refundedTo: string;
  fileName: string;
};

const KIND_KEYS: Record<string, MessageKey> = {
  missing: "cardRefunds.kind.missing",
  damaged: "cardRefunds.kind.damaged",
  lighter: "cardRefunds.kind.lighter",
  notCollected: "cardRefunds.kind.notCollected",
  other: "cardRefunds.kind.other",
};

export function refundReasonLabel(reason: string, kind: string | null, locale: Locale): string {
  const reasonKey = `cardRefunds.reason.${reason}`;
  const base = isKey(reasonKey) ? translate(locale, reasonKey) : reason;
  const kindKey = kind ? KIND_KEYS[kind] : undefined;
  return kindKey ? `${base} — ${translate(locale, kindKey)}` : base;
}

function isKey(key: string): key is MessageKey {
  return key.startsWith("cardRefunds.reason.") && ["CUSTOMER_CANCELLED", "DISTRIBUTION_CANCELLED", "ORDER_REDUCED", "WEIGHED_LIGHTER", "PRODUCER_REFUND", "ADMIN_REFUND", "LATE_PAYMENT"].includes(key.slice("cardRefunds.reason.".length));
}

/** Everything the credit note says, in the reader's language (page and PDF). */
export function creditNoteView(note: CreditNote, locale: Locale): CreditNoteView {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const money = (cents: number) => formatEuros(cents, locale);
  const vat = creditNoteVat(note.amountCents, note.lines);
  const sum = (pick: (line: VatLine) => number) => vat.reduce((total, line) => total + pick(line), 0);
  const fields: Array<[string, string]> = [
    [t("creditNote.field.order"), String(note.orderNumber)],
    [t("creditNote.field.customer"), note.customerName],
    [t("creditNote.field.date"), formatParis(note.createdAt, locale, locale === "fr" ? "d MMMM yyyy" : "d MMMM yyyy")],
    [t("creditNote.field.amount"), money(note.amountCents)],
    [t("creditNote.field.reason"), refundReasonLabel(note.reason, note.kind, locale)],
  ];
  if (note.note) fields.push([t("creditNote.field.note"), note.note]);
  if (note.sellerName) fields.push([t("creditNote.field.seller"), note.sellerName]);
  fields.push([t("creditNote.field.status"), t(`cardRefunds.status.${note.status}`)]);
  return {
    title: t("creditNote.title", { number: note.number }),
    subtitle: t("creditNote.subtitle", { order: note.orderNumber }),
    fields,
    vat: {
      columns: [
        { label: t("creditNote.vat.rate"), align: "left", width: 1.2 },
        { label: t("creditNote.vat.base"), align: "right", width: 1 },
        { label: t("creditNote.vat.amount"), align: "right", width: 1 },
        { label: t("creditNote.vat.total"), align: "right", width: 1 },
      ],
      rows: vat.map((line) => [formatVatRate(line.vatRateBp, locale), money(line.baseCents), money(line.vatCents), money(line.totalCents)]),
      total: [t("creditNote.field.amount"), money(sum((line) => line.baseCents)), money(sum((line) => line.vatCents)), money(sum((line) => line.totalCents))],
    },
    refundedTo: t("creditNote.refundedTo"),
    fileName: `avoir-A-${note.number}.pdf`,
  };
}

/** The same view as a PDF document (app/infra/pdf.server.ts lays it out). */
export function creditNotePdfSpec(view: CreditNoteView, locale: Locale): PdfDocumentSpec {
  const blocks: PdfBlock[] = [
    { kind: "fields", fields: view.fields },
    { kind: "heading", text: translate(locale, "creditNote.vat.title") },
    { kind: "table", ...view.vat },
    { kind: "paragraph", text: view.refundedTo },
  ];
  return { title: view.title, subtitle: view.subtitle, blocks };
}
