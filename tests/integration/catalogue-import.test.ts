import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { toCsv } from "~/domain/catalog/import/csv";
import { runCatalogueImport, startCatalogueImport } from "~/domain/catalog/import/run-catalogue-import.server";
import { action as runAction, loader as importLoader } from "~/routes/producteur.import.$id";
import { action as uploadAction, loader as importsLoader } from "~/routes/producteur.import._index";
import { loader as exportLoader } from "~/routes/producteur.export[.]csv";
import { CATALOGUE_HEADER, goodCatalogueRow, showCatalogueFile } from "../catalogue-show-file";
import { createMemberUser, createProducerUser, createUser, ensureCategory, signedInCookie } from "../factories";
import { thrownResponse } from "../route-requests";

/**
 * The catalogue import and export, through the pages' loaders and actions with real requests
 * against the real PostgreSQL: the show item of issue 3 (2,000 rows, 40 bad ones), re-imports,
 * export → import, bad files, and who may see or run an import.
 */

type ImportView = Awaited<ReturnType<typeof importLoader>>;
type Failure = { init: { status: number } | null; data: { ok: false; message: string; fieldErrors: { file: string } } };

async function seaCategories() {
  await ensureCategory("legumes");
  for (const category of [
    { id: "poissons", nameFr: "Poissons", nameEn: "Fish", position: 6 },
    { id: "coquillages", nameFr: "Coquillages & céphalopodes", nameEn: "Shellfish & cephalopods", position: 7 },
  ]) {
    await db().category.upsert({ where: { id: category.id }, create: category, update: {} });
  }
}

/** A producer with an organic certification, signed in. */
async function producer() {
  await seaCategories();
  const account = await createProducerUser();
  await db().organisation.update({ where: { id: account.producerId }, data: { organicControlBody: "FR-BIO-01" } });
  return account;
}

function uploadRequest(cookie: string, content: string | Uint8Array, fileName = "catalogue.csv") {
  const form = new FormData();
  const part = typeof content === "string" ? content : Uint8Array.from(content);
  form.append("file", new File([part], fileName, { type: "text/csv" }));
  return new Request("http://localhost/producteur/import", { method: "POST", body: form, headers: { cookie } });
}

/** Uploads a file through the page's action; the redirect names the new import. */
async function upload(cookie: string, content: string | Uint8Array, fileName?: string): Promise<string> {
  const response = await uploadAction({ request: uploadRequest(cookie, content, fileName), params: {}, context: {} });
  if (!(response instanceof Response)) throw new Error(`upload refused: ${JSON.stringify(response)}`);
  expect(response.status).toBe(302);
  const id = /\/producteur\/import\/([\w-]+)$/.exec(response.headers.get("location") ?? "")?.[1];
  if (!id) throw new Error("no import id");
  return id;
}

async function view(cookie: string, id: string): Promise<ImportView> {
  return importLoader({ request: new Request(`http://localhost/producteur/import/${id}`, { headers: { cookie } }), params: { id }, context: {} });
}

function runRequest(cookie: string, id: string) {
  return new Request(`http://localhost/producteur/import/${id}`, { method: "POST", body: new URLSearchParams({ intent: "run" }), headers: { cookie } });
}

async function run(cookie: string, id: string): Promise<Response> {
  const response = await runAction({ request: runRequest(cookie, id), params: { id }, context: {} });
  if (!(response instanceof Response)) throw new Error("expected a redirect");
  return response;
}

