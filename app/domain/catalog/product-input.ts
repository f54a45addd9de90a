import type { SaleUnit } from "~/domain/catalog/units";
import { allergens, faoAreas, fishSpecies, gearCategories, vatRatesBp } from "~/domain/reference/reference-data";
import type { MessageKey } from "~/i18n/messages";

/**
 * What a producer types for one product — in the product form or in one row of the catalogue
 * CSV — read into typed values. Pure: the context brings what depends on the database (the
 * organisation's control body, the known categories), so the form and the import share every rule.
 */

export type ProductionMethod = "CAUGHT_AT_SEA" | "CAUGHT_FRESH_WATER" | "FARMED";
export type ProductKind = "PRODUCT" | "BASKET";

export type ProductInput = {
  reference: string | null;
  kind: ProductKind;
  name: string;
  nameEn: string | null;
  description: string;
  categoryId: string;
  unit: SaleUnit;
  netQuantityGrams: number | null;
  priceCents: number;
  vatRateBp: number;
  variableWeight: boolean;
  estimatedWeightGrams: number | null;
  organic: boolean;
  allergens: string[];
  ingredients: string | null;
  commercialName: string | null;
  scientificName: string | null;
  productionMethod: ProductionMethod | null;
  faoArea: string | null;
  gearCategory: string | null;
  thawed: boolean;
};

/** The raw field names, in form and CSV column order. */
export const PRODUCT_FIELDS = [
  "reference",
  "kind",
  "name",
  "nameEn",
  "description",
  "categoryId",
  "unit",
  "netQuantityGrams",
  "price",
  "vatRate",
  "variableWeight",
  "estimatedWeightGrams",
  "organic",
  "allergens",
  "ingredients",
  "commercialName",
  "scientificName",
  "productionMethod",
  "faoArea",
  "gearCategory",
  "thawed",
] as const;

export type ProductField = (typeof PRODUCT_FIELDS)[number];

export type ProductInputIssue = { field: string; message: MessageKey; params?: Record<string, string | number> };

export type ProductInputContext = {
  /** The organisation's organic control body code (FR-BIO-NN), null when it has none. */
  organicControlBody: string | null;
  categoryIds: readonly string[];
  /** Categories whose products carry the sea-product labelling. */
  seaCategoryIds: readonly string[];
};

export type ProductInputResult = { ok: true; value: ProductInput } | { ok: false; issues: ProductInputIssue[] };

/** The categories of the territory whose products are sea products (see app/demo/demo-territory.ts). */
export const SEA_CATEGORY_IDS: readonly string[] = ["poissons", "coquillages"];

export const SALE_UNITS: readonly SaleUnit[] = ["PIECE", "BUNCH", "KG", "G100", "DOZEN", "LITRE"];
export const PRODUCTION_METHODS: readonly ProductionMethod[] = ["CAUGHT_AT_SEA", "CAUGHT_FRESH_WATER", "FARMED"];

export const NAME_MAX = 120;
export const REFERENCE_MAX = 64;
export const TEXT_MAX = 2000;
export const MAX_PRICE_CENTS = 1_000_000;
/** 100 kg: nothing sold by a producer here weighs more per unit. */
export const MAX_GRAMS = 100_000;

const ORGANIC_CONTROL_BODY = /^FR-BIO-\d{2}$/;
// Genus capitalised, species (and optional subspecies) lower case: "Pecten maximus".
const LATIN_BINOMIAL = /^[A-Z][a-z]+ [a-z]+(?:-[a-z]+)?(?: [a-z]+)?$/;
const PRICE = /^(\d{1,9})(?:[.,](\d+))?$/;
const WHOLE = /^\d{1,9}$/;

const unitAliases: Record<string, SaleUnit> = {
  piece: "PIECE",
  pièce: "PIECE",
  botte: "BUNCH",
  bunch: "BUNCH",
  kg: "KG",
  g100: "G100",
  "100 g": "G100",
  "100g": "G100",
  douzaine: "DOZEN",
  dozen: "DOZEN",
  litre: "LITRE",
  l: "LITRE",
};

