import type { LoaderFunctionArgs } from "@remix-run/node";
import { labelDocumentResponse } from "~/http/label-document-response.server";
import { requireProducer } from "~/http/producer.server";

/** A document of one of the producer's own labels (another's: 404), served with its stored type, as an attachment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireProducer(request);
  return labelDocumentResponse(params.id ?? "", user);
}