async function finished(id: string, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const job = await db().catalogueImport.findUniqueOrThrow({ where: { id }, select: { status: true } });
    if (job.status === "DONE" || job.status === "FAILED") return job.status;
    if (Date.now() - started > timeoutMs) throw new Error(`import still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function importFile(cookie: string, content: string | Uint8Array) {
  const id = await upload(cookie, content);
  const preview = await view(cookie, id);
  const response = await run(cookie, id);
  expect(response.headers.get("location")).toBe(`/producteur/import/${id}`);
  expect(await finished(id)).toBe("DONE");
  return { id, preview, result: await view(cookie, id) };
}

async function catalogue(producerId: string) {
  return db().product.findMany({ where: { producerId }, orderBy: { reference: "asc" } });
}

test(
  "show: 2,000 rows with 40 bad ones → 1,960 products and 40 errors by line and column; the same file again changes nothing; one new price → 1 updated",
  async () => {
    const { cookie, producerId } = await producer();
    const { csv, bad } = showCatalogueFile();

    const id = await upload(cookie, csv, "C:\\Users\\pecheur\\Documents\\catalogue 2026.csv");
    const preview = await view(cookie, id);
    expect(preview.fileName).toBe("catalogue 2026.csv");
    expect(preview.status).toBe("PREVIEWED");
    expect(preview.counts).toEqual({ created: 1960, updated: 0, unchanged: 0, errors: 40 });
    expect(preview.preview?.rows).toHaveLength(200);
    expect(preview.preview?.hiddenRows).toBe(1760);
    expect(await db().product.count({ where: { producerId } })).toBe(0);

    // Every bad row, and only those, named by its spreadsheet line and its column, in French.
    expect(preview.errors).toHaveLength(40);
    for (const [line, column] of bad) {
      const error = preview.errors.find((text) => text.startsWith(`ligne ${line}, champ ${column} : `));
      expect(error, `line ${line} (${column})`).toBeDefined();
      expect(error?.length).toBeGreaterThan(`ligne ${line}, champ ${column} : `.length + 5);
    }

    const response = await run(cookie, id);
    expect(response.status).toBe(302);
    // How long 2,000 rows take is measured by the benchmark, not asserted here.
    expect(await finished(id)).toBe("DONE");

    const done = await view(cookie, id);
    expect(done.status).toBe("DONE");
    expect(done.processedRows).toBe(2000);
    expect(done.counts).toEqual({ created: 1960, updated: 0, unchanged: 0, errors: 40 });
    expect(done.errors).toEqual(preview.errors);
    const products = await catalogue(producerId);
    expect(products).toHaveLength(1960);
    expect(products.some((product) => [...bad.keys()].includes(Number(product.reference?.slice(4)) + 2))).toBe(false);
    const mackerel = products.find((product) => product.reference === "REF-00003");
    expect(mackerel).toMatchObject({
      name: "Maquereau de ligne n° 3", categoryId: "poissons", unit: "KG", priceCents: 153, vatRateBp: 550, allergens: ["fish"],
      productionMethod: "CAUGHT_AT_SEA", faoArea: "27.7.d", gearCategory: "hooks-lines", thawed: false, organic: false, description: "Pêché à la ligne; débarqué à Dieppe.",
    });
    expect(products.find((product) => product.reference === "REF-00022")).toMatchObject({ unit: "G100", categoryId: "legumes", description: 'Variété "ancienne"\nRécoltée le matin' });

    // The same file again: nothing created, nothing written.
    const again = await importFile(cookie, csv);
    expect(again.preview.counts).toEqual({ created: 0, updated: 0, unchanged: 1960, errors: 40 });
    expect(again.preview.preview?.rows).toEqual([]);
    expect(again.result.counts).toEqual({ created: 0, updated: 0, unchanged: 1960, errors: 40 });
    expect(await catalogue(producerId)).toEqual(products);

    // One price changed: one product updated, the others untouched.
    const changed = showCatalogueFile({ priceOf: (index) => (index === 10 ? "9,99" : undefined) });
    const third = await importFile(cookie, changed.csv);
    expect(third.preview.counts).toEqual({ created: 0, updated: 1, unchanged: 1959, errors: 40 });
    expect(third.preview.preview?.rows).toEqual([{ line: 12, reference: "REF-00010", name: "Légume « 10 »", outcome: "updated", twin: false }]);
    expect(third.result.counts).toEqual({ created: 0, updated: 1, unchanged: 1959, errors: 40 });
    const after = await catalogue(producerId);
    expect(after).toHaveLength(1960);
    const before = new Map(products.map((product) => [product.id, product]));
    const different = after.filter((product) => JSON.stringify(product) !== JSON.stringify(before.get(product.id)));
    expect(different.map((product) => [product.reference, product.priceCents])).toEqual([["REF-00010", 999]]);
    expect(different[0]?.updatedAt.getTime()).toBeGreaterThan(before.get(different[0]?.id ?? "")?.updatedAt.getTime() ?? Infinity);

    const history = await importsLoader({ request: new Request("http://localhost/producteur/import", { headers: { cookie } }), params: {}, context: {} });
    expect(history.imports.map((item) => [item.status, item.createdCount, item.updatedCount, item.unchangedCount])).toEqual([
      ["DONE", 0, 1, 1959],
      ["DONE", 0, 0, 1960],
      ["DONE", 1960, 0, 0],
    ]);
  },
  180_000,
);

test("export then import changes nothing: sea products, baskets, organic, allergens, quotes and line breaks", async () => {
  const { cookie, producerId } = await producer();
  const header = ["type", "reference", "nom", "nom_anglais", "categorie", "unite", "poids_net_g", "prix_ttc", "tva", "poids_variable", "poids_estime_g", "bio", "allergenes", "ingredients", "denomination_commerciale", "nom_scientifique", "methode_production", "zone_fao", "engin", "decongele", "description"];
  const rows = [
    ["produit", "SJ-1", "Noix de Saint-Jacques", "King scallops", "coquillages", "kg", "", "24,00", "5,5", "oui", "", "non", "mollusques", "", "Coquille Saint-Jacques", "Pecten maximus", "pêché en mer", "27.7.d", "dredges", "non", "Débarquées ce matin; 40 kg."],
    ["panier", "PAN-F", "Panier famille", "", "legumes", "pièce", "4000", "20", "0", "non", "", "oui", "", "Carottes, poireaux, « pommes de terre »", "", "", "", "", "", "", 'Le "grand" panier\r\nde la semaine'],
    ["produit", "HUI-12", "Huîtres creuses n°3", "", "coquillages", "douzaine", "", "9,50", "10", "non", "", "oui", "Mollusques", "", "Huître creuse", "Magallana gigas", "élevé", "27.7.d", "Dragues", "oui", ""],
    ["produit", "CID-1", "Cidre brut", "Dry cider", "legumes", "litre", "750", "4,5", "20", "non", "", "non", "sulphites", "Pommes", "", "", "", "", "", "", ""],
    ["produit", "POU-1", "Poulet fermier", "", "legumes", "pièce", "", "18", "5,5", "oui", "1800", "non", "", "", "", "", "", "", "", "", ""],
  ];
  const first = await importFile(cookie, toCsv([header, ...rows], ","));
  expect(first.result.errors).toEqual([]);
  expect(first.result.counts).toMatchObject({ created: 5 });
  const stored = await catalogue(producerId);

  const response = await exportLoader({ request: new Request("http://localhost/producteur/export.csv", { headers: { cookie } }), params: {}, context: {} });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="catalogue-.+\.csv"$/);
  const exported = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(exported);
  expect(text.split("\r\n")[0]).toBe("\uFEFFreference;type;nom;nom_anglais;description;categorie;unite;poids_net_g;prix_ttc;tva;poids_variable;poids_estime_g;bio;allergenes;ingredients;denomination_commerciale;nom_scientifique;methode_production;zone_fao;engin;decongele");
  expect(text).toContain("HUI-12;produit;Huîtres creuses n°3;;;coquillages;douzaine;;9,50;10;non;;oui;Mollusques;;Huître creuse;Magallana gigas;élevé;27.7.d;Dragues;oui");

  const second = await importFile(cookie, exported);
  expect(second.preview.counts).toEqual({ created: 0, updated: 0, unchanged: 5, errors: 0 });
  expect(second.result.counts).toEqual({ created: 0, updated: 0, unchanged: 5, errors: 0 });
  expect(await catalogue(producerId)).toEqual(stored);
});

const header = "reference;nom;categorie;unite;prix_ttc;tva\n";

test.each([
  { name: "an empty file", content: "", message: "Fichier : il est vide.", status: 400 },
  { name: "blank lines only", content: "\r\n\r\n  \r\n", message: "Fichier : il est vide.", status: 400 },
  { name: "a header without rows", content: `${header}\n;;;;;\n`, message: "Fichier : il ne contient que la ligne d'en-tête, aucun produit.", status: 400 },
  { name: "another separator", content: "reference|nom|prix\nA|Ail|3\n", message: "Fichier : sa première ligne ne contient pas de noms de colonnes séparés par « ; » ou « , ». Est-ce bien un fichier CSV ?", status: 400 },
  { name: "a letter, not a table", content: "Bonjour,\nvoici mes produits : ail, oignons.\n", message: "Fichier : colonnes inconnues « Bonjour ». Colonnes possibles :", status: 400 },
  { name: "required columns missing", content: "reference;nom\nA;Ail\n", message: "Fichier : colonnes obligatoires absentes : categorie, unite, prix_ttc, tva.", status: 400 },
  { name: "an unclosed quote", content: `${header}A;"Ail;legumes;kg;3;5,5\n`, message: "Fichier : un guillemet ouvert à la ligne 2 n'est jamais refermé.", status: 400 },
  { name: "an .xlsx workbook", content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]), message: "Fichier : ce n'est pas un fichier texte CSV", status: 400 },
  { name: "a Windows-1252 file", content: new Uint8Array([...new TextEncoder().encode(header), 0x41, 0x3b, 0x43, 0x72, 0xe8, 0x6d, 0x65, 0x3b, 0x6c, 0x3b, 0x6b, 0x67, 0x3b, 0x33, 0x3b, 0x35]), message: "Fichier : il n'est pas encodé en UTF-8", status: 400 },
  { name: "a file over 2 MB", content: `${header}${"A;Ail;legumes;kg;3;5,5\n".repeat(100_000)}`, message: "Fichier : trop lourd, 2 Mo au plus. Découpez-le en plusieurs fichiers.", status: 413 },
  { name: "5,001 rows", content: `${header}${Array.from({ length: 5001 }, (_, index) => `R${index};Ail;legumes;kg;3;5,5`).join("\n")}`, message: "Fichier : 5000 lignes de produits au plus. Découpez-le en plusieurs fichiers.", status: 400 },
])("a bad file ($name) is refused with a clear message; nothing is stored or imported", async ({ content, message, status }) => {
  const { cookie, producerId } = await producer();
  const result = (await uploadAction({ request: uploadRequest(cookie, content), params: {}, context: {} })) as unknown as Failure;
  expect(result.init?.status).toBe(status);
  expect(result.data.message.startsWith(message)).toBe(true);
  expect(result.data.fieldErrors.file).toBe(result.data.message);
  expect(await db().catalogueImport.count({ where: { producerId } })).toBe(0);
  expect(await db().product.count({ where: { producerId } })).toBe(0);
});

