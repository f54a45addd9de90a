import type { LoaderFunctionArgs } from "@remix-run/node";
import { getStoredPhoto } from "~/domain/catalog/get-stored-photo.server";
import { z } from "zod";
import { idField } from "~/domain/fields";

// ?w=320: a width in pixels, digits only (no "1e3", no sign), within reason.
const widthParam = z.string().regex(/^[1-9][0-9]{0,3}$/).transform(Number).nullable();

/**
 * Photos uploaded by producers, public like the catalogue that shows them: /photos/<id> the
 * largest stored width, /photos/<id>?w=320 the narrowest stored width at least 320 px wide. The
 * type comes from the stored record (always an image we produced ourselves), the browser is told
 * not to guess another, and a photo never changes under its id, so it may be cached for good.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = idField.safeParse(params.id);
  const width = widthParam.safeParse(new URL(request.url).searchParams.get("w"));
  const photo = id.success && width.success ? await getStoredPhoto(id.data, width.data) : null;
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
