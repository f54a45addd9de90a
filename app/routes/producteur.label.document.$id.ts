import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "~/domain/errors";
import { readLabelDocument } from "~/domain/label/label-documents.server";
import { requireProducer } from "~/http/producer.server";

/** A document of one of the producer's own labels (another's: 404), served with its stored type, as an attachment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireProducer(request);
  try {
    const document = await readLabelDocument({ documentId: params.id ?? "", actor: user });
    return new Response(Buffer.from(document.bytes), {
      headers: {
        "Content-Type": document.contentType,
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(document.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") throw new Response("Not Found", { status: 404 });
    throw error;
  }
}
