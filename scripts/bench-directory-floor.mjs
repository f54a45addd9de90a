// The floor of the directory benchmark (scripts/bench-directory.ts): the SAME statements the app
// runs for each measured search (`directorySearchStatement`, written by the bench to $STATEMENTS,
// `now` taken at each request; plus the filter's categories for a page), served by node:http + pg
// with template strings — what the page would cost with no framework. One process per core, as
// the app. GET /floor/<index> answers the index-th statement: a page (count, 20 results, the
// filter form, the map's pins and dots) or the producers' JSON. Model: shared/bench/floor-server.mjs.
// Like the app (decision 034) and the catalogue's floor, each process shares what it read of one
// search for one second.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import pg from "pg";

const statements = JSON.parse(readFileSync(process.env.STATEMENTS, "utf8"));
const communes = JSON.parse(readFileSync(new URL("../app/domain/reference/data/communes.json", import.meta.url), "utf8")).filter((entry) => entry.kind === "commune");

if (cluster.isPrimary) {
  const workers = Array.from({ length: Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()) }, () => cluster.fork());
  process.on("SIGTERM", () => {
    for (const worker of workers) worker.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  pool.on("error", () => {});
  const esc = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]);
  const options = (rows, value, label) => rows.map((row) => `<option value="${esc(row[value])}">${esc(row[label])}</option>`).join("");
  const communeOptions = options(communes, "inseeCode", "name");
  const href = (row) => (row.type === "pickupPoint" ? `/points-de-retrait/${row.id}` : row.slug ? `/producteurs/${row.slug}` : "");

  function page(found, categories) {
    const results = found.results
      .map(
        (row) =>
          `<li class="p-3"><h3 class="text-lg font-bold">${href(row) ? `<a class="inline-flex min-h-11 items-center underline" href="${href(row)}">${esc(row.name)}</a>` : esc(row.name)}</h3><p class="text-sm"><span class="font-semibold">${esc(row.type)}</span> · ${esc(row.commune)}${row.km === null ? "" : ` · à ${Math.round(row.km)} km`}${row.organic ? ' <span class="rounded bg-green-100 px-2">Bio</span>' : ""}${row.labels.length > 0 ? ' <span class="rounded bg-amber-100 px-2">Produit local</span>' : ""}</p>${row.categories.length > 0 ? `<p class="mt-1 text-sm">Vend : ${row.categories.map((category) => esc(category.fr)).join(", ")}</p>` : ""}<p class="mt-1 line-clamp-2 text-sm">${esc(row.summary)}</p></li>`,
      )
      .join("");
    const all = found.markers;
    const lats = all.map((marker) => marker.lat);
    const lons = all.map((marker) => marker.lon);
    const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
    const x = (lon) => 16 + ((lon - minLon) / (maxLon - minLon || 1)) * 68;
    const y = (lat) => 84 - ((lat - minLat) / (maxLat - minLat || 1)) * 62;
    const dots = all.map((marker) => `M${(x(marker.lon) * 4).toFixed(1)} ${(y(marker.lat) * 3).toFixed(1)}h0`).join("");
    const pins = found.results
      .filter((row) => row.lat !== null)
      .map((row) => `<a href="${href(row)}" aria-label="${esc(row.name)}, ${esc(row.commune)}" class="absolute h-11 w-11" style="left:${x(row.lon).toFixed(2)}%;top:${y(row.lat).toFixed(2)}%"><span class="pin"></span></a>`)
      .join("");
    return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width,initial-scale=1"/><title>Annuaire — Terre &amp; Mer</title><link rel="stylesheet" href="/assets/tailwind.css"/></head><body><header class="bg-sea-900 text-white"><nav><a href="/">Terre &amp; Mer</a> <a href="/annuaire">Annuaire</a> <a href="/connexion">Connexion</a></nav></header><main id="main" class="mx-auto max-w-5xl px-4 py-6"><h1 class="text-2xl font-bold">L'annuaire : qui fait quoi près de chez vous</h1><form method="get" action="/annuaire" role="search"><label for="q">Rechercher</label><input id="q" name="q" type="search"/><select name="type"><option value="">Tous</option></select><select name="categorie"><option value="">Toutes</option>${options(categories, "id", "nameFr")}</select><select name="pres"><option value="">Toutes les communes</option>${communeOptions}</select><select name="km"><option value="0">Dans la commune</option><option>10</option><option selected>20</option><option>40</option></select><label><input type="checkbox" name="bio" value="1"/> Bio</label><label><input type="checkbox" name="label" value="1"/> Label</label><button>Rechercher</button></form><p role="status">${found.total} acteurs</p><ul class="divide-y">${results}</ul><nav><a href="?page=2">Page suivante</a></nav><section><h2>Sur la carte</h2><div class="relative aspect-[4/3]"><svg aria-hidden="true" viewBox="0 0 400 300"><path d="${dots}" stroke="#0b5671" stroke-width="7" stroke-linecap="round"/></svg>${pins}</div></section></main></body></html>`;
  }

  const shared = new Map();
  function read(index, statement) {
    const at = performance.now();
    const cached = shared.get(index);
    if (cached && cached.expires > at) return cached.rows;
    const values = [new Date(), ...statement.values.slice(1)];
    // The search only: the filter's categories are read per request, as the app does.
    const rows = pool.query(statement.text, values).then((found) => found.rows);
    shared.set(index, { expires: at + 1000, rows });
    rows.catch(() => shared.delete(index));
    return rows;
  }

  http
    .createServer(async (request, response) => {
      if (request.url === "/health") return response.end("ok");
      const match = /^\/floor\/(\d+)$/.exec(request.url ?? "");
      const statement = match ? statements[Number(match[1])] : undefined;
      if (!statement) {
        response.writeHead(404);
        return response.end();
      }
      try {
        if (statement.kind === "api") {
          const rows = await read(match[1], statement);
          const site = "http://127.0.0.1";
          const body = JSON.stringify({
            producers: rows[0].results.map((row) => ({ id: row.id, slug: row.slug, name: row.name, type: row.type, commune: row.commune, position: row.lat === null ? null : { lat: row.lat, lon: row.lon }, distanceKm: row.km, categories: row.categories, organic: row.organic, labels: row.labels, pageUrl: `${site}/producteurs/${row.slug}`, dfcCatalogUrl: `${site}/api/v1/producers/${row.slug}/dfc-catalog` })),
            total: rows[0].total,
          });
          response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
          return response.end(body);
        }
        const [found, categories] = await Promise.all([read(match[1], statement), pool.query(`SELECT id, "nameFr", "nameEn" FROM "Category" ORDER BY position`)]);
        const html = page(found[0], categories.rows);
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) });
        response.end(html);
      } catch (error) {
        response.writeHead(500);
        response.end(String(error));
      }
    })
    .listen(Number(process.env.PORT));
}
