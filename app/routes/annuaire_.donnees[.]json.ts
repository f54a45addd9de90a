import { OPEN_DATA_LINK_HEADER, openDataJson } from "~/domain/ess/open-data";
import { listOpenDataActors } from "~/domain/ess/open-data.server";
import { now } from "~/http/clock.server";
import { appUrl } from "~/http/request-context.server";

/** The directory's actors as open data, JSON, with its licence (Licence Ouverte 2.0) inside the document (decision 031). */
export async function loader() {
  const at = now();
  const actors = await listOpenDataActors(at);
  return new Response(JSON.stringify(openDataJson(actors, { baseUrl: appUrl(), generatedAt: at }), null, 1), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      Link: OPEN_DATA_LINK_HEADER,
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
