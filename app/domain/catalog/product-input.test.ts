import { describe, expect, test } from "vitest";
import { PRODUCT_FIELDS, parseProductInput, productToRaw, type ProductInputContext } from "~/domain/catalog/product-input";

const context: ProductInputContext = {
  organicControlBody: "FR-BIO-01",
  categoryIds: ["legumes", "fruits", "poissons", "coquillages", "paniers"],
  seaCategoryIds: ["poissons", "coquillages"],
};

const carrots = { name: "Carottes", categoryId: "legumes", unit: "KG", price: "3,20", vatRate: "5,5" };
const scallops = {
  name: "Coquilles Saint-Jacques",
  categoryId: "coquillages",
  unit: "KG",
  price: "18",
  vatRate: "5.5",
  commercialName: "Coquille Saint-Jacques",
  scientificName: "Pecten maximus",
  productionMethod: "CAUGHT_AT_SEA",
  faoArea: "27.7.d",
  gearCategory: "dredges",
  thawed: "non",
};

function issuesOf(raw: Record<string, string | undefined>, ctx: ProductInputContext = context) {
  const result = parseProductInput(raw, ctx);
  return result.ok ? [] : result.issues.map((issue) => `${issue.field}:${issue.message}`);
}

function valueOf(raw: Record<string, string | undefined>, ctx: ProductInputContext = context) {
  const result = parseProductInput(raw, ctx);
  if (!result.ok) throw new Error(`unexpected issues ${JSON.stringify(result.issues)}`);
  return result.value;
}

test("the raw fields come in form/CSV order", () => {
  expect(PRODUCT_FIELDS[0]).toBe("reference");
  expect(PRODUCT_FIELDS).toContain("price");
  expect(PRODUCT_FIELDS.at(-1)).toBe("thawed");
  expect(PRODUCT_FIELDS).toHaveLength(21);
});

test("a plain product is read into typed values", () => {
  expect(valueOf(carrots)).toEqual({
    reference: null,
    kind: "PRODUCT",
    name: "Carottes",
    nameEn: null,
    description: "",
    categoryId: "legumes",
    unit: "KG",
    netQuantityGrams: null,
    priceCents: 320,
    vatRateBp: 550,
    variableWeight: false,
    estimatedWeightGrams: null,
    organic: false,
    allergens: [],
    ingredients: null,
    commercialName: null,
    scientificName: null,
    productionMethod: null,
    faoArea: null,
    gearCategory: null,
    thawed: false,
  });
});

test("an empty product names every required field at once", () => {
  expect(issuesOf({})).toEqual([
    "name:products.name.required",
    "categoryId:products.category.required",
    "unit:products.unit.required",
    "price:products.price.required",
    "vatRate:products.vat.required",
  ]);
});

describe("name", () => {
  test("120 characters pass, 121 do not", () => {
    expect(valueOf({ ...carrots, name: "a".repeat(120) }).name).toHaveLength(120);
    expect(issuesOf({ ...carrots, name: "a".repeat(121) })).toEqual(["name:products.name.too_long"]);
  });
  test("blank is missing; spaces around are trimmed", () => {
    expect(issuesOf({ ...carrots, name: "   " })).toEqual(["name:products.name.required"]);
    expect(valueOf({ ...carrots, name: "  Carottes  " }).name).toBe("Carottes");
  });
  test("the English name is optional and bounded", () => {
    expect(valueOf({ ...carrots, nameEn: "Carrots" }).nameEn).toBe("Carrots");
    expect(issuesOf({ ...carrots, nameEn: "a".repeat(121) })).toEqual(["nameEn:products.name_en.too_long"]);
  });
});

