import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { bodyTooLarge, countedBody } from "~/http/body.server";

/** Room for the multipart boundaries, headers and the few text fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;
const TEXT_FIELD_BYTES = 1024;

export type PhotoUpload = { bytes: Uint8Array; fields: Record<string, string> };

/**
 * Reads a multipart form carrying one image file in the field `fieldName`, never holding more
 * than `maxBytes` of it: a declared Content-Length over the limit is refused before reading, and
 * a body that goes on past it (chunked, or lying about its length) is cut off as it streams. The
 * file name the browser sent never names anything on our side (files are stored under random
 * keys); a name carrying a path ("../../etc/passwd.jpg", "C:\\photos\\x.jpg") is refused all
 * the same, as no browser sends one: Remix would keep only its last part, so the part headers are
 * read here as they stream by.
 */
export async function readPhotoUpload(request: Request, options: { fieldName: string; maxBytes: number }): Promise<PhotoUpload> {
  let overflowed = false;
  const tooLarge = () => {
    overflowed = true;
    return bodyTooLarge(request, options.maxBytes, "file_too_large");
  };
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body) throw new DomainError("invalid", { field: options.fieldName });
  const bodyLimit = options.maxBytes + ENVELOPE_BYTES;
  const body = countedBody(request, bodyLimit, tooLarge);
  if (!body) throw new DomainError("invalid", { field: options.fieldName });

  let head = "";
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        // The parts' headers come first: the envelope's worth of the body is enough to see them.
        if (head.length < ENVELOPE_BYTES) head += Buffer.from(chunk.subarray(0, ENVELOPE_BYTES - head.length)).toString("latin1");
        controller.enqueue(chunk);
      },
    }),
  );
  const limited = new Request(request.url, { method: request.method, headers: request.headers, body: counted, duplex: "half" } as RequestInit);

  let file: Uint8Array | null = null;
  const fields: Record<string, string> = {};
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const isFile = typeof filename === "string";
    const limit = isFile ? options.maxBytes : TEXT_FIELD_BYTES;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > limit) {
        if (isFile) throw tooLarge();
        throw new DomainError("invalid", { field: name });
      }
      chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    if (isFile && name === options.fieldName && file === null) file = new Uint8Array(bytes);
    else if (!isFile && !(name in fields)) fields[name] = bytes.toString("utf8");
    return undefined;
  };

  try {
    await unstable_parseMultipartFormData(limited, handler);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof MaxPartSizeExceededError) throw tooLarge();
    if (overflowed) throw tooLarge();
    throw new DomainError("invalid", { field: options.fieldName });
  }
  for (const match of head.matchAll(/content-disposition:[^\r\n]*;\s*filename="([^"\r\n]*)"/gi)) {
    if (/[/\\]|^\.\.?$/.test(match[1] ?? "")) throw new DomainError("file_name_refused");
  }
  // An empty file input sends a part with no bytes: that is "no photo chosen".
  if (file === null || (file as Uint8Array).byteLength === 0) throw new DomainError("invalid", { field: options.fieldName });
  return { bytes: file, fields };
}
