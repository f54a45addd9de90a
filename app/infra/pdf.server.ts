import PDFDocument from "pdfkit";

/**
 * The one way the app writes a PDF (donation slips, tax summaries, contribution invoices): a
 * document described as data — a title, labelled fields, tables, paragraphs — laid out on A4 by
 * pdfkit with its built-in Helvetica (decision 012). Callers never touch pdfkit.
 */
export type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; small?: boolean }
  | { kind: "fields"; fields: Array<[label: string, value: string]> }
  | { kind: "table"; columns: Array<{ label: string; align?: "left" | "right"; width?: number }>; rows: string[][]; total?: string[] }
  | { kind: "signatures"; labels: string[] };

export type PdfDocumentSpec = {
  /** Shown on top of the first page and as the file's title. */
  title: string;
  subtitle?: string;
  blocks: PdfBlock[];
  /** A line at the bottom of every page (who issued it, when). */
  footer?: string;
};

/**
 * The built-in fonts only know the Windows-1252 characters. What French text uses beyond them
 * (the narrow no-break space Intl puts in "1 234,50 €", the minus sign of "−18 °C", "≤") is
 * written with its nearest equivalent, so a slip never prints a blank or a wrong glyph.
 */
export function toPdfText(text: string): string {
  return text
    .replace(/[\u202f\u2009\u2007]/g, "\u00a0")
    .replace(/\u2212/g, "-")
    .replace(/≤/g, "<=")
    .replace(/≥/g, ">=")
    .replace(/[\u2010\u2011]/g, "-")
    .replace(/→/g, "->")
    .replace(/←/g, "<-")
    .replace(/[^\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g, "?");
}

const MARGIN = 48;

/** Renders the document to the bytes of a PDF file. */
export function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + 16, left: MARGIN, right: MARGIN },
    info: { Title: toPdfText(spec.title), Producer: "Terre & Mer", Creator: "Terre & Mer" },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.font("Helvetica-Bold").fontSize(18).text(toPdfText(spec.title), { width });
  if (spec.subtitle) doc.moveDown(0.2).font("Helvetica").fontSize(11).fillColor("#334155").text(toPdfText(spec.subtitle), { width });
  doc.fillColor("#000000").moveDown(0.8);

  for (const block of spec.blocks) {
    switch (block.kind) {
      case "heading":
        doc.moveDown(0.6).font("Helvetica-Bold").fontSize(13).text(toPdfText(block.text), MARGIN, undefined, { width }).moveDown(0.3);
        break;
      case "paragraph":
        doc.font("Helvetica").fontSize(block.small ? 8.5 : 10.5).text(toPdfText(block.text), MARGIN, undefined, { width }).moveDown(0.4);
        break;
      case "fields":
        for (const [label, value] of block.fields) {
          const y = doc.y;
          doc.font("Helvetica-Bold").fontSize(10.5).text(toPdfText(label), MARGIN, y, { width: width * 0.35 });
          const afterLabel = doc.y;
          doc.font("Helvetica").text(toPdfText(value), MARGIN + width * 0.37, y, { width: width * 0.63 });
          doc.y = Math.max(afterLabel, doc.y) + 3;
        }
        doc.moveDown(0.4);
        break;
      case "table":
        drawTable(doc, block, width);
        break;
      case "signatures": {
        doc.moveDown(1.2);
        const columnWidth = width / block.labels.length;
        const y = doc.y;
        block.labels.forEach((label, index) => {
          const x = MARGIN + index * columnWidth;
          doc.font("Helvetica").fontSize(10).text(toPdfText(label), x, y, { width: columnWidth - 12 });
          doc.moveTo(x, y + 56).lineTo(x + columnWidth - 16, y + 56).strokeColor("#64748b").stroke();
        });
        doc.x = MARGIN;
        doc.y = y + 64;
        break;
      }
    }
  }

  if (spec.footer) {
    const range = doc.bufferedPageRange();
    for (let page = range.start; page < range.start + range.count; page++) {
      doc.switchToPage(page);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font("Helvetica")
        .fontSize(8)
        .fillColor("#475569")
        .text(`${toPdfText(spec.footer)} — ${page - range.start + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN, { width, align: "center" });
      doc.page.margins.bottom = bottom;
    }
  }
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, block: Extract<PdfBlock, { kind: "table" }>, width: number) {
  const declared = block.columns.reduce((sum, column) => sum + (column.width ?? 1), 0);
  const widths = block.columns.map((column) => ((column.width ?? 1) / declared) * width);
  const row = (cells: string[], bold: boolean) => {
    const heights = cells.map((cell, index) =>
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9.5).heightOfString(toPdfText(cell), { width: widths[index]! - 6 }),
    );
    const height = Math.max(...heights, 10) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, index) => {
      doc
        .font(bold ? "Helvetica-Bold" : "Helvetica")
        .fontSize(9.5)
        .text(toPdfText(cell), x + 3, y + 3, { width: widths[index]! - 6, align: block.columns[index]?.align ?? "left" });
      x += widths[index]!;
    });
    doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).strokeColor("#cbd5e1").stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  row(block.columns.map((column) => column.label), true);
  for (const cells of block.rows) row(cells, false);
  if (block.total) row(block.total, true);
  doc.moveDown(0.6);
}

/** The HTTP answer for a generated PDF, downloaded under `fileName`. */
export function pdfResponse(bytes: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}
