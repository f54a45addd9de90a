/**
 * A producer's Stripe Connect account as the producer space shows it (decision 027 §8), read from
 * what Stripe says of the account (an `account.updated` event or GET /v1/accounts/:id).
 *
 * - READY: the capability `transfers` is active — their share can be transferred;
 * - UNDER_REVIEW: every detail was given, Stripe is checking them (or the capability is pending);
 * - DETAILS_MISSING: the account exists but onboarding is not finished, or Stripe asks for more;
 * - NOT_STARTED: no account yet (never read from Stripe: an account Stripe knows is started).
 */
export const STRIPE_ACCOUNT_STATES = ["NOT_STARTED", "DETAILS_MISSING", "UNDER_REVIEW", "READY"] as const;
export type StripeAccountState = (typeof STRIPE_ACCOUNT_STATES)[number];

/** The fields of a Stripe Account this rule reads; anything else (or missing) is ignored. */
export type StripeAccountFacts = {
  details_submitted?: unknown;
  capabilities?: unknown;
  requirements?: unknown;
};

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function connectAccountState(account: StripeAccountFacts): { state: StripeAccountState; transfersEnabled: boolean } {
  const capabilities = typeof account.capabilities === "object" && account.capabilities !== null ? (account.capabilities as Record<string, unknown>) : {};
  const requirements = typeof account.requirements === "object" && account.requirements !== null ? (account.requirements as Record<string, unknown>) : {};
  const transfers = capabilities.transfers;
  if (transfers === "active") return { state: "READY", transfersEnabled: true };
  const asked = listOf(requirements.currently_due).length + listOf(requirements.past_due).length;
  if (account.details_submitted !== true || asked > 0) return { state: "DETAILS_MISSING", transfersEnabled: false };
  return { state: "UNDER_REVIEW", transfersEnabled: false };
}
