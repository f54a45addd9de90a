import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { listMyOrders } from "~/domain/ordering/list-my-orders.server";
import { placeOrder, placeOrderSchema } from "~/domain/ordering/place-order.server";
import { apiJson, handleApi, methodNotAllowed, readJsonBody, requireApiUser } from "~/http/api.server";
import { presentOrder } from "~/http/api-schemas";
import { now } from "~/http/clock.server";
import { appUrl } from "~/http/request-context.server";

const idempotencyKeySchema = z.string().min(1).max(100).optional();

/** GET: the caller's orders. */
export async function loader({ request }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const user = await requireApiUser(request);
    return apiJson({ orders: (await listMyOrders(user.id)).map(presentOrder) });
  });
}

/** POST: places an order. An `Idempotency-Key` header makes a retried request answer with the same order. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, ["POST"]);
  return handleApi(request, async () => {
    const user = await requireApiUser(request);
    const body = await readJsonBody(request, placeOrderSchema);
    const idempotencyKey = idempotencyKeySchema.parse(request.headers.get("idempotency-key") ?? undefined);
    const order = await placeOrder({ ...body, customer: user, idempotencyKey, now: now(), appUrl: appUrl() });
    return apiJson(presentOrder(order), 201);
  });
}
