import { robotsTxt } from "~/domain/directory/sitemap.server";
import { appUrl } from "~/http/request-context.server";

/** robots.txt (decision 030): public pages open, personal spaces, admin and API closed, the sitemap named. */
export function loader() {
  return new Response(robotsTxt(appUrl()), { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=86400" } });
}
