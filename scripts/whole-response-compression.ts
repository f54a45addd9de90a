/**
 * gzip or brotli (as the browser asks) over each WHOLE response: docs/decisions/020.
 *
 * The `compression` package does the negotiation (Accept-Encoding, Vary, Cache-Control:
 * no-transform, HEAD), two things are added around it:
 * - Remix flushes after every chunk React streams (a few KB each), and `compression` then ends
 *   a compressed block per chunk: the page came out 2 to 3 times bigger (shared/docs/stack.md).
 *   So flush() does nothing: zlib sends its output as its own buffer fills (16 KB) and the rest
 *   at the end, and the page still streams without Content-Length. The app defers no data (no
 *   defer/Suspense), so nothing waits on a flush; a page that does would need its shell flushed.
 * - Remix sends its headers before the body (flushHeaders) and never says the body's length, so
 *   `compression` could not tell a small answer from a big one. The first bytes are held until
 *   there are `threshold` of them: an answer that ends before gets its Content-Length and goes
 *   out as it is (compressing 30 bytes only makes them longer).
 * Never compressed again: images other than SVG, PDFs, archives, audio, video, WOFF fonts.
 */
import compression from "compression";
import type { RequestHandler, Response } from "express";

const THRESHOLD = 1024;
const ALREADY_COMPRESSED = /^(image\/(?!svg\+xml)|application\/(pdf|zip|gzip)|video\/|audio\/|font\/woff)/i;

type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;
type End = (chunk?: unknown, encoding?: unknown, callback?: unknown) => Response;

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError("réponse : morceau ni texte ni octets");
}

/** Holds the first bytes of an answer of unknown length until there are `threshold` of them. */
function holdSmallBodies(threshold: number): RequestHandler {
  return (request, response, next) => {
    const write = response.write as unknown as Write;
    const end = response.end as unknown as End;
    let held: Buffer[] | null = [];
    let heldBytes = 0;
    const release = () => {
      const chunks = held ?? [];
      held = null;
      for (const chunk of chunks) write.call(response, chunk);
    };
    // Headers go with the first bytes released, once the size is known to be worth compressing.
    response.flushHeaders = () => {};
    (response as unknown as { write: Write }).write = function (chunk, encoding, callback) {
      if (held === null || response.getHeader("Content-Length") !== undefined) {
        release();
        return write.call(response, chunk, encoding, callback);
      }
      const buffer = toBuffer(chunk, encoding);
      held.push(buffer);
      heldBytes += buffer.length;
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") process.nextTick(done as () => void);
      if (heldBytes >= threshold) release();
      return true;
    };
    (response as unknown as { end: End }).end = function (chunk, encoding, callback) {
      if (held === null) return end.call(response, chunk, encoding, callback);
      if (typeof chunk === "function") [chunk, encoding, callback] = [undefined, undefined, chunk];
      if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
      const chunks = held;
      held = null;
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
      const body = Buffer.concat(chunks);
      const bodyless = request.method === "HEAD" || response.statusCode === 204 || response.statusCode === 304;
      if (!response.headersSent && !bodyless && response.getHeader("Content-Length") === undefined) {
        response.setHeader("Content-Length", body.length);
      }
      return end.call(response, body.length > 0 ? body : undefined, callback);
    };
    next();
  };
}

export function wholeResponseCompression(): RequestHandler[] {
  return [
    compression({
      threshold: THRESHOLD,
      filter: (request, response) => {
        const type = String(response.getHeader("Content-Type") ?? "");
        return !ALREADY_COMPRESSED.test(type) && compression.filter(request, response);
      },
    }),
    (_request, response, next) => {
      (response as Response & { flush: () => void }).flush = () => {};
      next();
    },
    holdSmallBodies(THRESHOLD),
  ];
}
