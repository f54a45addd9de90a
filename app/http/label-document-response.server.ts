import { isDomainError } from "~/domain/errors";
import { readLabelDocument } from "~/domain/label/label-documents.server";

/**
 * A label's document as a download, for whoever `readLabelDocument` lets read it (the producer of
 * the label, a reviewer): its stored type, an attachment never rendered inline, never cached;
 * anyone else, or an unknown id, gets 404.
 */
export async function labelDocumentResponse(documentId: string, actor: Parameters<typeof readLabelDocument>[0]["actor"]): Promise<Response> {
  try {
    const document = await readLabelDocument({ documentId, actor });
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
