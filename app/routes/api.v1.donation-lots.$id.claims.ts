import type { ActionFunctionArgs } from "@remix-run/node";
import { claimLot } from "~/domain/donations/claim-lot.server";
import { claimLotSchema } from "~/domain/donations/lot-input";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { apiJson, handleApi, methodNotAllowed, readJsonBody } from "~/http/api.server";
import { requireApiCharity } from "~/http/charity.server";
import { now } from "~/http/clock.server";
import { presentDonationClaim } from "~/http/openapi/donations";

/** POST: a verified charity claims all or part of a lot; 409 exceeds_remaining says what is left. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, ["POST"]);
  return handleApi(request, async () => {
    const { user, charity } = await requireApiCharity(request, { verified: true });
    const id = idField.safeParse(params.id);
    if (!id.success) throw new DomainError("not_found");
    const input = await readJsonBody(request, claimLotSchema);
    const claim = await claimLot({ input, lotId: id.data, charity, claimedById: user.id, now: now() });
    return apiJson(presentDonationClaim(claim), 201);
  });
}
