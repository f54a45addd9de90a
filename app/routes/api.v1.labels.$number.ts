import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { verificationUrl } from "~/domain/label/label-badge";
import { parseLabelNumber } from "~/domain/label/public-label";
import { readPublicLabel } from "~/domain/label/read-public-label.server";
import { env } from "~/env.server";
import { apiJson, handleApi } from "~/http/api.server";
import { now } from "~/http/clock.server";
import { presentLabel } from "~/http/openapi/labels";

/** GET: the public verification of one label as JSON; 404 `not_found` for a number no granted label bears. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const number = parseLabelNumber(params.number ?? "");
    const at = now();
    const label = number ? await readPublicLabel(number, at) : null;
    if (!label) throw new DomainError("not_found");
    return apiJson(presentLabel(label, verificationUrl(env().APP_URL, label.number), at));
  });
}
