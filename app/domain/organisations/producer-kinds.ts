/** The kinds of producer (ProducerKind in the schema), in the order forms list them. */
export const PRODUCER_KINDS = ["MARKET_GARDENER", "DAIRY", "LIVESTOCK", "CIDER_MAKER", "BAKER", "FISHER", "PROCESSOR", "BEEKEEPER"] as const;
export type ProducerKind = (typeof PRODUCER_KINDS)[number];

export function isProducerKind(value: string): value is ProducerKind {
  return (PRODUCER_KINDS as readonly string[]).includes(value);
}