describe("price", () => {
  test("comma or point, up to two decimals, whole euros", () => {
    expect(valueOf({ ...carrots, price: "3,20" }).priceCents).toBe(320);
    expect(valueOf({ ...carrots, price: "3.2" }).priceCents).toBe(320);
    expect(valueOf({ ...carrots, price: "12" }).priceCents).toBe(1200);
    expect(valueOf({ ...carrots, price: "0" }).priceCents).toBe(0);
    expect(valueOf({ ...carrots, price: "4,50 €" }).priceCents).toBe(450);
  });
  test("10 000 € is the most", () => {
    expect(valueOf({ ...carrots, price: "10000" }).priceCents).toBe(1_000_000);
    expect(issuesOf({ ...carrots, price: "10000,01" })).toEqual(["price:products.price.too_large"]);
    expect(issuesOf({ ...carrots, price: "999999999999" })).toEqual(["price:products.price.invalid"]);
  });
  test("negative, three decimals, or not a number are refused", () => {
    expect(issuesOf({ ...carrots, price: "-1" })).toEqual(["price:products.price.negative"]);
    expect(issuesOf({ ...carrots, price: "3,205" })).toEqual(["price:products.price.decimals"]);
    expect(issuesOf({ ...carrots, price: "trois" })).toEqual(["price:products.price.invalid"]);
    expect(issuesOf({ ...carrots, price: "1e3" })).toEqual(["price:products.price.invalid"]);
  });
});

describe("VAT", () => {
  test("the four French rates, typed as percentages", () => {
    expect(valueOf({ ...carrots, vatRate: "5,5" }).vatRateBp).toBe(550);
    expect(valueOf({ ...carrots, vatRate: "5.5" }).vatRateBp).toBe(550);
    expect(valueOf({ ...carrots, vatRate: "10" }).vatRateBp).toBe(1000);
    expect(valueOf({ ...carrots, vatRate: "20 %" }).vatRateBp).toBe(2000);
    expect(valueOf({ ...carrots, vatRate: "0" }).vatRateBp).toBe(0);
  });
  test("any other rate is refused", () => {
    expect(issuesOf({ ...carrots, vatRate: "7" })).toEqual(["vatRate:products.vat.invalid"]);
    expect(issuesOf({ ...carrots, vatRate: "550" })).toEqual(["vatRate:products.vat.invalid"]);
    expect(issuesOf({ ...carrots, vatRate: "abc" })).toEqual(["vatRate:products.vat.invalid"]);
  });
});

describe("unit", () => {
  test("the six units, by code or French word", () => {
    expect(valueOf({ ...carrots, unit: "PIECE" }).unit).toBe("PIECE");
    expect(valueOf({ ...carrots, unit: "botte" }).unit).toBe("BUNCH");
    expect(valueOf({ ...carrots, unit: "100 g" }).unit).toBe("G100");
    expect(valueOf({ ...carrots, unit: "douzaine" }).unit).toBe("DOZEN");
    expect(valueOf({ ...carrots, unit: "Litre" }).unit).toBe("LITRE");
    expect(valueOf({ ...carrots, unit: "pièce" }).unit).toBe("PIECE");
  });
  test("anything else is refused", () => {
    expect(issuesOf({ ...carrots, unit: "tonne" })).toEqual(["unit:products.unit.invalid"]);
  });
  test("net quantity is a positive whole number of grams", () => {
    expect(valueOf({ ...carrots, unit: "PIECE", netQuantityGrams: "250" }).netQuantityGrams).toBe(250);
    expect(issuesOf({ ...carrots, netQuantityGrams: "-5" })).toEqual(["netQuantityGrams:products.net_quantity.too_small"]);
    expect(issuesOf({ ...carrots, netQuantityGrams: "0" })).toEqual(["netQuantityGrams:products.net_quantity.too_small"]);
    expect(issuesOf({ ...carrots, netQuantityGrams: "2,5" })).toEqual(["netQuantityGrams:products.net_quantity.invalid"]);
    expect(issuesOf({ ...carrots, netQuantityGrams: "100001" })).toEqual(["netQuantityGrams:products.net_quantity.too_large"]);
  });
});

describe("variable weight", () => {
  test("sold by the piece, it needs an estimated weight", () => {
    expect(issuesOf({ ...carrots, unit: "PIECE", variableWeight: "oui" })).toEqual([
      "estimatedWeightGrams:products.estimated_weight.required",
    ]);
    const value = valueOf({ ...carrots, unit: "PIECE", variableWeight: "on", estimatedWeightGrams: "800" });
    expect(value.variableWeight).toBe(true);
    expect(value.estimatedWeightGrams).toBe(800);
  });
  test("sold by the kg or 100 g, no estimate is needed", () => {
    expect(valueOf({ ...carrots, unit: "KG", variableWeight: "yes" }).variableWeight).toBe(true);
    expect(valueOf({ ...carrots, unit: "G100", variableWeight: "1" }).estimatedWeightGrams).toBeNull();
  });
  test("a fixed-weight piece does not need one", () => {
    expect(valueOf({ ...carrots, unit: "PIECE", variableWeight: "" }).variableWeight).toBe(false);
  });
  test("the estimate is a positive whole number", () => {
    expect(issuesOf({ ...carrots, unit: "PIECE", variableWeight: "oui", estimatedWeightGrams: "-3" })).toEqual([
      "estimatedWeightGrams:products.estimated_weight.too_small",
    ]);
    expect(issuesOf({ ...carrots, estimatedWeightGrams: "lourd" })).toEqual(["estimatedWeightGrams:products.estimated_weight.invalid"]);
  });
});

