import { expect, test } from "vitest";
import { parseSalesSheetForm } from "~/domain/sales/sales-sheet-form";

test("each row of the sheet is read on its own: good rows come out, a bad field is refused by its own name", () => {
  const form = parseSalesSheetForm({
    intent: "save",
    "onSale.sole": "on", "stock.sole": "12", "price.sole": "24,50", "max.sole": "",
    "onSale.bar": "on", "stock.bar": "-1", "price.bar": "2,555", "max.bar": "3",
    "stock.radis": "4", "price.radis": "1",
  });
  expect(form.ids).toEqual(["sole", "bar", "radis"]);
  expect(form.rows).toEqual([
    { offerId: "sole", onSale: true, stock: 12, priceCents: 2450, maxPerCustomer: null },
    { offerId: "radis", onSale: false, stock: 0, priceCents: 0 },
  ]);
  expect(form.issues).toEqual([
    { offerId: "bar", field: "stock.bar", messageKey: "offers.field.stock.negative" },
    { offerId: "bar", field: "price.bar", messageKey: "offers.field.price.invalid" },
  ]);
  expect(form.unknownIds).toEqual([]);
});

test("a basket's composition rides with its row: empty item rows skipped, a bad item named by its field", () => {
  const good = parseSalesSheetForm({
    "onSale.panier": "on", "stock.panier": "10", "price.panier": "15", "composition.panier": "1",
    "item-label.panier.0": "Poireaux", "item-quantity.panier.0": "1 botte", "item-price.panier.0": "2,50", "item-labelEn.panier.0": "Leeks",
    "item-label.panier.1": "", "item-quantity.panier.1": "", "item-price.panier.1": "",
    "item-label.panier.2": "Œufs", "item-quantity.panier.2": "6", "item-price.panier.2": "3,20",
  });
  expect(good.rows[0]?.composition).toEqual([
    { label: "Poireaux", labelEn: "Leeks", quantityLabel: "1 botte", indicativePriceCents: 250 },
    { label: "Œufs", labelEn: undefined, quantityLabel: "6", indicativePriceCents: 320 },
  ]);
  const bad = parseSalesSheetForm({ "onSale.panier": "on", "stock.panier": "10", "price.panier": "15", "composition.panier": "1", "item-label.panier.0": "Chou", "item-quantity.panier.0": "", "item-price.panier.0": "2" });
  expect(bad.rows).toEqual([]);
  expect(bad.issues).toEqual([{ offerId: "panier", field: "item-quantity.panier.0", messageKey: "offers.field.item.quantity.required" }]);
  // Without its marker the composition was not on the form: it is kept as it is.
  expect(parseSalesSheetForm({ "onSale.panier": "on", "stock.panier": "10", "price.panier": "15" }).rows[0]).not.toHaveProperty("composition");
});

test("an id that cannot be an offer's is set apart, never read as a row", () => {
  expect(parseSalesSheetForm({ "stock.x'--": "3", "onSale.x'--": "on" })).toMatchObject({ ids: ["x'--"], rows: [], unknownIds: ["x'--"] });
});
