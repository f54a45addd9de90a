import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { buildPickupSheet } from "~/domain/preparation/preparation-lists";
import { readPreparation } from "~/domain/preparation/read-preparation.server";
import { apiJson, handleApi } from "~/http/api.server";
import { now } from "~/http/clock.server";
import { presentPickupSheet } from "~/http/openapi/preparation";
import { requireApiProducer } from "~/http/producer.server";

/** GET: the caller's pickup sheet for one distribution (200 with no orders where they sell nothing). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const { producer } = await requireApiProducer(request);
    const id = idField.safeParse(params.id);
    const preparation = id.success ? await readPreparation(id.data, producer.id, now()) : null;
    if (!preparation) throw new DomainError("not_found");
    return apiJson(presentPickupSheet(preparation.distribution, preparation.state, buildPickupSheet(preparation.rows)));
  });
}
