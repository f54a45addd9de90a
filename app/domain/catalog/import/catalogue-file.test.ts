import { expect, test } from "vitest";
import { catalogueCsv } from "~/domain/catalog/import/catalogue-csv";
import { outcomeOf, readCatalogueBytes, readCatalogueText, readRows, type ReadContext } from "~/domain/catalog/import/catalogue-file";
import type { ProductInput } from "~/domain/catalog/product-input";
import { allergens } from "~/domain/reference/reference-data";

const context: ReadContext = {
  organicControlBody: "FR-BIO-01",
  categories: [
    { id: "legumes", nameFr: "Légumes", nameEn: "Vegetables" },
    { id: "poissons", nameFr: "Poissons", nameEn: "Fish" },
    { id: "coquillages", nameFr: "Coquillages & céphalopodes", nameEn: "Shellfish & cephalopods" },
  ],
};

const HEADER = "reference;nom;categorie;unite;prix_ttc;tva;bio;allergenes;nom_scientifique;denomination_commerciale;methode_production;zone_fao;engin;decongele";

function rowsOf(text: string) {
  const file = readCatalogueText(text);
  if (!file.ok) throw new Error(`unexpected problem ${file.problem.message}`);
  return readRows(file.value, context);
}

test("valid rows become products, in French words as in the codes", () => {
  const rows = rowsOf(
    `${HEADER}\n` +
      "CAR-1;Carottes;Légumes;kg;3,20;5,5;oui;Céleri;;;;;;\n" +
      "SJ-1;Noix de Saint-Jacques;coquillages;KG;24.00;5.5;non;mollusques;Pecten maximus;Coquille Saint-Jacques;pêché en mer;27.7.d;Dragues;non\n",
  );
  expect(rows).toMatchObject([
    { line: 2, product: { reference: "CAR-1", name: "Carottes", categoryId: "legumes", unit: "KG", priceCents: 320, vatRateBp: 550, organic: true, allergens: ["celery"] } },
    {
      line: 3,
      product: { reference: "SJ-1", unit: "KG", priceCents: 2400, productionMethod: "CAUGHT_AT_SEA", faoArea: "27.7.d", gearCategory: "dredges", thawed: false, allergens: ["molluscs"] },
    },
  ]);
});

test("a row's errors name its spreadsheet line and the column as the file heads it", () => {
  const rows = rowsOf(
    "Référence;Nom;Catégorie;Unité;Prix TTC;TVA\n" +
      "A-1;;legumes;kg;3,20;5,5\n" +
      "\n" +
      "A-2;Ail;legumes;sac;trois euros;7\n",
  );
  expect(rows[0]).toEqual({ line: 2, errors: [{ line: 2, field: "name", column: "Nom", message: "products.name.required" }] });
  expect(rows[1]?.errors).toEqual([
    { line: 4, field: "unit", column: "Unité", message: "products.unit.invalid" },
    { line: 4, field: "price", column: "Prix TTC", message: "products.price.invalid" },
    { line: 4, field: "vatRate", column: "TVA", message: "products.vat.invalid" },
  ]);
});

test("a row without reference is refused, and so is a reference used twice in the file", () => {
  const rows = rowsOf(`${HEADER}\n;Carottes;legumes;kg;3,20;5,5;non;;;;;;;\nB;Blettes;legumes;botte;2;5,5;non;;;;;;;\nB;Blettes bis;legumes;botte;2;5,5;non;;;;;;;\n`);
  expect(rows[0]?.errors).toEqual([{ line: 2, field: "reference", column: "reference", message: "import.row.reference_required" }]);
  expect(rows[1]?.product?.reference).toBe("B");
  expect(rows[2]?.errors).toEqual([{ line: 4, field: "reference", column: "reference", message: "import.row.reference_duplicate", params: { line: 3 } }]);
});

test("a value under a column without header is not lost silently", () => {
  const rows = rowsOf("reference;nom;categorie;unite;prix_ttc;tva;\nA;Ail;legumes;kg;3;5,5;oublié\nB;Blette;legumes;kg;3;5,5;\n");
  expect(rows[0]?.errors).toEqual([{ line: 2, field: "", column: "7", message: "import.row.unnamed_column" }]);
  expect(rows[1]?.product?.name).toBe("Blette");
});

