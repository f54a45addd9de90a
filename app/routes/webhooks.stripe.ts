import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveStripeWebhook, type WebhookResult } from "~/domain/payments/receive-stripe-webhook.server";
import { apiJson, apiLocale, handleApi, methodNotAllowed } from "~/http/api.server";
import { readBodyText } from "~/http/body.server";
import { now } from "~/http/clock.server";
import { translate } from "~/i18n/messages";
import { webhookSecrets } from "~/infra/stripe.server";

/**
 * Stripe's events are larger than a form (an event carries a whole object: a Checkout Session, a
 * charge, an account with its requirements, up to 50 metadata entries of 500 characters): a few
 * KB usually, some tens of KB at worst. 256 KB keeps a wide margin without letting anyone make
 * the server hold megabytes before the signature is checked; over it, 413 before reading further.
 */
export const STRIPE_WEBHOOK_MAX_BYTES = 256 * 1024;

/**
 * POST /webhooks/stripe (decision 026): Stripe's signed events. Public, without session or
 * cookie: the signature over the raw body is the only credential. Not part of /api/v1 nor of its
 * OpenAPI document: Stripe is the only client and the payload is Stripe's.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, ["POST"]);
  return handleApi(request, async () => {
    // The raw body, bounded, before anything parses it: the signature is over these exact bytes.
    const payload = await readBodyText(request, STRIPE_WEBHOOK_MAX_BYTES);
    const result = await receiveStripeWebhook({ payload, signature: request.headers.get("stripe-signature"), secrets: webhookSecrets(), now: now() });
    return answer(request, result);
  });
}

function answer(request: Request, result: WebhookResult): Response {
  switch (result.outcome) {
    case "refused":
      return apiJson({ error: `stripe_${result.reason}`, message: translate(apiLocale(request), `stripeWebhook.${result.reason}`) }, 400);
    case "ignored":
      return apiJson({ received: true, eventId: result.eventId, ignored: true });
    case "duplicate":
      return apiJson({ received: true, eventId: result.eventId, duplicate: true });
    case "applied":
      return apiJson({ received: true, eventId: result.eventId, effect: result.effect.effect });
  }
}