describe("booleans", () => {
  test("oui/non, yes/no, 1/0, true/false, on/empty", () => {
    for (const yes of ["oui", "Oui", "yes", "1", "true", "on"]) expect(valueOf({ ...carrots, organic: yes }).organic).toBe(true);
    for (const no of ["non", "no", "0", "false", "", undefined]) expect(valueOf({ ...carrots, organic: no }).organic).toBe(false);
  });
  test("anything else is refused, naming the field", () => {
    expect(issuesOf({ ...carrots, organic: "peut-être" })).toEqual(["organic:products.organic.invalid"]);
    expect(issuesOf({ ...carrots, variableWeight: "2" })).toEqual(["variableWeight:products.variable_weight.invalid"]);
  });
});

describe("category", () => {
  test("a known category is accepted, an unknown one refused", () => {
    expect(valueOf({ ...carrots, categoryId: "fruits" }).categoryId).toBe("fruits");
    expect(issuesOf({ ...carrots, categoryId: "martiens" })).toEqual(["categoryId:products.category.unknown"]);
  });
});

describe("allergens", () => {
  test("codes or French labels, separated by , | or ;, without duplicates", () => {
    expect(valueOf({ ...carrots, allergens: "milk, eggs" }).allergens).toEqual(["milk", "eggs"]);
    expect(valueOf({ ...carrots, allergens: "Œufs|Céleri;milk" }).allergens).toEqual(["eggs", "celery", "milk"]);
    expect(valueOf({ ...carrots, allergens: "Lait (y compris le lactose), milk" }).allergens).toEqual(["milk"]);
  });
  test("an unknown allergen is refused, quoting it", () => {
    const result = parseProductInput({ ...carrots, allergens: "milk, kryptonite" }, context);
    expect(result).toEqual({
      ok: false,
      issues: [{ field: "allergens", message: "products.allergens.unknown", params: { value: "kryptonite" } }],
    });
  });
});

describe("sea products", () => {
  test("a complete sea product is accepted with its labelling", () => {
    const value = valueOf(scallops);
    expect(value).toMatchObject({
      commercialName: "Coquille Saint-Jacques",
      scientificName: "Pecten maximus",
      productionMethod: "CAUGHT_AT_SEA",
      faoArea: "27.7.d",
      gearCategory: "dredges",
      thawed: false,
    });
  });
  test("every labelling field is required, the thawed flag included", () => {
    expect(
      issuesOf({ name: "Bar", categoryId: "poissons", unit: "KG", price: "25", vatRate: "5,5" }),
    ).toEqual([
      "commercialName:products.commercial_name.required",
      "scientificName:products.scientific_name.required",
      "productionMethod:products.production_method.required",
      "faoArea:products.fao_area.required",
      "gearCategory:products.gear.required",
      "thawed:products.thawed.required",
    ]);
  });
  test("the same fields are optional for a land product", () => {
    expect(valueOf({ ...carrots, commercialName: "", scientificName: "" }).scientificName).toBeNull();
  });
  test("scientific name: a listed species (any case) or a typed Latin binomial", () => {
    expect(valueOf({ ...scallops, scientificName: "pecten maximus" }).scientificName).toBe("Pecten maximus");
    expect(valueOf({ ...scallops, scientificName: "Dicentrarchus labrax" }).scientificName).toBe("Dicentrarchus labrax");
    expect(valueOf({ ...scallops, scientificName: "Sepia officinalis officinalis" }).scientificName).toBe("Sepia officinalis officinalis");
    expect(issuesOf({ ...scallops, scientificName: "saint jacques!" })).toEqual(["scientificName:products.scientific_name.invalid"]);
    expect(issuesOf({ ...scallops, scientificName: "Pecten" })).toEqual(["scientificName:products.scientific_name.invalid"]);
  });
  test("production method by code or French words; unknown refused", () => {
    expect(valueOf({ ...scallops, productionMethod: "élevé" }).productionMethod).toBe("FARMED");
    expect(valueOf({ ...scallops, productionMethod: "pêché en eau douce" }).productionMethod).toBe("CAUGHT_FRESH_WATER");
    expect(issuesOf({ ...scallops, productionMethod: "cueilli" })).toEqual(["productionMethod:products.production_method.invalid"]);
  });
  test("FAO division from the list", () => {
    expect(valueOf({ ...scallops, faoArea: "27.4.c" }).faoArea).toBe("27.4.c");
    expect(issuesOf({ ...scallops, faoArea: "99.9.z" })).toEqual(["faoArea:products.fao_area.invalid"]);
  });
  test("gear by code or French name; unknown refused", () => {
    expect(valueOf({ ...scallops, gearCategory: "Dragues" }).gearCategory).toBe("dredges");
    expect(valueOf({ ...scallops, gearCategory: "Casiers et pièges" }).gearCategory).toBe("pots-traps");
    expect(issuesOf({ ...scallops, gearCategory: "dynamite" })).toEqual(["gearCategory:products.gear.invalid"]);
  });
  test("thawed: yes is kept, nonsense refused", () => {
    expect(valueOf({ ...scallops, thawed: "oui" }).thawed).toBe(true);
    expect(issuesOf({ ...scallops, thawed: "bof" })).toEqual(["thawed:products.thawed.invalid"]);
  });
});

