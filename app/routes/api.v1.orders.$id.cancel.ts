import type { ActionFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { apiJson, handleApi, methodNotAllowed, requireApiUser } from "~/http/api.server";
import { presentOrder } from "~/http/api-schemas";
import { now } from "~/http/clock.server";

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, ["POST"]);
  return handleApi(request, async () => {
    const user = await requireApiUser(request);
    const id = idField.safeParse(params.id);
    if (!id.success) throw new DomainError("not_found");
    return apiJson(presentOrder(await cancelOrder({ orderId: id.data, customer: user, now: now() })));
  });
}