test("no file chosen, or a form without a file, is refused; the message follows the visitor's language", async () => {
  const { cookie, producerId } = await producer();
  const empty = new FormData();
  empty.append("file", new File([], ""));
  const none = (await uploadAction({ request: new Request("http://localhost/producteur/import", { method: "POST", body: empty, headers: { cookie } }), params: {}, context: {} })) as unknown as Failure;
  expect(none.init?.status).toBe(400);
  expect(none.data.message).toBe("Fichier : choisissez le fichier CSV à importer.");
  const urlEncoded = (await uploadAction({ request: new Request("http://localhost/producteur/import", { method: "POST", body: new URLSearchParams({ file: "reference;nom" }), headers: { cookie: `${cookie}; tm_lang=en` } }), params: {}, context: {} })) as unknown as Failure;
  expect(urlEncoded.init?.status).toBe(400);
  expect(urlEncoded.data.message).toBe("File: choose the CSV file to import.");
  const english = (await uploadAction({ request: uploadRequest(`${cookie}; tm_lang=en`, ""), params: {}, context: {} })) as unknown as Failure;
  expect(english.data.message).toBe("File: it is empty.");
  expect(await db().catalogueImport.count({ where: { producerId } })).toBe(0);
});

test("rows without reference are refused so that re-importing never duplicates; a second click imports once", async () => {
  const { cookie, producerId } = await producer();
  const csv = `${header}A-1;Ail;legumes;kg;3;5,5\n;Blettes;legumes;botte;2;5,5\nA-1;Ail bis;legumes;kg;3;5,5\nC-1;Chou;legumes;pièce;2,20;5,5\nD-1;;legumes;sac;2;5,5\n`;
  const id = await upload(cookie, csv);
  const preview = await view(cookie, id);
  // Three rows refused, one of them for two reasons.
  expect(preview.counts).toEqual({ created: 2, updated: 0, unchanged: 0, errors: 3 });
  expect(preview.errors.slice(0, 2)).toEqual([
    "ligne 3, champ reference : Référence : obligatoire pour l'import, pour qu'un nouvel import mette ce produit à jour au lieu de le dupliquer.",
    "ligne 4, champ reference : Référence : déjà utilisée à la ligne 2 de ce fichier.",
  ]);
  expect(preview.errors.slice(2).map((error) => error.slice(0, error.indexOf(" : ")))).toEqual(["ligne 6, champ nom", "ligne 6, champ unite"]);

  // Two clicks at once (two tabs, an impatient thumb): one import.
  const responses = await Promise.all([run(cookie, id), run(cookie, id), run(cookie, id)]);
  expect(responses.map((response) => response.status)).toEqual([302, 302, 302]);
  expect(await finished(id)).toBe("DONE");
  const done = await db().catalogueImport.findUniqueOrThrow({ where: { id }, select: { createdCount: true, processedRows: true, totalRows: true } });
  expect(done).toEqual({ createdCount: 2, processedRows: 5, totalRows: 5 });
  expect((await catalogue(producerId)).map((product) => product.reference)).toEqual(["A-1", "C-1"]);

  // A later click on the finished import changes nothing either.
  await run(cookie, id);
  expect(await db().product.count({ where: { producerId } })).toBe(2);
});

