import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogueSnapshot, type CatalogueSnapshot } from "~/domain/catalog/catalogue-snapshot.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { apiJson, handleApi } from "~/http/api.server";
import { presentOffer } from "~/http/api-schemas";

// The body is the same for every caller while the snapshot lasts: serialise it once per snapshot.
const bodies = new WeakMap<CatalogueSnapshot, string>();

export async function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const id = idField.safeParse(params.id);
    if (!id.success) throw new DomainError("not_found");
    const snapshot = await catalogueSnapshot(id.data);
    if (!snapshot) throw new DomainError("not_found");
    let body = bodies.get(snapshot);
    if (body === undefined) {
      body = JSON.stringify({ distributionId: id.data, offers: snapshot.offers.map(presentOffer) });
      bodies.set(snapshot, body);
    }
    return apiJson(body);
  });
}
