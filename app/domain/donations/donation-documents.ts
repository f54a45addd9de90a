import { quantityNumber, quantityText, temperatureText } from "~/domain/donations/donation-format";
import type { DonationStorageCode, DonationUnitCode } from "~/domain/donations/donation-quantity";
import { csvUnitWords, DONATION_UNITS, toUnits } from "~/domain/donations/donation-quantity";
import { donationValueCents } from "~/domain/donations/donation-rules";
import type { CharityIdentity, OrganisationIdentity, UnitTotals, YearlySummary } from "~/domain/donations/yearly-summary";
import { formatEuros } from "~/domain/money";
import { csvDocument, csvEuros } from "~/domain/preparation/preparation-csv";
import { formatParis, parisIsoDate } from "~/domain/time/paris";
import { translate, type Locale, type MessageKey } from "~/i18n/messages";
import type { PdfBlock, PdfDocumentSpec } from "~/infra/pdf.server";

/**
 * The donation documents as words, pure: a slip and a yearly summary become labelled sections
 * and table rows in the reader's language. The page and the PDF render the same view, so they
 * always say the same thing; the CSV takes the same figures as numbers for a spreadsheet.
 */

/** One collected claim, as its slip needs it (read by donation-slip.server.ts). */
export type DonationSlip = {
  claimId: string;
  number: string;
  productName: string;
  description: string;
  quantityMilli: number;
  unit: DonationUnitCode;
  useBy: string | null;
  bestBefore: string | null;
  lotNumber: string | null;
  storage: DonationStorageCode;
  rawFishery: boolean;
  temperatureDeciC: number | null;
  collectedAt: Date;
  pickupPlace: string;
  handedOverBy: string | null;
  claimedBy: string;
  donor: OrganisationIdentity;
  charity: CharityIdentity;
  costPriceCents: number;
  /** Paniers de la mer: set when the lot was handed over for a solidarity contribution, not given. */
  contribution: { centsPerUnit: number; paidCents: number; invoiceNumber: string | null } | null;
};

export type DocumentField = [label: string, value: string];
export type DocumentSection = { heading: string; fields: DocumentField[]; note?: string };

export type SlipView = {
  number: string;
  title: string;
  subtitle: string;
  sections: DocumentSection[];
  signatures: string[];
  footer: string;
  fileName: string;
};

const perUnitKeys = { KG: "slip.perUnit.KG", PIECE: "slip.perUnit.PIECE", LITRE: "slip.perUnit.LITRE" } as const satisfies Record<DonationUnitCode, MessageKey>;
const storageKeys = { AMBIENT: "slip.storage.AMBIENT", CHILLED: "slip.storage.CHILLED", FROZEN: "slip.storage.FROZEN" } as const satisfies Record<DonationStorageCode, MessageKey>;

/** Several units added up apart: "15 kg + 4 pièce(s)"; nothing at all is "0 kg". */
export function unitTotalsText(totals: UnitTotals, locale: Locale): string {
  const parts = DONATION_UNITS.filter((unit) => totals[unit] > 0).map((unit) => quantityText(totals[unit], unit, locale));
  return parts.length > 0 ? parts.join(" + ") : quantityText(0, "KG", locale);
}

/** "2026-12-10" → "10/12/2026": the same in French and British English. */
export function calendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

function perUnit(cents: number, unit: DonationUnitCode, locale: Locale): string {
  return translate(locale, "slip.value.perUnit", { price: formatEuros(cents, locale), unit: translate(locale, perUnitKeys[unit]) });
}

function handoverTemperature(deciC: number | null, locale: Locale): string {
  return deciC === null ? translate(locale, "slip.value.noTemperature") : temperatureText(deciC, locale);
}

function orNone(value: string | null, locale: Locale): string {
  return value && value.trim() !== "" ? value : translate(locale, "slip.value.none");
}

function dateFields(slip: Pick<DonationSlip, "useBy" | "bestBefore">, locale: Locale): DocumentField {
  if (slip.useBy) return [translate(locale, "slip.field.useBy"), calendarDate(slip.useBy)];
  if (slip.bestBefore) return [translate(locale, "slip.field.bestBefore"), calendarDate(slip.bestBefore)];
  return [translate(locale, "slip.field.dates"), translate(locale, "slip.value.noDate")];
}

