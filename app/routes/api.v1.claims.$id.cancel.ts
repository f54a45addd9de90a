import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { cancelClaim } from "~/domain/donations/cancel-claim.server";
import { unitNames } from "~/domain/donations/donation-quantity";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { apiJson, handleApi, methodNotAllowed } from "~/http/api.server";
import { requireApiCharity } from "~/http/charity.server";
import { now } from "~/http/clock.server";

/** POST: a charity cancels its own reservation before the pickup window ends; the quantity goes back to the lot. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, ["POST"]);
  return handleApi(request, async () => {
    const { charity } = await requireApiCharity(request);
    const claimId = idField.safeParse(params.id);
    if (!claimId.success) throw new DomainError("not_found");
    const cancelled = await cancelClaim({ claimId: claimId.data, charityId: charity.id, now: now() });
    return apiJson({ id: cancelled.id, lotId: cancelled.lotId, quantity: cancelled.quantityMilli / 1000, unit: unitNames[cancelled.unit], status: "cancelled" as const });
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, ["POST"]);
}
