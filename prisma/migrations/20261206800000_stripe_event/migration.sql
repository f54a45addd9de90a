-- Stripe's webhook events, each kept once (issue 11, decision 026). The id is Stripe's own event
-- id (evt_…): its primary key is what makes a delivery applied once, however many times Stripe
-- sends it and however many app servers receive it at the same moment (INSERT … ON CONFLICT DO
-- NOTHING in the same transaction as the event's effect). Only allow-listed types are kept.
CREATE TABLE "StripeEvent" (
  "id" TEXT NOT NULL,
  "type" TEXT NOT NULL,
  "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "appliedAt" TIMESTAMPTZ(3),
  "payload" JSONB NOT NULL,
  CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "StripeEvent_id_check" CHECK ("id" LIKE 'evt\_%')
);
CREATE INDEX "StripeEvent_type_receivedAt_idx" ON "StripeEvent"("type", "receivedAt");