test("a file that is only a header, or has unknown columns, is refused as a whole", () => {
  expect(readCatalogueText(`${HEADER}\r\n\r\n`)).toEqual({ ok: false, problem: { message: "import.file.header_only" } });
  expect(readCatalogueBytes(new TextEncoder().encode("ref|nom|prix\nA|Ail|3"))).toEqual({ ok: false, problem: { message: "import.file.no_separator" } });
  expect(readCatalogueText("sku,title,price\nA,Ail,3")).toMatchObject({ ok: false, problem: { message: "import.file.unknown_columns" } });
});

const stored: ProductInput = {
  reference: "SJ-1",
  kind: "PRODUCT",
  name: "Noix de Saint-Jacques; « extra »",
  nameEn: "King scallops",
  description: 'Décortiquées le matin.\nCalibre "gros".',
  categoryId: "coquillages",
  unit: "G100",
  netQuantityGrams: null,
  priceCents: 245,
  vatRateBp: 550,
  variableWeight: true,
  estimatedWeightGrams: 500,
  organic: false,
  allergens: ["molluscs", "sulphites"],
  ingredients: null,
  commercialName: "Coquille Saint-Jacques",
  scientificName: "Pecten maximus",
  productionMethod: "CAUGHT_AT_SEA",
  faoArea: "27.7.d",
  gearCategory: "dredges",
  thawed: false,
};

test("the export reads back into the very same products (units, methods, allergens and gear in French)", () => {
  const basket: ProductInput = { ...stored, reference: "PAN-1", kind: "BASKET", name: "Panier famille", nameEn: null, description: "", categoryId: "legumes", unit: "PIECE", priceCents: 2000, vatRateBp: 0, variableWeight: false, estimatedWeightGrams: null, organic: true, allergens: [], commercialName: null, scientificName: null, productionMethod: null, faoArea: null, gearCategory: null, thawed: false, netQuantityGrams: 4000, ingredients: "Légumes de saison" };
  const farmed: ProductInput = { ...stored, reference: "HUI-1", productionMethod: "FARMED", organic: true, unit: "DOZEN", variableWeight: false, estimatedWeightGrams: null, thawed: true, vatRateBp: 1000 };
  const text = catalogueCsv([stored, basket, farmed]);
  expect(text).toContain("100 g");
  expect(text).toContain("pêché en mer");
  expect(text).toContain("Mollusques, Anhydride sulfureux");
  expect(text).toContain("Dragues");
  const rows = readRows(readCatalogueBytesOrThrow(new TextEncoder().encode(text)), context);
  expect(rows.map((row) => row.product)).toEqual([stored, basket, farmed]);
  for (const [index, row] of rows.entries()) {
    const product = row.product;
    if (!product) throw new Error("row refused");
    expect(outcomeOf(product, { ...[stored, basket, farmed][index]!, id: "x" })).toBe("unchanged");
  }
});

test("no allergen label holds a list separator, so labels survive the round trip", () => {
  for (const allergen of allergens) expect(allergen.labelFr).not.toMatch(/[,;|]/);
});

test("outcome: absent → new, one field different → updated, allergens compared in order", () => {
  const product = { ...stored, reference: "SJ-1" };
  expect(outcomeOf(product, undefined)).toBe("new");
  expect(outcomeOf(product, { ...stored, id: "x" })).toBe("unchanged");
  expect(outcomeOf(product, { ...stored, id: "x", priceCents: 246 })).toBe("updated");
  expect(outcomeOf(product, { ...stored, id: "x", nameEn: null })).toBe("updated");
  expect(outcomeOf(product, { ...stored, id: "x", allergens: ["molluscs"] })).toBe("updated");
});

function readCatalogueBytesOrThrow(bytes: Uint8Array) {
  const file = readCatalogueBytes(bytes);
  if (!file.ok) throw new Error(`unexpected problem ${file.problem.message}`);
  return file.value;
}
