import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { offerChangeSchema } from "~/domain/sales/offer-fields";
import { updateOffer } from "~/domain/sales/update-offer.server";
import { apiJson, handleApi, methodNotAllowed, readJsonBody } from "~/http/api.server";
import { now } from "~/http/clock.server";

import { presentProducerOffer } from "~/http/producer-api-offers";
import { requireApiProducer } from "~/http/producer.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, ["PATCH"]);
}

/**
 * PATCH {stock?, priceCents?}: changes one of the caller's offers. 409 below_ordered with
 * `ordered` when the stock would fall below what customers ordered; another producer's offer
 * is a 404, exactly like a missing one.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "PATCH") return methodNotAllowed(request, ["PATCH"]);
  return handleApi(request, async () => {
    const { producer } = await requireApiProducer(request, { verified: true });
    const id = idField.safeParse(params.id);
    if (!id.success) throw new DomainError("not_found");
    const change = await readJsonBody(request, offerChangeSchema);
    const offer = await updateOffer({ producerId: producer.id, offerId: id.data, ...change, now: now() });
    return apiJson(presentProducerOffer(offer));
  });
}
