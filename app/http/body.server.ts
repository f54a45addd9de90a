import { DomainError } from "~/domain/errors";
import { pageError } from "~/http/errors.server";

/**
 * Request bodies, read with a bound decided before the first byte (docs/decisions/017): a page
 * form is a few text fields, an API call a small JSON document; files have their own, larger
 * limits (photo-upload.server.ts, the catalogue import).
 */
export const FORM_MAX_BYTES = 64 * 1024;
export const JSON_MAX_BYTES = 64 * 1024;

// Bodies refused before they were read to the end, by their stream (the same object when Remix
// copies the request for a client-side submission): app/entry.server.tsx closes their connection
// after the answer rather than waiting for the rest of, say, a gigabyte.
const leftUnread = new WeakSet<object>();

/** The refusal of a body over `maxBytes`: 413, nothing read further, nothing changed. */
export function bodyTooLarge(request: Request, maxBytes: number, code: "body_too_large" | "file_too_large" = "body_too_large"): DomainError {
  markBodyLeftUnread(request);
  return new DomainError(code, { maxBytes });
}

export function markBodyLeftUnread(request: Request): void {
  leftUnread.add(request);
  if (request.body) leftUnread.add(request.body);
}

/** Whether this request's body was refused part way: its connection cannot carry another request. */
export function bodyWasLeftUnread(request: Request): boolean {
  return leftUnread.has(request) || (request.body !== null && leftUnread.has(request.body));
}

/** A declared Content-Length over the limit is refused before anything is read. */
function refuseDeclaredOverLimit(request: Request, maxBytes: number, tooLarge: () => Error = () => bodyTooLarge(request, maxBytes)): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
}

/**
 * The body as a stream that fails with `tooLarge()` as soon as more than `maxBytes` went by
 * (a chunked body has no Content-Length; a declared one may lie). On overflow the client's stream
 * is released, not cancelled: cancelling would tear the connection down before the 413 is sent.
 */
export function countedBody(
  request: Request,
  maxBytes: number,
  tooLarge: () => Error = () => bodyTooLarge(request, maxBytes),
): ReadableStream<Uint8Array> | null {
  refuseDeclaredOverLimit(request, maxBytes, tooLarge);
  if (!request.body) return null;
  const reader = request.body.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      received += value.byteLength;
      if (received > maxBytes) {
        markBodyLeftUnread(request);
        reader.releaseLock();
        controller.error(tooLarge());
        return;
      }
      controller.enqueue(value);
    },
    cancel() {
      // The reader (a multipart parser) gave up: the rest stays unread, the connection is closed after the answer.
      markBodyLeftUnread(request);
      reader.releaseLock();
    },
  });
}

/** The whole body, at most `maxBytes` of it: a longer one is refused (413) without being read further. */
async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const body = countedBody(request, maxBytes);
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The body as UTF-8 text, at most `maxBytes`. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes));
}

/**
 * A page form's fields (url-encoded or multipart), at most `maxBytes` in all. An oversized body is
 * a thrown 413 Response carrying its message in the visitor's language, for the route's
 * ErrorBoundary: no action reads on past it, so nothing is changed.
 */
export async function readFormData(request: Request, maxBytes = FORM_MAX_BYTES): Promise<FormData> {
  let bytes: Uint8Array;
  try {
    bytes = await readBodyBytes(request, maxBytes);
  } catch (error) {
    if (error instanceof DomainError) throw pageError(request, error);
    throw error;
  }
  const contentType = request.headers.get("content-type") ?? "application/x-www-form-urlencoded";
  const copy = new Request(request.url, { method: "POST", headers: { "content-type": contentType }, body: Buffer.from(bytes) });
  try {
    return await copy.formData();
  } catch {
    // Not a form at all (no boundary, garbage): an empty form, which the route's schema refuses with its fields.
    return new FormData();
  }
}

/**
 * A copy of the request whose body is counted as it streams (see countedBody): for a reader that
 * wants a Request, such as Remix's multipart parser. A declared length over the limit throws here.
 */
export function boundedRequest(request: Request, maxBytes: number, tooLarge: () => Error = () => bodyTooLarge(request, maxBytes)): Request {
  const body = countedBody(request, maxBytes, tooLarge);
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal, duplex: "half" } as RequestInit);
}