/** Everything the donor and the charity sign for, in the reader's language. */
export function slipView(slip: DonationSlip, locale: Locale): SlipView {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const lot: DocumentField[] = [[t("slip.field.product"), slip.productName]];
  if (slip.description.trim() !== "") lot.push([t("slip.field.description"), slip.description]);
  lot.push(
    [t("slip.field.quantity"), quantityText(slip.quantityMilli, slip.unit, locale)],
    dateFields(slip, locale),
    [t("slip.field.lotNumber"), orNone(slip.lotNumber, locale)],
    [t("slip.field.storage"), t(storageKeys[slip.storage])],
  );
  if (slip.rawFishery) lot.push([t("slip.field.rawFishery"), t("slip.value.yes")]);

  const handover: DocumentField[] = [
    [t("slip.field.collectedAt"), formatParis(slip.collectedAt, locale, locale === "fr" ? "EEEE d MMMM yyyy 'à' HH:mm" : "EEEE d MMMM yyyy 'at' HH:mm")],
    [t("slip.field.pickupPlace"), slip.pickupPlace],
    [t("slip.field.temperature"), handoverTemperature(slip.temperatureDeciC, locale)],
    [t("slip.field.handedOverBy"), orNone(slip.handedOverBy, locale)],
    [t("slip.field.claimedBy"), slip.claimedBy],
  ];

  const sections: DocumentSection[] = [
    { heading: t("slip.section.lot"), fields: lot },
    { heading: t("slip.section.handover"), fields: handover },
    {
      heading: t("slip.section.donor"),
      fields: [
        [t("slip.field.name"), slip.donor.name],
        [t("slip.field.address"), orNone(slip.donor.address, locale)],
        [t("slip.field.siret"), orNone(slip.donor.siret, locale)],
      ],
    },
    {
      heading: t("slip.section.charity"),
      fields: [
        [t("slip.field.name"), slip.charity.name],
        [t("slip.field.address"), orNone(slip.charity.address, locale)],
        [t("slip.field.rna"), orNone(slip.charity.rna, locale)],
        [t("slip.field.siret"), orNone(slip.charity.siret, locale)],
      ],
    },
  ];

  if (slip.contribution) {
    const fields: DocumentField[] = [
      [t("slip.field.contributionPerUnit"), perUnit(slip.contribution.centsPerUnit, slip.unit, locale)],
      [t("slip.field.contributionPaid"), formatEuros(slip.contribution.paidCents, locale)],
    ];
    if (slip.contribution.invoiceNumber) fields.push([t("slip.field.invoice"), slip.contribution.invoiceNumber]);
    sections.push({ heading: t("slip.section.contribution"), fields, note: t("slip.contribution.help") });
  } else {
    const value = donationValueCents({ costPriceCents: slip.costPriceCents, quantityMilli: slip.quantityMilli, useBy: slip.useBy, pickupDate: parisIsoDate(slip.collectedAt) });
    sections.push({
      heading: t("slip.section.value"),
      fields: [
        [t("slip.field.costPrice"), perUnit(slip.costPriceCents, slip.unit, locale)],
        [t("slip.field.rate"), t(value.ratePercent === 100 ? "slip.value.rate100" : "slip.value.rate50")],
        [t("slip.field.value"), formatEuros(value.valueCents, locale)],
      ],
      note: t("slip.value.help"),
    });
  }

  return {
    number: slip.number,
    title: t(slip.contribution ? "slip.title.contribution" : "slip.title", { number: slip.number }),
    subtitle: t("slip.subtitle", { donor: slip.donor.name, charity: slip.charity.name }),
    sections,
    signatures: [t("slip.signature.donor"), t("slip.signature.charity")],
    footer: t("slip.footer", { number: slip.number }),
    fileName: `bordereau-${slip.number}.pdf`,
  };
}

export function slipPdfSpec(view: SlipView): PdfDocumentSpec {
  const blocks: PdfBlock[] = view.sections.flatMap((section): PdfBlock[] => [
    { kind: "heading", text: section.heading },
    { kind: "fields", fields: section.fields },
    ...(section.note ? [{ kind: "paragraph" as const, text: section.note, small: true }] : []),
  ]);
  blocks.push({ kind: "signatures", labels: view.signatures });
  return { title: view.title, subtitle: view.subtitle, blocks, footer: view.footer };
}

export type SummaryColumn = { label: string; align: "left" | "right"; width: number };

export type SummaryView = {
  title: string;
  subtitle: string;
  paragraphs: string[];
  totalHeading: string;
  totals: DocumentField[];
  columns: SummaryColumn[];
  charities: Array<{ id: string; name: string; details: string[]; rows: string[][]; subtotal: string[] }>;
  empty: string | null;
  footer: string;
  fileName: string;
};

