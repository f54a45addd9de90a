/**
 * Evidence documents of a label (PDF or photo), checked from their bytes, never from the name or the
 * type the browser sent. Photos go through the catalogue's photo checks (decoded and re-encoded: what
 * is stored is an image, nothing else); a PDF must start as one and stay under the size limit.
 */
import { sniffImageType } from "~/domain/catalog/product-photo";

export const MAX_LABEL_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_LABEL_DOCUMENTS = 10;

export type LabelDocumentType = "application/pdf" | "image";

export function sniffLabelDocumentType(bytes: Uint8Array): LabelDocumentType | null {
  // "%PDF-"
  if (bytes.length >= 5 && [0x25, 0x50, 0x44, 0x46, 0x2d].every((byte, index) => bytes[index] === byte)) return "application/pdf";
  return sniffImageType(bytes) ? "image" : null;
}

/** The name shown for a document: the sent file name without any path or control character, at most 100 characters. */
export function labelDocumentName(sent: string): string {
  const base = sent.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 100);
  return clean === "" ? "document" : clean;
}
