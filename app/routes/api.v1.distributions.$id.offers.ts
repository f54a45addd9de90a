import type { LoaderFunctionArgs } from "@remix-run/node";
import { listOffers } from "~/domain/catalog/list-offers.server";
import { distributionExists } from "~/domain/distributions/get-distribution.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { apiJson, handleApi } from "~/http/api.server";
import { presentOffer } from "~/http/api-schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const id = idField.safeParse(params.id);
    if (!id.success) throw new DomainError("not_found");
    const offers = await listOffers(id.data);
    // Only an empty answer needs the second statement: an unknown distribution is a 404.
    if (offers.length === 0 && !(await distributionExists(id.data))) throw new DomainError("not_found");
    return apiJson({ distributionId: id.data, offers: offers.map(presentOffer) });
  });
}