test("the preview warns when a new row is named like a product that has no reference (it would be doubled)", async () => {
  const { cookie, producerId } = await producer();
  await db().product.create({
    data: { id: randomUUID(), producerId, categoryId: "legumes", name: "Pommes de terre Charlotte", unit: "KG", priceCents: 260, vatRateBp: 550 },
  });
  const id = await upload(cookie, `${header}PDT-1;pommes de terre  charlotte;legumes;kg;2,60;5,5\nAIL-1;Ail rose;legumes;kg;9;5,5\n`);
  const preview = await view(cookie, id);
  expect(preview.preview).toEqual({
    rows: [
      { line: 2, reference: "PDT-1", name: "pommes de terre  charlotte", outcome: "new", twin: true },
      { line: 3, reference: "AIL-1", name: "Ail rose", outcome: "new", twin: false },
    ],
    hiddenRows: 0,
    twins: 1,
  });
});

test("a long import shows its progress batch after batch, then its result", async () => {
  const { cookie } = await producer();
  const rows = Array.from({ length: 450 }, (_, index) => `P-${index};Pomme ${index};legumes;kg;3;5,5`).join("\n");
  const id = await upload(cookie, `${header}${rows}\n`);
  await run(cookie, id);
  const seen = new Set<number>();
  for (let attempt = 0; attempt < 2000; attempt += 1) {
    const page = await view(cookie, id);
    seen.add(page.processedRows);
    expect(page.processedRows % 200 === 0 || page.processedRows === 450).toBe(true);
    if (page.status === "DONE") break;
    expect(page.status).toBe("RUNNING");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(seen.has(450)).toBe(true);
  expect((await view(cookie, id)).counts).toEqual({ created: 450, updated: 0, unchanged: 0, errors: 0 });
});

test("another producer cannot see, run or export someone's import (404); others get 403, visitors the login page", async () => {
  const owner = await producer();
  const id = await upload(owner.cookie, `${header}A-1;Ail;legumes;kg;3;5,5\n`);
  const other = await producer();

  expect((await thrownResponse(view(other.cookie, id))).status).toBe(404);
  expect((await thrownResponse(runAction({ request: runRequest(other.cookie, id), params: { id }, context: {} }))).status).toBe(404);
  expect((await thrownResponse(view(other.cookie, randomUUID()))).status).toBe(404);
  expect((await thrownResponse(view(owner.cookie, "x".repeat(200)))).status).toBe(404);
  const otherHistory = await importsLoader({ request: new Request("http://localhost/producteur/import", { headers: { cookie: other.cookie } }), params: {}, context: {} });
  expect(otherHistory.imports).toEqual([]);
  expect(await db().catalogueImport.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "PREVIEWED" });
  expect(await db().product.count({ where: { producerId: owner.producerId } })).toBe(0);

  const consumer = await createUser();
  const charity = await createMemberUser("CHARITY");
  for (const cookie of [await signedInCookie(consumer.id), charity.cookie]) {
    expect((await thrownResponse(view(cookie, id))).status).toBe(403);
    expect((await thrownResponse(runAction({ request: runRequest(cookie, id), params: { id }, context: {} }))).status).toBe(403);
    expect((await thrownResponse(importsLoader({ request: new Request("http://localhost/producteur/import", { headers: { cookie } }), params: {}, context: {} }))).status).toBe(403);
    expect((await thrownResponse(uploadAction({ request: uploadRequest(cookie, `${header}B-1;Blette;legumes;kg;3;5,5\n`), params: {}, context: {} }))).status).toBe(403);
    expect((await thrownResponse(exportLoader({ request: new Request("http://localhost/producteur/export.csv", { headers: { cookie } }), params: {}, context: {} }))).status).toBe(403);
  }
  const anonymous = await thrownResponse(view("", id));
  expect(anonymous.status).toBe(302);
  expect(anonymous.headers.get("location")).toMatch(/^\/connexion/);
  expect((await thrownResponse(exportLoader({ request: new Request("http://localhost/producteur/export.csv"), params: {}, context: {} }))).status).toBe(302);

  expect(await db().catalogueImport.count({ where: { producerId: owner.producerId } })).toBe(1);
  expect(await db().product.count({ where: { producerId: owner.producerId } })).toBe(0);
});

