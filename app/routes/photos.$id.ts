import type { LoaderFunctionArgs } from "@remix-run/node";
import { getStoredPhoto } from "~/domain/catalog/get-stored-photo.server";
import { idField } from "~/domain/fields";

/**
 * Photos uploaded by producers, public like the catalogue that shows them. The type comes from
 * the stored record (always an image we produced ourselves), the browser is told not to guess
 * another, and a photo never changes under its id, so it may be cached for good.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = idField.safeParse(params.id);
  const photo = id.success ? await getStoredPhoto(id.data) : null;
  if (!photo) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  }
  return new Response(Buffer.from(photo.bytes), {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
