import { inflateSync } from "node:zlib";

/** Windows-1252 bytes 0x80–0x9f, the ones that differ from Latin-1. */
const WIN_ANSI_EXTRA: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰", 0x8a: "Š", 0x8b: "‹", 0x8c: "Œ",
  0x8e: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›",
  0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};

/**
 * The text a reader sees in a PDF written by app/infra/pdf.server.ts, one string per line of
 * text, so that tests assert on what the slip or summary says rather than on its bytes.
 */
export function pdfLines(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes);
  if (raw.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("not a PDF file");
  const lines: string[] = [];
  let cursor = 0;
  while (true) {
    const start = raw.indexOf("stream\n", cursor, "latin1");
    if (start < 0) break;
    const end = raw.indexOf("\nendstream", start, "latin1");
    const body = raw.subarray(start + 7, end);
    cursor = end + 10;
    let content: string;
    try {
      content = inflateSync(body).toString("latin1");
    } catch {
      continue;
    }
    for (const match of content.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/gi)) {
      const text = [...match[1]!.matchAll(/<([0-9a-f]*)>/gi)]
        .map((hex) =>
          [...Buffer.from(hex[1]!, "hex")].map((byte) => WIN_ANSI_EXTRA[byte] ?? String.fromCharCode(byte)).join(""),
        )
        .join("");
      lines.push(text);
    }
  }
  return lines;
}

/** All the PDF's text as one string, lines joined by a newline. */
export function pdfText(bytes: Uint8Array): string {
  return pdfLines(bytes).join("\n");
}