test("a database connection lost in the middle of an import leaves it running, and it finishes without a duplicate", async () => {
  const { cookie, producerId } = await producer();
  // REF-00000 exists already: the import's first batch updates it (a new price), then inserts the others.
  const first = await importFile(cookie, toCsv([[...CATALOGUE_HEADER], CATALOGUE_HEADER.map((column) => goodCatalogueRow(0)[column])]));
  expect(first.result.status).toBe("DONE");
  const stored = await db().product.findFirstOrThrow({ where: { producerId, reference: "REF-00000" }, select: { id: true } });
  const rows = Array.from({ length: 30 }, (_, index) => CATALOGUE_HEADER.map((column) => ({ ...goodCatalogueRow(index), prix_ttc: "9,99" })[column]));
  const id = await upload(cookie, toCsv([[...CATALOGUE_HEADER], ...rows]));
  expect((await startCatalogueImport({ importId: id, producerId })).started).toBe(true);

  // Another session holds the product's row: the import's UPDATE waits on it, and its connection is then cut.
  const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query(`SELECT id FROM "Product" WHERE id = $1 FOR UPDATE`, [stored.id]);
    const running = runCatalogueImport(id, { batchSize: 10 });
    let killed = 0;
    while (killed === 0) {
      // Inside a transaction, PostgreSQL keeps the first pg_stat_activity it read: look again each time.
      await holder.query("SELECT pg_stat_clear_snapshot()");
      const waiting = await holder.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE "Product"%' AND pid <> pg_backend_pid()`,
      );
      for (const { pid } of waiting.rows) {
        await holder.query("SELECT pg_terminate_backend($1)", [pid]);
        killed += 1;
      }
      if (killed === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await holder.query("COMMIT");
    await running;
  } finally {
    await holder.end();
  }

  const job = await db().catalogueImport.findUniqueOrThrow({ where: { id }, select: { status: true, processedRows: true, createdCount: true, updatedCount: true } });
  expect(job).toEqual({ status: "DONE", processedRows: 30, createdCount: 29, updatedCount: 1 });
  const products = await db().product.findMany({ where: { producerId }, select: { reference: true, priceCents: true } });
  expect(products).toHaveLength(30);
  expect(new Set(products.map((product) => product.reference)).size).toBe(30);
  expect(products.every((product) => product.priceCents === 999)).toBe(true);
});
