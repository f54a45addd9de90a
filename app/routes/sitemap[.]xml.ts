import { listPublicPages, sitemapXml } from "~/domain/directory/sitemap.server";
import { appUrl } from "~/http/request-context.server";

/** sitemap.xml (decision 030): the public pages, from one statement whatever their number. */
export async function loader() {
  const pages = await listPublicPages();
  return new Response(sitemapXml(pages, appUrl()), {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
