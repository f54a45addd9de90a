import type { LoaderFunctionArgs } from "@remix-run/node";
import { distributionOffers } from "~/domain/catalog/catalogue-snapshot.server";
import type { CatalogueOffer } from "~/domain/catalog/catalogue-view";
import { distributionExists } from "~/domain/distributions/get-distribution.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { apiJson, handleApi } from "~/http/api.server";
import { presentOffer } from "~/http/api-schemas";

// The body is the same for every caller while the snapshot lasts: serialise it once per snapshot.
const bodies = new WeakMap<readonly CatalogueOffer[], string>();

export async function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const id = idField.safeParse(params.id);
    if (!id.success) throw new DomainError("not_found");
    const offers = await distributionOffers(id.data);
    // Only an empty answer needs the second statement: an unknown distribution is a 404.
    if (offers.length === 0 && !(await distributionExists(id.data))) throw new DomainError("not_found");
    let body = bodies.get(offers);
    if (body === undefined) {
      body = JSON.stringify({ distributionId: id.data, offers: offers.map(presentOffer) });
      bodies.set(offers, body);
    }
    return apiJson(body);
  });
}