const methodAliases: Record<string, ProductionMethod> = {
  caught_at_sea: "CAUGHT_AT_SEA",
  "pêché en mer": "CAUGHT_AT_SEA",
  "peche en mer": "CAUGHT_AT_SEA",
  "pêche en mer": "CAUGHT_AT_SEA",
  caught_fresh_water: "CAUGHT_FRESH_WATER",
  "pêché en eau douce": "CAUGHT_FRESH_WATER",
  "pêche en eau douce": "CAUGHT_FRESH_WATER",
  farmed: "FARMED",
  élevé: "FARMED",
  elevage: "FARMED",
  élevage: "FARMED",
};

const TRUE_WORDS = new Set(["oui", "yes", "1", "true", "on", "vrai", "o", "y"]);
const FALSE_WORDS = new Set(["non", "no", "0", "false", "", "faux", "n", "off"]);

const booleanInvalid = {
  variableWeight: "products.variable_weight.invalid",
  organic: "products.organic.invalid",
  thawed: "products.thawed.invalid",
} as const satisfies Record<string, MessageKey>;

const gramsMessages = {
  netQuantityGrams: {
    invalid: "products.net_quantity.invalid",
    tooSmall: "products.net_quantity.too_small",
    tooLarge: "products.net_quantity.too_large",
  },
  estimatedWeightGrams: {
    invalid: "products.estimated_weight.invalid",
    tooSmall: "products.estimated_weight.too_small",
    tooLarge: "products.estimated_weight.too_large",
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

/** Lower case without accents, for lenient matching of labels typed by hand. */
export function fold(value: string): string {
  return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

export function isSeaCategory(categoryId: string, seaCategoryIds: readonly string[] = SEA_CATEGORY_IDS): boolean {
  return seaCategoryIds.includes(categoryId);
}

/** Reads one product; every issue at once, each naming its field. */
export function parseProductInput(raw: Record<string, string | undefined>, context: ProductInputContext): ProductInputResult {
  const issues: ProductInputIssue[] = [];
  const issue = (field: ProductField, message: MessageKey, params?: Record<string, string | number>) => {
    issues.push(params ? { field, message, params } : { field, message });
  };
  const text = (field: ProductField) => (raw[field] ?? "").trim();

  const optionalText = (field: ProductField, max: number, tooLong: MessageKey): string | null => {
    const value = text(field);
    if (value.length > max) issue(field, tooLong, { max });
    return value === "" ? null : value;
  };

  const bool = (field: "variableWeight" | "organic" | "thawed"): boolean | null => {
    const value = fold(raw[field] ?? "");
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value)) return false;
    issue(field, booleanInvalid[field]);
    return null;
  };

  const grams = (field: "netQuantityGrams" | "estimatedWeightGrams"): number | null => {
    const keys = gramsMessages[field];
    const value = text(field).replace(/\s/g, "");
    if (value === "") return null;
    if (!WHOLE.test(value)) {
      issue(field, /^-/.test(value) ? keys.tooSmall : keys.invalid);
      return null;
    }
    const number = Number(value);
    if (number < 1) {
      issue(field, keys.tooSmall);
      return null;
    }
    if (number > MAX_GRAMS) {
      issue(field, keys.tooLarge, { max: MAX_GRAMS });
      return null;
    }
    return number;
  };

  // reference
  const reference = optionalText("reference", REFERENCE_MAX, "products.reference.too_long");
  if (reference && /[\u0000-\u001f\u007f]/.test(reference)) issue("reference", "products.reference.invalid");

  // kind
  let kind: ProductKind = "PRODUCT";
  const kindText = fold(text("kind"));
  if (kindText === "basket" || kindText === "panier") kind = "BASKET";
  else if (kindText !== "" && kindText !== "product" && kindText !== "produit") issue("kind", "products.kind.invalid");

  // name
  const name = text("name");
  if (name === "") issue("name", "products.name.required");
  else if (name.length > NAME_MAX) issue("name", "products.name.too_long", { max: NAME_MAX });
  const nameEn = optionalText("nameEn", NAME_MAX, "products.name_en.too_long");
  const description = optionalText("description", TEXT_MAX, "products.description.too_long") ?? "";

  // category
  const categoryId = text("categoryId");
  if (categoryId === "") issue("categoryId", "products.category.required");
  else if (!context.categoryIds.includes(categoryId)) issue("categoryId", "products.category.unknown");
  const sea = isSeaCategory(categoryId, context.seaCategoryIds);

  // unit
  let unit: SaleUnit | null = null;
  const unitText = text("unit");
  if (unitText === "") issue("unit", "products.unit.required");
  else {
    unit = SALE_UNITS.find((candidate) => candidate === unitText.toUpperCase()) ?? unitAliases[fold(unitText)] ?? unitAliases[unitText.toLowerCase()] ?? null;
    if (!unit) issue("unit", "products.unit.invalid");
  }
  const netQuantityGrams = grams("netQuantityGrams");

  // price, euros incl. VAT as typed
  let priceCents: number | null = null;
  const priceText = text("price").replace(/\s|€/g, "");
  if (priceText === "") issue("price", "products.price.required");
  else if (/^-/.test(priceText)) issue("price", "products.price.negative");
  else {
    const match = PRICE.exec(priceText);
    if (!match) issue("price", "products.price.invalid");
    else if ((match[2] ?? "").length > 2) issue("price", "products.price.decimals");
    else {
      const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
      if (cents > MAX_PRICE_CENTS) issue("price", "products.price.too_large", { max: MAX_PRICE_CENTS / 100 });
      else priceCents = cents;
    }
  }

  // VAT, a percentage
  let vatRateBp: number | null = null;
  const vatText = text("vatRate").replace(/\s|%/g, "").replace(",", ".");
  if (vatText === "") issue("vatRate", "products.vat.required");
  else {
    const percent = /^\d{1,3}(?:\.\d{1,2})?$/.test(vatText) ? Number(vatText) : Number.NaN;
    const bp = Math.round(percent * 100);
    if (Number.isNaN(percent) || !vatRatesBp.includes(bp)) issue("vatRate", "products.vat.invalid");
    else vatRateBp = bp;
  }

  // variable weight
  const variableWeight = bool("variableWeight") ?? false;
  const estimatedWeightGrams = grams("estimatedWeightGrams");
  if (variableWeight && unit && unit !== "KG" && unit !== "G100" && estimatedWeightGrams === null && text("estimatedWeightGrams") === "") {
    issue("estimatedWeightGrams", "products.estimated_weight.required");
  }

  // allergens: codes or labels, separated by "," "|" or ";"
  const allergenCodes: string[] = [];
  for (const part of text("allergens").split(/[,|;]/)) {
    const value = part.trim();
    if (value === "") continue;
    const folded = fold(value);
    const allergen = allergens.find(
      (candidate) => candidate.code === folded || fold(candidate.labelFr) === folded || fold(candidate.labelEn) === folded,
    );
    if (!allergen) issue("allergens", "products.allergens.unknown", { value });
    else if (!allergenCodes.includes(allergen.code)) allergenCodes.push(allergen.code);
  }
  const ingredients = optionalText("ingredients", TEXT_MAX, "products.ingredients.too_long");

  // sea-product labelling: required for sea categories, checked whenever given
  const commercialName = optionalText("commercialName", NAME_MAX, "products.commercial_name.too_long");
  if (sea && commercialName === null) issue("commercialName", "products.commercial_name.required");

  let scientificName: string | null = null;
  const scientificText = text("scientificName").replace(/\s+/g, " ");
  if (scientificText === "") {
    if (sea) issue("scientificName", "products.scientific_name.required");
  } else {
    const species = fishSpecies.find((candidate) => fold(candidate.scientificName) === fold(scientificText));
    if (species) scientificName = species.scientificName;
    else if (scientificText.length <= NAME_MAX && LATIN_BINOMIAL.test(scientificText)) scientificName = scientificText;
    else issue("scientificName", "products.scientific_name.invalid");
  }

  let productionMethod: ProductionMethod | null = null;
  const methodText = text("productionMethod");
  if (methodText === "") {
    if (sea) issue("productionMethod", "products.production_method.required");
  } else {
    productionMethod =
      PRODUCTION_METHODS.find((candidate) => candidate === methodText.toUpperCase()) ??
      methodAliases[methodText.toLowerCase()] ??
      methodAliases[fold(methodText)] ??
      null;
    if (!productionMethod) issue("productionMethod", "products.production_method.invalid");
  }

  let faoArea: string | null = null;
  const faoText = text("faoArea");
  if (faoText === "") {
    if (sea) issue("faoArea", "products.fao_area.required");
  } else {
    faoArea = faoAreas.find((area) => area.code === faoText.toLowerCase())?.code ?? null;
    if (!faoArea) issue("faoArea", "products.fao_area.invalid");
  }

  let gearCategory: string | null = null;
  const gearText = text("gearCategory");
  if (gearText === "") {
    if (sea) issue("gearCategory", "products.gear.required");
  } else {
    const folded = fold(gearText);
    gearCategory =
      gearCategories.find((gear) => gear.code === folded || fold(gear.nameFr) === folded || fold(gear.nameEn) === folded)?.code ?? null;
    if (!gearCategory) issue("gearCategory", "products.gear.invalid");
  }

  // A sea product must say whether it was thawed: an empty answer is not "no".
  let thawed = false;
  if (sea && text("thawed") === "") issue("thawed", "products.thawed.required");
  else thawed = bool("thawed") ?? false;

  // organic: needs the control body; wild-caught fish never is
  const organic = bool("organic") ?? false;
  if (organic) {
    if (!context.organicControlBody || !ORGANIC_CONTROL_BODY.test(context.organicControlBody)) {
      issue("organic", "products.organic.no_control_body");
    }
    if (productionMethod === "CAUGHT_AT_SEA" || productionMethod === "CAUGHT_FRESH_WATER") {
      issue("organic", "products.organic.wild_fish");
    }
  }

  if (issues.length > 0 || unit === null || priceCents === null || vatRateBp === null) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    value: {
      reference,
      kind,
      name,
      nameEn,
      description,
      categoryId,
      unit,
      netQuantityGrams,
      priceCents,
      vatRateBp,
      variableWeight,
      estimatedWeightGrams,
      organic,
      allergens: allergenCodes,
      ingredients,
      commercialName,
      scientificName,
      productionMethod,
      faoArea,
      gearCategory,
      thawed,
    },
  };
}

