import type { LoaderFunctionArgs } from "@remix-run/node";
import { listUpcomingDistributions } from "~/domain/distributions/list-upcoming.server";
import { orderingState } from "~/domain/distributions/ordering-window";
import { apiJson, handleApi } from "~/http/api.server";
import { presentDistribution } from "~/http/api-schemas";
import { now } from "~/http/clock.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const at = now();
    const distributions = await listUpcomingDistributions({ now: at });
    return apiJson({ distributions: distributions.map((distribution) => presentDistribution(distribution, orderingState(distribution, at))) });
  });
}
