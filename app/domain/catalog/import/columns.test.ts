import { expect, test } from "vitest";
import { exportHeaders, fieldOfHeader, FRENCH_HEADERS, mapColumns } from "~/domain/catalog/import/columns";
import { PRODUCT_FIELDS } from "~/domain/catalog/product-input";

test("every product field has one French header, and the headers are distinct", () => {
  expect(exportHeaders()).toHaveLength(PRODUCT_FIELDS.length);
  expect(new Set(exportHeaders()).size).toBe(PRODUCT_FIELDS.length);
  for (const field of PRODUCT_FIELDS) expect(fieldOfHeader(FRENCH_HEADERS[field])).toBe(field);
});

test("headers are read whatever their accents, case, spaces or unit in brackets; raw field names too", () => {
  expect(fieldOfHeader("Référence")).toBe("reference");
  expect(fieldOfHeader("Catégorie")).toBe("categoryId");
  expect(fieldOfHeader("Unité")).toBe("unit");
  expect(fieldOfHeader("Prix TTC")).toBe("price");
  expect(fieldOfHeader("prix")).toBe("price");
  expect(fieldOfHeader("TVA")).toBe("vatRate");
  expect(fieldOfHeader("Poids net (g)")).toBe("netQuantityGrams");
  expect(fieldOfHeader("poids estimé g")).toBe("estimatedWeightGrams");
  expect(fieldOfHeader("Allergènes")).toBe("allergens");
  expect(fieldOfHeader("Dénomination commerciale")).toBe("commercialName");
  expect(fieldOfHeader("méthode de production")).toBe("productionMethod");
  expect(fieldOfHeader("Méthode production")).toBe("productionMethod");
  expect(fieldOfHeader("Zone FAO")).toBe("faoArea");
  expect(fieldOfHeader("décongelé")).toBe("thawed");
  expect(fieldOfHeader("nameEn")).toBe("nameEn");
  expect(fieldOfHeader("categoryId")).toBe("categoryId");
  expect(fieldOfHeader("estimatedWeightGrams")).toBe("estimatedWeightGrams");
  expect(fieldOfHeader("couleur")).toBeNull();
});

test("a header maps each column to its field; empty-headed columns are kept as unnamed", () => {
  const result = mapColumns(["Référence", "Nom", "Catégorie", "Unité", "Prix TTC", "TVA", ""]);
  expect(result).toEqual({
    ok: true,
    value: {
      fields: ["reference", "name", "categoryId", "unit", "price", "vatRate", null],
      headerOf: { reference: "Référence", name: "Nom", categoryId: "Catégorie", unit: "Unité", price: "Prix TTC", vatRate: "TVA" },
    },
  });
});

test("unknown columns are one file-level error naming them and the possible ones", () => {
  const result = mapColumns(["reference", "nom", "categorie", "unite", "prix_ttc", "tva", "couleur", "stock"]);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problem.message).toBe("import.file.unknown_columns");
  expect(result.problem.params?.columns).toBe("« couleur », « stock »");
  expect(String(result.problem.params?.expected)).toContain("prix_ttc");
});

test("missing required columns are one file-level error naming them in French", () => {
  expect(mapColumns(["nom", "prix_ttc"])).toEqual({
    ok: false,
    problem: { message: "import.file.missing_columns", params: { columns: "reference, categorie, unite, tva" } },
  });
});

test("the same column twice is refused", () => {
  expect(mapColumns(["reference", "nom", "Nom", "categorie", "unite", "prix_ttc", "tva"])).toEqual({
    ok: false,
    problem: { message: "import.file.duplicate_column", params: { column: "Nom" } },
  });
});
