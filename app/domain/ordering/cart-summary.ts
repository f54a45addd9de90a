import type { SaleUnit } from "~/domain/catalog/units";
import { formatEuros, type Locale } from "~/domain/money";
import { formatParis } from "~/domain/time/paris";
import { gramsPerUnit } from "~/domain/ordering/variable-weight";

/**
 * The most different offers one cart holds, a person's or a visitor's (decision 024): far more
 * than a week's shopping, few enough that a script cannot grow a cart (or the header's summary)
 * without end.
 */
export const MAX_CART_LINES = 60;

export type SummaryLine = {
  distributionId: string;
  startsAt: Date;
  pointName: string;
  quantity: number;
  priceCents: number;
  unit: SaleUnit;
  variableWeight: boolean;
  estimatedWeightGrams: number | null;
};

export type CartSummary = {
  distributionId: string;
  startsAt: Date;
  pointName: string;
  /** Different products in the cart: "3 articles" (a quantity of 5 × 100 g is one article). */
  articles: number;
  totalCents: number;
  /** A line is weighed at preparation: the total is an estimate, read « environ » as on the cart page. */
  estimated: boolean;
};

/**
 * The header's cart, one entry per distribution, in date order: how many articles and what they
 * cost, the cart page's total (quantity × price; a piece sold by weight at its estimated price).
 */
export function cartSummaryOf(lines: readonly SummaryLine[]): CartSummary[] {
  const byDistribution = new Map<string, CartSummary>();
  for (const line of lines) {
    const entry = byDistribution.get(line.distributionId) ?? { distributionId: line.distributionId, startsAt: line.startsAt, pointName: line.pointName, articles: 0, totalCents: 0, estimated: false };
    entry.articles += 1;
    entry.totalCents += line.quantity * line.priceCents;
    entry.estimated ||= line.variableWeight && gramsPerUnit(line.unit, line.estimatedWeightGrams) !== null;
    byDistribution.set(line.distributionId, entry);
  }
  return [...byDistribution.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.distributionId.localeCompare(b.distributionId));
}

/** The articles a notice counts once a visitor's cart joined an account: a number from 1 to the bound, or nothing. */
export function keptArticlesOf(value: string | null): number | null {
  if (value === null || !/^[0-9]{1,3}$/.test(value)) return null;
  const count = Number(value);
  return count >= 1 && count <= MAX_CART_LINES ? count : null;
}

/** What the header shows of one entry, written once on the server in the reader's language. */
export type CartSummaryView = {
  href: string;
  articles: number;
  /** "42,50 €", or "environ 42,50 €" / "about €42.50" when a line is weighed at preparation. */
  total: string;
  /** The same, short for a phone's one-line header: "≈ 42,50 €". */
  shortTotal: string;
  /** "sam. 19 déc." / "Sat 19 Dec". */
  date: string;
  pointName: string;
};

const about = { fr: "environ", en: "about" } as const;

export function cartSummaryView(summary: readonly CartSummary[], locale: Locale): CartSummaryView[] {
  return summary.map((entry) => {
    const amount = formatEuros(entry.totalCents, locale);
    return {
      href: `/panier/${entry.distributionId}`,
      articles: entry.articles,
      total: entry.estimated ? `${about[locale]} ${amount}` : amount,
      shortTotal: entry.estimated ? `≈ ${amount}` : amount,
      date: formatParis(entry.startsAt, locale, "EEE d MMM"),
      pointName: entry.pointName,
    };
  });
}
