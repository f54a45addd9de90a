import { expect, test } from "vitest";
import { cartSummaryOf, cartSummaryView, keptArticlesOf, type SummaryLine } from "~/domain/ordering/cart-summary";

const monday = new Date("2026-12-14T16:00:00Z");
const friday = new Date("2026-12-18T16:00:00Z");

function line(overrides: Partial<SummaryLine>): SummaryLine {
  return { distributionId: "d1", startsAt: monday, pointName: "Halles", quantity: 1, priceCents: 100, unit: "PIECE", variableWeight: false, estimatedWeightGrams: null, ...overrides };
}

test("one entry per distribution, in date order, counting articles and adding quantity × price", () => {
  const summary = cartSummaryOf([
    line({ distributionId: "later", startsAt: friday, pointName: "Port", quantity: 2, priceCents: 450 }),
    line({ distributionId: "first", quantity: 3, priceCents: 250 }),
    line({ distributionId: "first", quantity: 5, unit: "G100", priceCents: 300 }),
  ]);
  expect(summary).toEqual([
    { distributionId: "first", startsAt: monday, pointName: "Halles", articles: 2, totalCents: 750 + 1500, estimated: false },
    { distributionId: "later", startsAt: friday, pointName: "Port", articles: 1, totalCents: 900, estimated: false },
  ]);
});

test("a piece weighed at preparation makes its distribution's total an estimate, not the other's", () => {
  const summary = cartSummaryOf([
    line({ distributionId: "fish", variableWeight: true, estimatedWeightGrams: 600, priceCents: 1615 }),
    line({ distributionId: "veg", startsAt: friday }),
    // Marked variable but with no weight to go by: sold as a plain piece.
    line({ distributionId: "veg", startsAt: friday, variableWeight: true, estimatedWeightGrams: null }),
  ]);
  expect(summary.map((entry) => [entry.distributionId, entry.estimated])).toEqual([["fish", true], ["veg", false]]);
});

test("an empty cart has no entry", () => {
  expect(cartSummaryOf([])).toEqual([]);
});

test("the kept-cart notice reads only a small positive count", () => {
  expect(keptArticlesOf("3")).toBe(3);
  for (const value of [null, "0", "-1", "abc", "1e3", "999", "3.5", ""]) expect(keptArticlesOf(value)).toBeNull();
});

test("the header reads the total « environ » when it is an estimate, in French and in English, with the distribution's date", () => {
  const summary = cartSummaryOf([line({ distributionId: "d1", quantity: 2, priceCents: 1615, variableWeight: true, estimatedWeightGrams: 600 }), line({ distributionId: "d2", startsAt: friday, priceCents: 4250 })]);
  // French writes a narrow no-break space before "€": read as a plain space here.
  const plain = (entries: ReturnType<typeof cartSummaryView>) => entries.map((entry) => ({ ...entry, total: entry.total.replace(/[\u00a0\u202f]/g, " "), shortTotal: entry.shortTotal.replace(/[\u00a0\u202f]/g, " ") }));
  expect(plain(cartSummaryView(summary, "fr"))).toEqual([
    { href: "/panier/d1", articles: 1, total: "environ 32,30 €", shortTotal: "≈ 32,30 €", date: "lun. 14 déc.", pointName: "Halles" },
    { href: "/panier/d2", articles: 1, total: "42,50 €", shortTotal: "42,50 €", date: "ven. 18 déc.", pointName: "Halles" },
  ]);
  expect(plain(cartSummaryView(summary, "en")).map((entry) => [entry.total, entry.date])).toEqual([["about €32.30", "Mon 14 Dec"], ["€42.50", "Fri 18 Dec"]]);
});