describe("organic", () => {
  test("needs the organisation's control body code", () => {
    expect(valueOf({ ...carrots, organic: "oui" }).organic).toBe(true);
    expect(issuesOf({ ...carrots, organic: "oui" }, { ...context, organicControlBody: null })).toEqual([
      "organic:products.organic.no_control_body",
    ]);
    expect(issuesOf({ ...carrots, organic: "oui" }, { ...context, organicControlBody: "ECOCERT" })).toEqual([
      "organic:products.organic.no_control_body",
    ]);
  });
  test("not organic needs no control body", () => {
    expect(valueOf({ ...carrots, organic: "non" }, { ...context, organicControlBody: null }).organic).toBe(false);
  });
  test("wild-caught fish is never organic; farmed may be", () => {
    expect(issuesOf({ ...scallops, organic: "oui" })).toEqual(["organic:products.organic.wild_fish"]);
    expect(issuesOf({ ...scallops, productionMethod: "CAUGHT_FRESH_WATER", organic: "oui" })).toEqual([
      "organic:products.organic.wild_fish",
    ]);
    expect(valueOf({ ...scallops, productionMethod: "FARMED", organic: "oui" }).organic).toBe(true);
  });
});

describe("reference, kind, texts", () => {
  test("reference is optional, at most 64 characters", () => {
    expect(valueOf({ ...carrots, reference: " CAR-01 " }).reference).toBe("CAR-01");
    expect(issuesOf({ ...carrots, reference: "x".repeat(65) })).toEqual(["reference:products.reference.too_long"]);
    expect(issuesOf({ ...carrots, reference: "a\u0000b" })).toEqual(["reference:products.reference.invalid"]);
  });
  test("kind: product by default, basket by word", () => {
    expect(valueOf({ ...carrots, kind: "panier" }).kind).toBe("BASKET");
    expect(valueOf({ ...carrots, kind: "BASKET" }).kind).toBe("BASKET");
    expect(issuesOf({ ...carrots, kind: "voiture" })).toEqual(["kind:products.kind.invalid"]);
  });
  test("description and ingredients are bounded", () => {
    expect(issuesOf({ ...carrots, description: "a".repeat(2001), ingredients: "b".repeat(2001) })).toEqual([
      "description:products.description.too_long",
      "ingredients:products.ingredients.too_long",
    ]);
  });
});

test("a stored product read back from its raw fields is the same product", () => {
  const value = valueOf({ ...scallops, reference: "CSJ", allergens: "molluscs", price: "18,50", vatRate: "5,5" });
  expect(valueOf(productToRaw(value))).toEqual(value);
  const land = valueOf({ ...carrots, unit: "PIECE", variableWeight: "oui", estimatedWeightGrams: "900", organic: "oui" });
  expect(valueOf(productToRaw(land))).toEqual(land);
});
