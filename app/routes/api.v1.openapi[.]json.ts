import { apiJson } from "~/http/api.server";
import { openApiDocument } from "~/http/openapi";
import { appUrl } from "~/http/request-context.server";

export function loader() {
  return apiJson(openApiDocument(appUrl()));
}
