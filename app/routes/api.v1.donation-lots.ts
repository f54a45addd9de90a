import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listClaimableLots } from "~/domain/donations/list-claimable-lots.server";
import { publishLotSchema } from "~/domain/donations/lot-input";
import { publishLot } from "~/domain/donations/publish-lot.server";
import { apiJson, handleApi, methodNotAllowed, readJsonBody } from "~/http/api.server";
import { requireApiCharity } from "~/http/charity.server";
import { now } from "~/http/clock.server";
import { presentClaimableLot, presentDonationLot } from "~/http/openapi/donations";
import { requireApiProducer } from "~/http/producer.server";
import { appUrl } from "~/http/request-context.server";

/** GET: the lots the calling verified charity may claim, with what remains. */
export async function loader({ request }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const { charity } = await requireApiCharity(request, { verified: true });
    const lots = await listClaimableLots({ charityId: charity.id, now: now() });
    return apiJson({ lots: lots.map(presentClaimableLot) });
  });
}

/** POST: a verified producer publishes a lot; matching charities are emailed. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, ["POST"]);
  return handleApi(request, async () => {
    const { user, producer } = await requireApiProducer(request, { verified: true });
    const input = await readJsonBody(request, publishLotSchema);
    const lot = await publishLot({ input, donor: producer, createdById: user.id, now: now(), appUrl: appUrl() });
    return apiJson(presentDonationLot(lot), 201);
  });
}
