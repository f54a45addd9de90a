import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { confirmPickup, confirmPickupSchema } from "~/domain/donations/confirm-pickup.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { apiJson, handleApi, methodNotAllowed, readJsonBody } from "~/http/api.server";
import { now } from "~/http/clock.server";
import { requireApiProducer } from "~/http/producer.server";

/** POST: the donor confirms a hand-over with the charity's pickup code (and the temperature). */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, ["POST"]);
  return handleApi(request, async () => {
    const { user, producer } = await requireApiProducer(request);
    const claimId = idField.safeParse(params.id);
    if (!claimId.success) throw new DomainError("not_found");
    const body = await readJsonBody(request, confirmPickupSchema);
    const claim = await confirmPickup({ ...body, claimId: claimId.data, donorId: producer.id, userId: user.id, now: now() });
    return apiJson(claim);
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, ["POST"]);
}
