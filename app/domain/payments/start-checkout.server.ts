import type Stripe from "stripe";
import { db } from "~/db.server";
import { unitLabel } from "~/domain/catalog/units";
import { stripeIdempotencyKey, transferGroup } from "~/domain/payments/money-model";
import type { Locale } from "~/i18n/messages";
import { stripeClient } from "~/infra/stripe.server";

/**
 * Stripe's session lives at least 30 minutes from its creation. Its expiry is counted from the
 * order's placing, not from the call, so that every try of one order sends the same parameters
 * under the same idempotency key (Stripe refuses a key reused with other parameters): 45 minutes
 * after the placing is at least 30 minutes after any try made before the hold's end (≤ 15 min).
 * The hold's job expires the session earlier, when the hold ends.
 */
export const SESSION_EXPIRES_AFTER_PLACING_SECONDS = 45 * 60;

export type StartedCheckout = { checkoutUrl: string; sessionExpiresAt: Date };

/**
 * Creates the Checkout Session of a card order waiting for its payment, after the commit that
 * placed it (decision 027 §1, §3), or gives the one already made: one session per order, whatever
 * the double submits and retries (the key tm-checkout-<orderId>; the stored URL).
 *
 * Returns null when there is nothing to pay any more (hold ended, paid, cancelled) or when Stripe
 * could not be reached: the order then stays waiting, and its page offers « payer », which tries
 * again with the same key until the hold ends.
 */
export async function startCheckout(input: { orderId: string; locale: Locale; appUrl: string; now: Date }): Promise<StartedCheckout | null> {
  const order = await db().order.findUnique({
    where: { id: input.orderId },
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      holdExpiresAt: true,
      distributionId: true,
      user: { select: { email: true } },
      cardPayment: { select: { status: true, amountCents: true, checkoutSessionId: true, checkoutUrl: true, sessionExpiresAt: true } },
      lines: { select: { productName: true, unit: true, quantity: true, unitPriceCents: true, capCents: true, finalCents: true }, orderBy: { productName: "asc" } },
    },
  });
  const payment = order?.cardPayment;
  if (!order || !payment || order.status !== "AWAITING_PAYMENT" || payment.status !== "OPEN") return null;
  if (!order.holdExpiresAt || order.holdExpiresAt.getTime() <= input.now.getTime()) return null;
  if (payment.checkoutUrl && payment.sessionExpiresAt) return { checkoutUrl: payment.checkoutUrl, sessionExpiresAt: payment.sessionExpiresAt };

  let session: Stripe.Checkout.Session;
  try {
    session = await stripeClient().checkout.sessions.create(checkoutSessionParams(order, input.locale, input.appUrl), { idempotencyKey: stripeIdempotencyKey.checkout(order.id) });
  } catch (error) {
    console.warn(`[paiement] session Checkout de la commande ${order.id} non créée, « payer » réessaiera :`, error instanceof Error ? error.message : error);
    return null;
  }
  if (!session.url) return null;
  const sessionExpiresAt = new Date(session.expires_at * 1000);
  const stored = await db().$queryRaw<Array<{ status: string }>>`
    UPDATE "CardPayment" SET "checkoutSessionId" = ${session.id}, "checkoutUrl" = ${session.url}, "sessionExpiresAt" = ${sessionExpiresAt}
    WHERE "orderId" = ${order.id}
    RETURNING status::text AS status`;
  if (stored[0]?.status !== "OPEN") {
    // The hold ended (or the order was paid or cancelled) while the session was being made: the
    // hold's job may have found no session to close; this one is closed here.
    await expireCheckoutSession(session.id);
    return null;
  }
  return { checkoutUrl: session.url, sessionExpiresAt };
}

type OrderToPay = {
  id: string;
  number: number;
  createdAt: Date;
  distributionId: string;
  user: { email: string };
  cardPayment: { amountCents: number } | null;
  lines: Array<{ productName: string; unit: Parameters<typeof unitLabel>[0]; quantity: number; unitPriceCents: number; capCents: number | null; finalCents: number | null }>;
};

/**
 * One Checkout line per order line: a line sold by weight is charged once at its cap (the most
 * it can cost, decision 027 §2), the others quantity × price. Their sum is the CardPayment's amount.
 */
export function checkoutSessionParams(order: OrderToPay, locale: Locale, appUrl: string): Stripe.Checkout.SessionCreateParams {
  const orderUrl = `${appUrl}/commandes/${order.id}`;
  return {
    mode: "payment",
    locale,
    client_reference_id: order.id,
    customer_email: order.user.email,
    metadata: { orderId: order.id, orderNumber: String(order.number) },
    payment_intent_data: { transfer_group: transferGroup(order.distributionId), metadata: { orderId: order.id } },
    line_items: order.lines.map((line) => {
      const unit = unitLabel(line.unit, locale);
      const weighed = line.capCents !== null && line.finalCents === null;
      return weighed
        ? {
            quantity: 1,
            price_data: {
              currency: "eur",
              unit_amount: line.capCents!,
              product_data: { name: locale === "fr" ? `${line.productName} — ${line.quantity} × ${unit}, au poids (plafond)` : `${line.productName} — ${line.quantity} × ${unit}, by weight (cap)` },
            },
          }
        : { quantity: line.quantity, price_data: { currency: "eur", unit_amount: line.finalCents ?? line.unitPriceCents, product_data: { name: `${line.productName} (${unit})` } } };
    }),
    expires_at: Math.floor(order.createdAt.getTime() / 1000) + SESSION_EXPIRES_AFTER_PLACING_SECONDS,
    success_url: `${orderUrl}?paiement=retour`,
    cancel_url: orderUrl,
  };
}

/**
 * Closes a Checkout Session at Stripe so that it can no longer be paid. One already expired or
 * complete is fine (Stripe answers 400: only an open session can be expired).
 */
export async function expireCheckoutSession(sessionId: string): Promise<void> {
  try {
    await stripeClient().checkout.sessions.expire(sessionId);
  } catch (error) {
    if (isStripeError(error) && error.type === "StripeInvalidRequestError" && error.statusCode === 400) {
      const session = await stripeClient().checkout.sessions.retrieve(sessionId);
      if (session.status !== "open") return;
    }
    throw error;
  }
}

function isStripeError(error: unknown): error is { type: string; statusCode?: number } {
  return typeof error === "object" && error !== null && "type" in error && typeof (error as { type: unknown }).type === "string";
}
