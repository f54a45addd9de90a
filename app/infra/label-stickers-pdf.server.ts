import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { toPdfText } from "~/infra/pdf.server";

/** One sticker: the badge's words, the label's number, the product, and where the QR code leads. */
export type LabelSticker = {
  badge: string;
  number: string;
  product: string;
  producer: string;
  /** « Valable jusqu'au 6 décembre 2027 », already in the reader's language. */
  validity: string;
  /** The public verification page, `<APP_URL>/label/<numero>`: encoded in the QR code and printed in clear. */
  url: string;
};

export type LabelStickerSheet = { title: string; stickers: LabelSticker[]; empty: string };

const MM = 72 / 25.4;
const COLUMNS = 2;
const ROWS = 5;
const PAGE_MARGIN_X = 10 * MM;
const PAGE_MARGIN_Y = 18 * MM;
const QR_SIZE = 34 * MM;

/**
 * The producer's sticker sheet: A4, 2 × 5 stickers with dashed cut lines, as many pages as it takes
 * (decision 032). The QR code is drawn from the matrix `qrcode` computes, square by square, so it
 * prints sharp at any resolution.
 */
export function renderLabelStickers(sheet: LabelStickerSheet): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 0, info: { Title: toPdfText(sheet.title), Producer: "Terre & Mer", Creator: "Terre & Mer" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const cellWidth = (doc.page.width - 2 * PAGE_MARGIN_X) / COLUMNS;
  const cellHeight = (doc.page.height - 2 * PAGE_MARGIN_Y) / ROWS;

  doc.font("Helvetica-Bold").fontSize(11).text(toPdfText(sheet.title), PAGE_MARGIN_X, 8 * MM, { width: doc.page.width - 2 * PAGE_MARGIN_X });
  if (sheet.stickers.length === 0) {
    doc.font("Helvetica").fontSize(11).text(toPdfText(sheet.empty), PAGE_MARGIN_X, PAGE_MARGIN_Y);
  }
  sheet.stickers.forEach((sticker, index) => {
    const onPage = index % (COLUMNS * ROWS);
    if (index > 0 && onPage === 0) doc.addPage();
    const x = PAGE_MARGIN_X + (onPage % COLUMNS) * cellWidth;
    const y = PAGE_MARGIN_Y + Math.floor(onPage / COLUMNS) * cellHeight;
    drawSticker(doc, sticker, x, y, cellWidth, cellHeight);
  });
  doc.end();
  return done;
}

function drawSticker(doc: PDFKit.PDFDocument, sticker: LabelSticker, x: number, y: number, width: number, height: number) {
  doc.save().dash(3, { space: 3 }).lineWidth(0.5).strokeColor("#94a3b8").rect(x, y, width, height).stroke().undash().restore();
  const pad = 4 * MM;
  const qrX = x + width - pad - QR_SIZE;
  const qrY = y + (height - QR_SIZE) / 2 - 3 * MM;
  drawQr(doc, sticker.url, qrX, qrY, QR_SIZE);
  doc.link(qrX, qrY, QR_SIZE, QR_SIZE, sticker.url);

  const textWidth = width - 3 * pad - QR_SIZE;
  doc.fillColor("#14532d").font("Helvetica-Bold").fontSize(10).text(toPdfText(sticker.badge), x + pad, y + pad, { width: textWidth });
  doc.fillColor("#000000").font("Helvetica-Bold").fontSize(13).text(toPdfText(sticker.number), x + pad, doc.y + 2, { width: textWidth });
  doc.font("Helvetica").fontSize(9.5).text(toPdfText(sticker.product), x + pad, doc.y + 3, { width: textWidth, height: 24, ellipsis: true });
  doc.fillColor("#334155").fontSize(8.5).text(toPdfText(sticker.producer), x + pad, doc.y + 1, { width: textWidth, height: 12, ellipsis: true });
  doc.text(toPdfText(sticker.validity), x + pad, doc.y + 1, { width: textWidth });
  doc.fillColor("#000000").font("Helvetica").fontSize(7).text(toPdfText(sticker.url), x + pad, y + height - pad - 8, { width: width - 2 * pad, align: "center", lineBreak: false });
}

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = modules.size;
  const cell = size / count;
  doc.save().fillColor("#000000");
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      // A hair wider than the cell, so no white seam shows between two dark modules on print.
      if (modules.get(row, column)) doc.rect(x + column * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill().restore();
}
