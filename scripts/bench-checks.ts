// What scripts/bench.ts counts and checks, apart from the run itself so that tests can check it
// (tests/integration/bench-checks.test.ts): importing bench.ts would start a benchmark.
import { MAX_OPEN_ORDERS_PER_DISTRIBUTION } from "~/domain/ordering/customer-limits";

/**
 * The offers a catalogue page shows: the distinct ids it links to (`href="/offres/<id>"`). Each
 * card links twice (its picture and its name): counting links would say twice as many.
 */
export function shownOfferIds(html: string): Set<string> {
  return new Set([...html.matchAll(/href="\/offres\/([^"?#/]+)/g)].map((match) => match[1]!));
}

/**
 * The API's refusals counted by status and error code (`{ "error": "sold_out" }`): a 409 may be
 * sold_out or customer_limit (decision 019), which only the code tells apart. autocannon hands
 * each answer's status and body to `onResponse`.
 */
export function refusalCounter(): { onResponse: (status: number, body: string) => void; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return {
    counts,
    onResponse: (status, body) => {
      if (status >= 200 && status < 300) return;
      let code = "?";
      try {
        const parsed = JSON.parse(body) as { error?: unknown };
        if (typeof parsed.error === "string") code = parsed.error;
      } catch {
        // not JSON: counted under "?"
      }
      const key = `${status} ${code}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
  };
}

/** "409 customer_limit: 46, 500 ?: 1". */
export function describeCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([key, value]) => `${key}: ${value}`).join(", ");
}

/**
 * How many customers the order rush needs so that none orders more than
 * MAX_OPEN_ORDERS_PER_DISTRIBUTION times when `amount` requests go round them in turn: one more
 * per connection, as autocannon may prepare a request on each connection that it never sends.
 */
export function rushCustomerCount(amount: number, connections: number): number {
  return Math.ceil(amount / MAX_OPEN_ORDERS_PER_DISTRIBUTION) + connections;
}

/** Hands out the customers' cookies in turn, one per request. */
export function inTurn(cookies: readonly string[]): () => string {
  let turn = 0;
  return () => cookies[turn++ % cookies.length]!;
}