/** The raw fields of a stored product, to fill the edit form (and the CSV export) with. */
export function productToRaw(product: ProductInput): Record<ProductField, string> {
  const euros = `${Math.floor(product.priceCents / 100)},${String(product.priceCents % 100).padStart(2, "0")}`;
  return {
    reference: product.reference ?? "",
    kind: product.kind,
    name: product.name,
    nameEn: product.nameEn ?? "",
    description: product.description,
    categoryId: product.categoryId,
    unit: product.unit,
    netQuantityGrams: product.netQuantityGrams === null ? "" : String(product.netQuantityGrams),
    price: euros,
    vatRate: String(product.vatRateBp / 100).replace(".", ","),
    variableWeight: product.variableWeight ? "oui" : "non",
    estimatedWeightGrams: product.estimatedWeightGrams === null ? "" : String(product.estimatedWeightGrams),
    organic: product.organic ? "oui" : "non",
    allergens: product.allergens.join(","),
    ingredients: product.ingredients ?? "",
    commercialName: product.commercialName ?? "",
    scientificName: product.scientificName ?? "",
    productionMethod: product.productionMethod ?? "",
    faoArea: product.faoArea ?? "",
    gearCategory: product.gearCategory ?? "",
    thawed: product.thawed ? "oui" : "non",
  };
}
