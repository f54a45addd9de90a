import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { listCharityClaims, listDonorClaims } from "~/domain/donations/list-claims.server";
import { DomainError } from "~/domain/errors";
import { apiJson, handleApi, methodNotAllowed, requireApiUser } from "~/http/api.server";
import { requireApiCharity } from "~/http/charity.server";
import { requireApiProducer } from "~/http/producer.server";

const asSchema = z.enum(["charity", "donor"], { error: "donations.pickup.field.as" }).optional();

/**
 * GET: a verified charity's own claims, with their pickup codes; a donor's claims on its lots,
 * without codes. Someone who is both chooses with `?as=donor`.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const user = await requireApiUser(request);
    const as = asSchema.parse(new URL(request.url).searchParams.get("as") ?? undefined);
    const isCharity = user.memberships.some((membership) => membership.role === "CHARITY");
    const isProducer = user.memberships.some((membership) => membership.role === "PRODUCER");
    if (isCharity && as !== "donor") {
      const { charity } = await requireApiCharity(request, { verified: true });
      return apiJson({ claims: await listCharityClaims(charity.id) });
    }
    if (isProducer && as !== "charity") {
      const { producer } = await requireApiProducer(request);
      return apiJson({ claims: await listDonorClaims(producer.id) });
    }
    throw new DomainError("forbidden");
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
