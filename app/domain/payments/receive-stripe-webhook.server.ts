import Stripe from "stripe";
import { z } from "zod";
import { db } from "~/db.server";
import { applyStripeEvent, type StripeEventEffect, type VerifiedStripeEvent } from "~/domain/payments/apply-stripe-event.server";
import { isAllowedStripeEventType } from "~/domain/payments/stripe-event-types";
import { STRIPE_API_VERSION } from "~/infra/stripe.server";

/**
 * How old a delivery's signed timestamp may be: Stripe's own default (5 minutes). An older one is
 * a replay of a captured request, refused even though its signature is right.
 */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

export type WebhookRefusal = "not_configured" | "signature_missing" | "signature_invalid" | "timestamp_too_old" | "malformed";

export type WebhookResult =
  | { outcome: "refused"; reason: WebhookRefusal }
  /** A type the application does not act on: answered 200 so Stripe stops sending it, not stored. */
  | { outcome: "ignored"; eventId: string; type: string }
  /** Stored just now, and its effect applied in the same transaction. */
  | { outcome: "applied"; eventId: string; effect: StripeEventEffect }
  /** Stored before (an earlier delivery, or one running at the same moment): nothing done again. */
  | { outcome: "duplicate"; eventId: string };

const eventSchema = z.object({
  id: z.string().regex(/^evt_\w+$/),
  type: z.string().min(1),
  account: z.string().optional(),
  api_version: z.string().nullable().optional(),
  created: z.number().int(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

/**
 * A Stripe webhook delivery (decision 026): its signature checked on the raw body before anything
 * reads it, then the event stored once under Stripe's id with its effect, in one transaction.
 * Nothing here calls Stripe, so the answer is fast; slow work goes to jobs.
 */
export async function receiveStripeWebhook(options: { payload: string; signature: string | null; secrets: readonly string[]; now: Date }): Promise<WebhookResult> {
  const { payload, signature, secrets, now } = options;
  if (secrets.length === 0) return { outcome: "refused", reason: "not_configured" };
  if (!signature) return { outcome: "refused", reason: "signature_missing" };
  const verified = verify(payload, signature, secrets, now);
  if (typeof verified === "string") return { outcome: "refused", reason: verified };
  const parsed = eventSchema.safeParse(verified.event);
  if (!parsed.success) return { outcome: "refused", reason: "malformed" };
  const { id, type, account, created, data } = parsed.data;
  if (!isAllowedStripeEventType(type)) return { outcome: "ignored", eventId: id, type };
  if (parsed.data.api_version && parsed.data.api_version !== STRIPE_API_VERSION) {
    // The endpoint in Stripe's dashboard renders events in its own API version: its objects may not
    // have the shape the code reads. Kept (it is signed, and refusing would lose it), and said loudly.
    console.warn(`[stripe] événement ${id} rendu en version ${parsed.data.api_version}, le code attend ${STRIPE_API_VERSION} : réglez la version du point de terminaison dans le tableau de bord Stripe.`);
  }
  const event: VerifiedStripeEvent = { id, type, account: account ?? null, created, object: data.object };

  return db().$transaction(async (tx) => {
    // ON CONFLICT (id) DO NOTHING: a second delivery running at the same moment waits for this
    // row's transaction, then inserts nothing.
    const inserted = await tx.stripeEvent.createMany({ data: [{ id, type, receivedAt: now, payload: JSON.parse(payload) }], skipDuplicates: true });
    if (inserted.count === 0) return { outcome: "duplicate", eventId: id };
    const effect = await applyStripeEvent(tx, event);
    await tx.stripeEvent.update({ where: { id }, data: { appliedAt: now } });
    return { outcome: "applied", eventId: id, effect };
  });
}

/**
 * The signature against each configured secret (the platform's endpoint, the Connect endpoint),
 * with the SDK's constructEvent over the raw body; the event it reads back when one matches.
 */
function verify(payload: string, signature: string, secrets: readonly string[], now: Date): { event: unknown } | "signature_invalid" | "timestamp_too_old" | "malformed" {
  let failure: "signature_invalid" | "timestamp_too_old" = "signature_invalid";
  for (const secret of secrets) {
    try {
      return { event: Stripe.webhooks.constructEvent(payload, signature, secret, STRIPE_SIGNATURE_TOLERANCE_SECONDS, undefined, now.getTime()) };
    } catch (error) {
      // Signed by Stripe but not JSON: nothing Stripe sends; refused rather than stored.
      if (error instanceof SyntaxError) return "malformed";
      if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
      // The SDK compares the signature first: a stale timestamp means a right signature, replayed late.
      if (/tolerance/i.test(error.message)) failure = "timestamp_too_old";
    }
  }
  return failure;
}
