import type { LoaderFunctionArgs } from "@remix-run/node";
import { DFC_CONTENT_TYPE, dfcCatalogDocument } from "~/domain/directory/dfc-catalog";
import { readProducerCatalogue } from "~/domain/directory/dfc-catalog-read.server";
import { DomainError } from "~/domain/errors";
import { handleApi } from "~/http/api.server";
import { now } from "~/http/clock.server";
import { appUrl } from "~/http/request-context.server";

/**
 * GET: a verified producer's catalogue in the Data Food Consortium format, JSON-LD (decision 033),
 * with the prices and stock of their next distribution open for orders; 404 `not_found` (JSON) for
 * a producer that is unknown, not verified or refused. Public and readable from any origin, like
 * the directory's open data; cached a minute, since stock moves.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const catalogue = await readProducerCatalogue(params.slug ?? "", now());
    if (!catalogue) throw new DomainError("not_found");
    return new Response(JSON.stringify(dfcCatalogDocument(catalogue, appUrl())), {
      headers: { "Content-Type": DFC_CONTENT_TYPE, "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" },
    });
  });
}
