import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/http/auth.server";
import { labelDocumentResponse } from "~/http/label-document-response.server";

/** A label document for reviewers, served with its stored type, as an attachment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "decide:label:any");
  return labelDocumentResponse(params.id ?? "", user);
}
