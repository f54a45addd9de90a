import { readRows } from "~/db.server";

export type SitemapEntry = { path: string };

/** The pages anyone may read without an account, that a search engine should know (decision 030): the home, the directory, the label and the agenda. */
const STATIC_PAGES = ["/", "/annuaire", "/label", "/agenda"];

/**
 * The public pages for sitemap.xml, in one statement whatever their number: the verified producers'
 * and AMAPs' profiles, the pickup points the directory shows, the verified charities that chose to
 * appear and the ESS actors the territory published (the same rules as the search and the pages;
 * addresses as public-pages.ts writes them).
 */
export async function listPublicPages(): Promise<SitemapEntry[]> {
  const rows = await readRows<{ path: string }>(
    `
    SELECT '/producteurs/' || o.slug AS path, 0 AS rank, o.slug AS sort FROM "Organisation" o
    WHERE o.kind IN ('PRODUCER', 'AMAP') AND o."verifiedAt" IS NOT NULL AND o."refusedAt" IS NULL
    UNION ALL
    SELECT '/points-de-retrait/' || pp.id, 1, pp.id FROM "PickupPoint" pp
    LEFT JOIN "Organisation" owner ON owner.id = pp."organisationId"
    WHERE pp."organisationId" IS NULL OR (owner."verifiedAt" IS NOT NULL AND owner."refusedAt" IS NULL)
    UNION ALL
    SELECT '/associations/' || o.slug, 2, o.slug FROM "Organisation" o
    JOIN "CharitySettings" cs ON cs."organisationId" = o.id
    WHERE o.kind = 'CHARITY' AND o."verifiedAt" IS NOT NULL AND o."refusedAt" IS NULL AND cs."inDirectory"
    UNION ALL
    SELECT '/acteurs/' || a.slug, 3, a.slug FROM "EssActor" a WHERE a.published
    ORDER BY rank, sort`,
    [],
  );
  return [...STATIC_PAGES.map((path) => ({ path })), ...rows.map((row) => ({ path: row.path }))];
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}

/** The sitemap protocol's document (sitemaps.org 0.9), each page under the site's public address. */
export function sitemapXml(entries: readonly SitemapEntry[], appUrl: string): string {
  const base = appUrl.replace(/\/+$/, "");
  const urls = entries.map((entry) => `  <url><loc>${escapeXml(base + encodeURI(entry.path))}</loc></url>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/**
 * robots.txt: public pages open to crawlers; the personal spaces, the admin, the API, carts,
 * orders, account pages and documents closed; the sitemap's address.
 */
export function robotsTxt(appUrl: string): string {
  const closed = [
    "/producteur/", "/association/", "/admin/", "/gestion/", "/api/", "/panier/", "/commandes", "/dons/", "/factures/",
    "/connexion", "/inscription", "/deconnexion", "/mot-de-passe-oublie", "/reinitialiser/", "/verifier-email", "/invitation/",
    "/langue", "/webhooks/",
  ];
  return ["User-agent: *", "Allow: /", ...closed.map((path) => `Disallow: ${path}`), "", `Sitemap: ${appUrl.replace(/\/+$/, "")}/sitemap.xml`, ""].join("\n");
}
