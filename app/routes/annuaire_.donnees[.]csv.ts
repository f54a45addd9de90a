import { OPEN_DATA_LINK_HEADER, openDataCsv } from "~/domain/ess/open-data";
import { listOpenDataActors } from "~/domain/ess/open-data.server";
import { now } from "~/http/clock.server";
import { appUrl } from "~/http/request-context.server";

/**
 * The directory's actors as open data, CSV (decision 031): UTF-8, comma, dot decimal, one header
 * line and no comment line; the Licence Ouverte 2.0 travels in the `Link` header (rel="license"),
 * in the JSON and on the directory page.
 */
export async function loader() {
  const actors = await listOpenDataActors(now());
  return new Response(openDataCsv(actors, appUrl()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="annuaire-dieppe-maritime.csv"',
      Link: OPEN_DATA_LINK_HEADER,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
