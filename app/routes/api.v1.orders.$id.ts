import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { db } from "~/db.server";
import { findOwnOrder } from "~/domain/ordering/order-view.server";
import { apiJson, handleApi, requireApiUser } from "~/http/api.server";
import { presentOrder } from "~/http/api-schemas";

/** Another person's order is a 404, exactly like an order that does not exist. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const user = await requireApiUser(request);
    const id = idField.safeParse(params.id);
    const order = id.success ? await findOwnOrder(db(), id.data, user.id) : null;
    if (!order) throw new DomainError("not_found");
    return apiJson(presentOrder(order));
  });
}
