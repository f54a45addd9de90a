import { formatEuros } from "~/domain/money";
import { csvDocument, csvEuros } from "~/domain/preparation/preparation-csv";
import type { Statement, StatementTotals } from "~/domain/preparation/sales-figures";
import { formatParis, parisIsoDate } from "~/domain/time/paris";
import type { PdfBlock, PdfDocumentSpec } from "~/infra/pdf.server";
import { translate, type Locale, type MessageKey } from "~/i18n/messages";

/*
 * The statement as CSV and as PDF (issue 11): the same rows and the same totals as the page, in
 * the reader's language. The CSV is for a spreadsheet (semicolons, decimal commas, numbers stay
 * numbers); the PDF is described as data and drawn by the one PDF writer (decision 012).
 */

export type StatementHeading = { producerName: string | null; from: string; to: string; locale: Locale; issuedAt: Date };

/** The totals' rows, in the order the page shows them: [label key, cents]. */
export function statementTotalRows(totals: StatementTotals): Array<[MessageKey, number]> {
  return [
    ["cardStatement.total.paidOnline", totals.paidOnlineCents],
    ["cardStatement.total.refunded", totals.refundedCents],
    ["cardStatement.total.commission", totals.commissionCents],
    ["cardStatement.total.fee", totals.feeCents],
    ["cardStatement.total.net", totals.netCents],
    ["cardStatement.total.transferred", totals.transferredCents],
    ["cardStatement.total.sending", totals.sendingCents],
    ["cardStatement.total.held", totals.heldCents],
    ["cardStatement.total.upcoming", totals.upcomingCents],
    ["cardStatement.total.paidAtStall", totals.paidAtStallCents],
  ];
}

export function statementFileName(heading: Pick<StatementHeading, "from" | "to">, extension: "csv" | "pdf"): string {
  return `releve-${heading.from}-${heading.to}.${extension}`;
}

const ORDER_COLUMNS: MessageKey[] = [
  "cardStatement.col.order",
  "cardStatement.col.date",
  "cardStatement.col.distribution",
  "cardStatement.col.producer",
  "cardStatement.col.method",
  "cardStatement.col.paidOnline",
  "cardStatement.col.paidCash",
  "cardStatement.col.paidCheque",
  "cardStatement.col.paidTerminal",
  "cardStatement.col.refunded",
  "cardStatement.col.commission",
  "cardStatement.col.fee",
  "cardStatement.col.net",
];

/**
 * One CSV: a line per order and producer, then a line per refund (its credit note's number), per
 * transfer (with its reversals) and the totals, each line saying in its first column what it is.
 */
export function statementCsv(statement: Statement, heading: StatementHeading): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(heading.locale, key, params);
  const headers = [t("cardStatement.col.status"), ...ORDER_COLUMNS.map((key) => t(key)), t("cardStatement.col.creditNote"), t("cardStatement.col.reason"), t("cardStatement.col.transfer"), t("cardStatement.col.reversed")];
  const empty = (count: number) => Array.from({ length: count }, () => null);
  const rows = [
    ...statement.orders.map((order) => [
      t("cardStatement.orders"),
      order.number,
      parisIsoDate(order.startsAt),
      order.pickupPointName,
      order.producerName,
      t(`cardStatement.method.${order.paymentMethod}`),
      csvEuros(order.paidOnlineCents),
      csvEuros(order.paidCashCents),
      csvEuros(order.paidChequeCents),
      csvEuros(order.paidTerminalCents),
      csvEuros(order.refundedCents),
      csvEuros(order.commissionCents),
      csvEuros(order.feeCents),
      csvEuros(order.netCents),
      ...empty(4),
    ]),
    ...statement.refunds.map((refund) => [
      t("cardStatement.refunds"),
      refund.orderNumber,
      parisIsoDate(refund.createdAt),
      null,
      refund.producerName,
      t(`cardStatement.refundStatus.${refund.status}`),
      null,
      ...empty(3),
      csvEuros(refund.amountCents),
      ...empty(3),
      refund.number,
      t(`cardStatement.reason.${refund.reason}` as MessageKey),
      refund.stripeRefundId,
      null,
    ]),
    ...statement.transfers.map((transfer) => [
      t("cardStatement.transfers"),
      null,
      parisIsoDate(transfer.startsAt),
      transfer.pickupPointName,
      transfer.producerName,
      t(`cardStatement.transferStatus.${transfer.status}`),
      ...empty(7),
      csvEuros(transfer.amountCents - transfer.reversedCents),
      null,
      null,
      transfer.stripeTransferId,
      transfer.reversedCents > 0 ? `${csvEuros(transfer.reversedCents)} (${transfer.reversals.map((reversal) => reversal.stripeReversalId ?? "…").join(", ")})` : null,
    ]),
    ...statementTotalRows(statement.totals).map(([key, cents]) => [t("cardStatement.totals"), null, null, null, t(key), null, ...empty(7), csvEuros(cents), ...empty(4)]),
  ];
  return csvDocument(headers, rows);
}