/** The summary in the reader's language: what the page shows and the PDF prints. */
export function summaryView(summary: YearlySummary, locale: Locale): SummaryView {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const column = (key: MessageKey, width: number, align: "left" | "right" = "left"): SummaryColumn => ({ label: t(key), width, align });
  const totals: DocumentField[] = [
    [t("taxSummary.totalValue"), formatEuros(summary.valueCents, locale)],
    [t("taxSummary.donations"), String(summary.donations)],
    [t("taxSummary.kilos"), quantityText(summary.milliByUnit.KG, "KG", locale)],
  ];
  if (summary.milliByUnit.PIECE > 0) totals.push([t("taxSummary.pieces"), quantityNumber(summary.milliByUnit.PIECE, locale)]);
  if (summary.milliByUnit.LITRE > 0) totals.push([t("taxSummary.litres"), quantityNumber(summary.milliByUnit.LITRE, locale)]);
  return {
    title: t("taxSummary.title"),
    subtitle: t("taxSummary.subtitle", { donor: summary.donor.name, year: summary.year }),
    paragraphs: [t("taxSummary.intro"), t("taxSummary.rule"), t("taxSummary.receipts"), t("taxSummary.excluded")],
    totalHeading: t("taxSummary.total", { year: summary.year }),
    totals,
    // Widths in points of the A4 PDF's 499 pt: a slip number or a date never breaks mid-word.
    columns: [
      column("taxSummary.col.date", 56),
      column("taxSummary.col.slip", 102),
      column("taxSummary.col.product", 84),
      column("taxSummary.col.quantity", 50, "right"),
      column("taxSummary.col.useBy", 55),
      column("taxSummary.col.costPrice", 58, "right"),
      column("taxSummary.col.rate", 36, "right"),
      column("taxSummary.col.value", 58, "right"),
    ],
    charities: summary.charities.map((subtotal) => ({
      id: subtotal.charity.id,
      name: subtotal.charity.name,
      details: [
        t("taxSummary.charityIds", { rna: orNone(subtotal.charity.rna, locale), siret: orNone(subtotal.charity.siret, locale) }),
        ...(subtotal.charity.address ? [subtotal.charity.address] : []),
      ],
      rows: subtotal.lines.map((line) => [
        formatParis(line.collectedAt, locale, "dd/MM/yyyy HH:mm"),
        line.slipNumber,
        line.lotNumber ? t("taxSummary.productLot", { product: line.productName, lot: line.lotNumber }) : line.productName,
        quantityText(line.quantityMilli, line.unit, locale),
        line.useBy ? calendarDate(line.useBy) : "",
        perUnit(line.costPriceCents, line.unit, locale),
        `${line.ratePercent} %`,
        formatEuros(line.valueCents, locale),
      ]),
      subtotal: [t("taxSummary.subtotal"), "", "", unitTotalsText(subtotal.milliByUnit, locale), "", "", "", formatEuros(subtotal.valueCents, locale)],
    })),
    empty: summary.donations === 0 ? t("taxSummary.none", { year: summary.year }) : null,
    footer: t("taxSummary.footer", { year: summary.year, donor: summary.donor.name }),
    fileName: `recapitulatif-dons-${summary.year}.pdf`,
  };
}

export function summaryPdfSpec(view: SummaryView): PdfDocumentSpec {
  const blocks: PdfBlock[] = view.paragraphs.map((text) => ({ kind: "paragraph", text, small: true }));
  blocks.push({ kind: "heading", text: view.totalHeading }, { kind: "fields", fields: view.totals });
  if (view.empty) blocks.push({ kind: "paragraph", text: view.empty });
  for (const charity of view.charities) {
    blocks.push(
      { kind: "heading", text: charity.name },
      ...charity.details.map((text): PdfBlock => ({ kind: "paragraph", text, small: true })),
      { kind: "table", columns: view.columns, rows: charity.rows, total: charity.subtotal },
    );
  }
  return { title: view.title, subtitle: view.subtitle, blocks, footer: view.footer };
}

/** 10 500 → "10,5" (units with a decimal comma, a number for the spreadsheet). */
function csvQuantity(milli: number): string {
  return String(toUnits(milli)).replace(".", ",");
}

/**
 * The summary for a spreadsheet (French, like the other CSV files): one line per donation, then a
 * subtotal line per charity and the year's total, the same figures as the page and the PDF.
 */
export function summaryCsv(summary: YearlySummary): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const subtotal of summary.charities) {
    const { charity } = subtotal;
    for (const line of subtotal.lines) {
      rows.push([
        charity.name,
        charity.rna,
        charity.siret,
        formatParis(line.collectedAt, "fr", "dd/MM/yyyy HH:mm"),
        line.slipNumber,
        line.productName,
        line.lotNumber,
        csvQuantity(line.quantityMilli),
        csvUnitWords[line.unit],
        line.useBy ? calendarDate(line.useBy) : null,
        line.bestBefore ? calendarDate(line.bestBefore) : null,
        csvEuros(line.costPriceCents),
        line.ratePercent,
        csvEuros(line.valueCents),
      ]);
    }
    rows.push([charity.name, charity.rna, charity.siret, null, null, "Sous-total", null, csvQuantity(subtotal.milliByUnit.KG), "kg", null, null, null, null, csvEuros(subtotal.valueCents)]);
  }
  rows.push([`Total ${summary.year}`, null, null, null, null, null, null, csvQuantity(summary.milliByUnit.KG), "kg", null, null, null, null, csvEuros(summary.valueCents)]);
  return csvDocument(
    ["Association", "RNA", "SIRET association", "Date du retrait", "Bordereau", "Produit", "N° de lot", "Quantité", "Unité", "DLC", "DDM", "Prix de revient unitaire (€)", "Taux (%)", "Valeur (€)"],
    rows,
  );
}
