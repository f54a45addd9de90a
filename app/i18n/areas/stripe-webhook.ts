/**
 * What the Stripe webhook answers when it refuses a delivery (decision 026). Read by whoever looks
 * at the endpoint's deliveries in Stripe's dashboard or in `stripe listen`; French first.
 */
export const stripeWebhookFr = {
  "stripeWebhook.not_configured": "Le webhook Stripe n'est pas configuré sur ce serveur (STRIPE_WEBHOOK_SECRET absent) : rien n'a été enregistré.",
  "stripeWebhook.signature_missing": "En-tête Stripe-Signature absent : cet envoi ne vient pas de Stripe, rien n'a été enregistré.",
  "stripeWebhook.signature_invalid": "Signature Stripe invalide pour ce corps et ce secret : rien n'a été enregistré. Vérifiez STRIPE_WEBHOOK_SECRET.",
  "stripeWebhook.timestamp_too_old": "Signature Stripe trop ancienne (plus de 5 minutes) : envoi rejoué ou horloge du serveur décalée, rien n'a été enregistré.",
  "stripeWebhook.malformed": "Événement Stripe illisible : rien n'a été enregistré.",
} as const;

export const stripeWebhookEn: Record<keyof typeof stripeWebhookFr, string> = {
  "stripeWebhook.not_configured": "The Stripe webhook is not configured on this server (no STRIPE_WEBHOOK_SECRET): nothing was saved.",
  "stripeWebhook.signature_missing": "No Stripe-Signature header: this delivery does not come from Stripe, nothing was saved.",
  "stripeWebhook.signature_invalid": "Invalid Stripe signature for this body and secret: nothing was saved. Check STRIPE_WEBHOOK_SECRET.",
  "stripeWebhook.timestamp_too_old": "Stripe signature too old (over 5 minutes): a replayed delivery or a server clock off, nothing was saved.",
  "stripeWebhook.malformed": "Unreadable Stripe event: nothing was saved.",
};