/** The statement as a PDF document: heading, totals, orders, refunds, transfers. */
export function statementPdfSpec(statement: Statement, heading: StatementHeading): PdfDocumentSpec {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(heading.locale, key, params);
  const money = (cents: number) => formatEuros(cents, heading.locale);
  const blocks: PdfBlock[] = [
    { kind: "heading", text: t("cardStatement.totals") },
    { kind: "fields", fields: statementTotalRows(statement.totals).map(([key, cents]) => [t(key), money(cents)]) },
    { kind: "paragraph", text: t("cardStatement.reconcile"), small: true },
  ];
  if (statement.totals.gapCents !== 0) blocks.push({ kind: "paragraph", text: t("cardStatement.gap", { amount: money(statement.totals.gapCents) }) });
  blocks.push({ kind: "heading", text: t("cardStatement.orders") });
  if (statement.orders.length === 0) blocks.push({ kind: "paragraph", text: t("cardStatement.none") });
  else
    blocks.push({
      kind: "table",
      columns: [
        { label: t("cardStatement.col.order"), width: 1.2 },
        { label: t("cardStatement.col.date"), width: 1.4 },
        { label: t("cardStatement.col.paidOnline"), align: "right" },
        { label: t("cardStatement.col.paidAtStallShort"), align: "right" },
        { label: t("cardStatement.col.refunded"), align: "right" },
        { label: t("cardStatement.col.commission"), align: "right" },
        { label: t("cardStatement.col.fee"), align: "right" },
        { label: t("cardStatement.col.net"), align: "right" },
      ],
      rows: statement.orders.map((order) => [
        heading.producerName === null ? `${order.number} ${order.producerName}` : String(order.number),
        parisIsoDate(order.startsAt),
        money(order.paidOnlineCents),
        money(order.paidCashCents + order.paidChequeCents + order.paidTerminalCents),
        money(order.refundedCents),
        money(order.commissionCents),
        money(order.feeCents),
        money(order.netCents),
      ]),
      total: [
        t("cardStatement.totals"),
        "",
        money(statement.totals.paidOnlineCents),
        money(statement.totals.paidAtStallCents),
        money(statement.totals.refundedCents),
        money(statement.totals.commissionCents),
        money(statement.totals.feeCents),
        money(statement.totals.netCents),
      ],
    });
  blocks.push({ kind: "heading", text: t("cardStatement.refunds") });
  if (statement.refunds.length === 0) blocks.push({ kind: "paragraph", text: t("cardStatement.noRefunds") });
  else
    blocks.push({
      kind: "table",
      columns: [{ label: t("cardStatement.col.creditNote") }, { label: t("cardStatement.col.order") }, { label: t("cardStatement.col.reason"), width: 2.5 }, { label: t("cardStatement.col.status") }, { label: t("cardStatement.col.amount"), align: "right" }],
      rows: statement.refunds.map((refund) => [String(refund.number), String(refund.orderNumber), t(`cardStatement.reason.${refund.reason}` as MessageKey), t(`cardStatement.refundStatus.${refund.status}`), money(refund.amountCents)]),
    });
  blocks.push({ kind: "heading", text: t("cardStatement.transfers") });
  if (statement.transfers.length === 0) blocks.push({ kind: "paragraph", text: t("cardStatement.noTransfers") });
  else
    blocks.push({
      kind: "table",
      columns: [{ label: t("cardStatement.col.distribution"), width: 2.5 }, { label: t("cardStatement.col.status") }, { label: t("cardStatement.col.transfer"), width: 2 }, { label: t("cardStatement.col.reversed"), align: "right" }, { label: t("cardStatement.col.amount"), align: "right" }],
      rows: statement.transfers.map((transfer) => [
        `${parisIsoDate(transfer.startsAt)} ${transfer.pickupPointName}${heading.producerName === null ? ` — ${transfer.producerName}` : ""}`,
        t(`cardStatement.transferStatus.${transfer.status}`),
        transfer.stripeTransferId ?? "—",
        money(transfer.reversedCents),
        money(transfer.amountCents - transfer.reversedCents),
      ]),
    });
  return {
    title: t("cardStatement.pdf.title", { producer: heading.producerName ?? t("cardStatement.pdf.allProducers") }),
    subtitle: t("cardStatement.pdf.period", { from: heading.from, to: heading.to }),
    blocks,
    footer: t("cardStatement.pdf.generated", { date: formatParis(heading.issuedAt, heading.locale) }),
  };
}
