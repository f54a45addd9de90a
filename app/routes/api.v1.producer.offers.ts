import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { producerOffersQuerySchema } from "~/domain/sales/offer-fields";
import { listProducerOffers } from "~/domain/sales/list-producer-offers.server";
import { apiJson, handleApi, methodNotAllowed } from "~/http/api.server";
import { now } from "~/http/clock.server";

import { presentProducerOffer } from "~/http/producer-api-offers";
import { requireApiProducer } from "~/http/producer.server";

/** GET ?distributionId=: the caller's offers at that distribution, with stock, ordered and remaining. */
export async function loader({ request }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const { producer } = await requireApiProducer(request);
    const query = producerOffersQuerySchema.parse({ distributionId: new URL(request.url).searchParams.get("distributionId") ?? undefined });
    const sheet = await listProducerOffers({ producerId: producer.id, distributionId: query.distributionId, now: now() });
    if (!sheet) throw new DomainError("not_found");
    return apiJson({ distributionId: sheet.distribution.id, offers: sheet.offers.map(presentProducerOffer) });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
