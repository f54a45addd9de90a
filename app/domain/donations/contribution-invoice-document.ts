import { quantityText, unitName } from "~/domain/donations/donation-format";
import type { ContributionInvoiceView } from "~/domain/donations/read-contribution-invoice.server";
import { invoiceAmounts, vatRateText } from "~/domain/donations/invoice-amounts";
import { postalAddress } from "~/domain/postal-address";
import { formatEuros } from "~/domain/money";
import { formatParis } from "~/domain/time/paris";
import { translate, type Locale } from "~/i18n/messages";
import type { PdfBlock, PdfDocumentSpec } from "~/infra/pdf.server";

function day(instant: Date, locale: Locale): string {
  return formatParis(instant, locale, "dd/MM/yyyy");
}

function partyFields(party: ContributionInvoiceView["issuer"], locale: Locale): Array<[string, string]> {
  const address = postalAddress(party.address, party.postalCode, party.commune);
  const fields: Array<[string, string]> = [[translate(locale, "sea.pdf.name"), party.name]];
  if (address) fields.push([translate(locale, "sea.pdf.address"), address]);
  if (party.siret) fields.push([translate(locale, "sea.pdf.siret"), party.siret]);
  if (party.rna) fields.push([translate(locale, "sea.pdf.rna"), party.rna]);
  return fields;
}

/**
 * The contribution invoice as a document (app/infra/pdf.server.ts draws it): who issues it and who
 * pays, its number and date, the one line (product, quantity, unit price, HT, TVA, TTC), the totals,
 * and the mention of the raw lot the product was made from.
 */
export function contributionInvoiceDocument(invoice: ContributionInvoiceView, locale: Locale): PdfDocumentSpec {
  const amounts = invoiceAmounts(invoice.amountCents, invoice.vatRatePermille);
  const rate = vatRateText(invoice.vatRatePermille, locale);
  const money = (cents: number) => formatEuros(cents, locale);
  const unitPrice = invoice.lot.contributionCentsPerUnit === null ? "" : `${money(invoice.lot.contributionCentsPerUnit)} / ${unitName(invoice.lot.unit, locale)}`;
  const handedOver = invoice.claim.collectedAt ?? invoice.issuedAt;
  const blocks: PdfBlock[] = [
    { kind: "fields", fields: [[translate(locale, "sea.pdf.number"), invoice.number], [translate(locale, "sea.pdf.date"), day(invoice.issuedAt, locale)]] },
    { kind: "heading", text: translate(locale, "sea.pdf.issuer") },
    { kind: "fields", fields: partyFields(invoice.issuer, locale) },
    { kind: "heading", text: translate(locale, "sea.pdf.buyer") },
    { kind: "fields", fields: partyFields(invoice.charity, locale) },
    { kind: "heading", text: translate(locale, "sea.pdf.lines") },
    {
      kind: "table",
      columns: [
        { label: translate(locale, "sea.pdf.product"), width: 3 },
        { label: translate(locale, "sea.pdf.quantity"), align: "right", width: 1.2 },
        { label: translate(locale, "sea.pdf.unitPrice"), align: "right", width: 1.5 },
        { label: translate(locale, "sea.pdf.exclVat"), align: "right", width: 1.2 },
        { label: translate(locale, "sea.pdf.vat", { rate }), align: "right", width: 1.2 },
        { label: translate(locale, "sea.pdf.inclVat"), align: "right", width: 1.2 },
      ],
      rows: [[invoice.lot.productName, quantityText(invoice.claim.quantityMilli, invoice.lot.unit, locale), unitPrice, money(amounts.exclVatCents), money(amounts.vatCents), money(amounts.inclVatCents)]],
    },
    {
      kind: "fields",
      fields: [
        [translate(locale, "sea.pdf.totalExclVat"), money(amounts.exclVatCents)],
        [translate(locale, "sea.pdf.totalVat", { rate }), money(amounts.vatCents)],
        [translate(locale, "sea.pdf.totalInclVat"), money(amounts.inclVatCents)],
      ],
    },
    {
      kind: "paragraph",
      text: invoice.lot.lotNumber
        ? translate(locale, "sea.pdf.lotNumber", { lotNumber: invoice.lot.lotNumber, date: day(handedOver, locale) })
        : translate(locale, "sea.pdf.handedOver", { date: day(handedOver, locale) }),
    },
  ];
  if (invoice.source) {
    blocks.push({
      kind: "paragraph",
      text: translate(locale, "sea.pdf.source", {
        product: invoice.source.productName,
        lotNumber: invoice.source.lotNumber ? translate(locale, "sea.pdf.sourceLotNumber", { lotNumber: invoice.source.lotNumber }) : "",
        fisher: invoice.source.fisherName,
      }),
    });
  }
  return {
    title: translate(locale, "sea.pdf.title", { number: invoice.number }),
    subtitle: translate(locale, "sea.pdf.subtitle"),
    blocks,
    footer: translate(locale, "sea.pdf.footer", { issuer: invoice.issuer.name, number: invoice.number }),
  };
}
