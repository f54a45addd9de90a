-- Card payments with Stripe (issue 11, decision 027): orders waiting for their payment, the one
-- card charge of an order, refunds decided in the transaction that causes them and sent by jobs,
-- one transfer per producer and distribution, and the reversals of a transfer after a late refund.
-- The database guards the money: a payment is never refunded more than it was charged (a running
-- sum under a CHECK, kept by the statements that insert refunds), every amount is positive, one
-- Stripe object per row (unique ids), one transfer per producer and distribution.
ALTER TYPE "OrderStatus" ADD VALUE 'AWAITING_PAYMENT';
ALTER TYPE "OrderStatus" ADD VALUE 'EXPIRED';
ALTER TYPE "PaymentMethod" ADD VALUE 'ONLINE_CARD';

CREATE TYPE "CardPaymentStatus" AS ENUM ('OPEN', 'SUCCEEDED', 'CLOSED');
CREATE TYPE "RefundReason" AS ENUM ('CUSTOMER_CANCELLED', 'DISTRIBUTION_CANCELLED', 'ORDER_REDUCED', 'WEIGHED_LIGHTER', 'PRODUCER_REFUND', 'ADMIN_REFUND', 'LATE_PAYMENT');
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');
CREATE TYPE "ProducerTransferStatus" AS ENUM ('HELD', 'PENDING', 'SENT');
CREATE TYPE "StripeAccountState" AS ENUM ('NOT_STARTED', 'DETAILS_MISSING', 'UNDER_REVIEW', 'READY');

ALTER TABLE "Order" ADD COLUMN "holdExpiresAt" TIMESTAMPTZ(3);
ALTER TABLE "Order" ADD COLUMN "cancelReason" TEXT;

ALTER TABLE "Organisation" ADD COLUMN "stripeAccountId" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "stripeAccountState" "StripeAccountState" NOT NULL DEFAULT 'NOT_STARTED';
ALTER TABLE "Organisation" ADD COLUMN "stripeTransfersEnabled" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "Organisation_stripeAccountId_key" ON "Organisation"("stripeAccountId");

CREATE TABLE "CardPayment" (
  "id" TEXT NOT NULL,
  "orderId" TEXT NOT NULL,
  "status" "CardPaymentStatus" NOT NULL DEFAULT 'OPEN',
  "amountCents" INTEGER NOT NULL,
  "refundedCents" INTEGER NOT NULL DEFAULT 0,
  "checkoutSessionId" TEXT,
  "checkoutUrl" TEXT,
  "sessionExpiresAt" TIMESTAMPTZ(3),
  "paymentIntentId" TEXT,
  "chargeId" TEXT,
  "feeCents" INTEGER,
  "availableOn" TIMESTAMPTZ(3),
  "succeededAt" TIMESTAMPTZ(3),
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "CardPayment_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "CardPayment_amountCents_check" CHECK ("amountCents" > 0),
  CONSTRAINT "CardPayment_refundedCents_check" CHECK ("refundedCents" >= 0 AND "refundedCents" <= "amountCents"),
  CONSTRAINT "CardPayment_feeCents_check" CHECK ("feeCents" IS NULL OR "feeCents" >= 0)
);
CREATE UNIQUE INDEX "CardPayment_orderId_key" ON "CardPayment"("orderId");
CREATE UNIQUE INDEX "CardPayment_checkoutSessionId_key" ON "CardPayment"("checkoutSessionId");
CREATE UNIQUE INDEX "CardPayment_paymentIntentId_key" ON "CardPayment"("paymentIntentId");
ALTER TABLE "CardPayment" ADD CONSTRAINT "CardPayment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Refund" (
  "id" TEXT NOT NULL,
  "number" SERIAL NOT NULL,
  "paymentId" TEXT NOT NULL,
  "orderId" TEXT NOT NULL,
  "producerId" TEXT,
  "orderLineId" TEXT,
  "amountCents" INTEGER NOT NULL,
  "reason" "RefundReason" NOT NULL,
  "note" TEXT,
  "requestedById" TEXT,
  "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
  "stripeRefundId" TEXT,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "succeededAt" TIMESTAMPTZ(3),
  CONSTRAINT "Refund_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Refund_amountCents_check" CHECK ("amountCents" > 0),
  CONSTRAINT "Refund_note_check" CHECK ("note" IS NULL OR char_length("note") <= 500)
);
CREATE UNIQUE INDEX "Refund_number_key" ON "Refund"("number");
CREATE UNIQUE INDEX "Refund_stripeRefundId_key" ON "Refund"("stripeRefundId");
CREATE INDEX "Refund_orderId_idx" ON "Refund"("orderId");
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");
CREATE INDEX "Refund_producerId_createdAt_idx" ON "Refund"("producerId", "createdAt");
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "CardPayment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ProducerTransfer" (
  "id" TEXT NOT NULL,
  "distributionId" TEXT NOT NULL,
  "producerId" TEXT NOT NULL,
  "status" "ProducerTransferStatus" NOT NULL,
  "chargedCents" INTEGER NOT NULL,
  "refundedCents" INTEGER NOT NULL,
  "commissionCents" INTEGER NOT NULL,
  "feeCents" INTEGER NOT NULL,
  "amountCents" INTEGER NOT NULL,
  "reversedCents" INTEGER NOT NULL DEFAULT 0,
  "stripeTransferId" TEXT,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "sentAt" TIMESTAMPTZ(3),
  CONSTRAINT "ProducerTransfer_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ProducerTransfer_amounts_check" CHECK ("chargedCents" >= 0 AND "refundedCents" >= 0 AND "commissionCents" >= 0 AND "feeCents" >= 0 AND "amountCents" >= 0),
  CONSTRAINT "ProducerTransfer_reversedCents_check" CHECK ("reversedCents" >= 0 AND "reversedCents" <= "amountCents")
);
CREATE UNIQUE INDEX "ProducerTransfer_stripeTransferId_key" ON "ProducerTransfer"("stripeTransferId");
CREATE UNIQUE INDEX "ProducerTransfer_distributionId_producerId_key" ON "ProducerTransfer"("distributionId", "producerId");
CREATE INDEX "ProducerTransfer_producerId_createdAt_idx" ON "ProducerTransfer"("producerId", "createdAt");
ALTER TABLE "ProducerTransfer" ADD CONSTRAINT "ProducerTransfer_distributionId_fkey" FOREIGN KEY ("distributionId") REFERENCES "Distribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ProducerTransfer" ADD CONSTRAINT "ProducerTransfer_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "TransferReversal" (
  "id" TEXT NOT NULL,
  "transferId" TEXT NOT NULL,
  "refundId" TEXT NOT NULL,
  "amountCents" INTEGER NOT NULL,
  "stripeReversalId" TEXT,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "sentAt" TIMESTAMPTZ(3),
  CONSTRAINT "TransferReversal_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "TransferReversal_amountCents_check" CHECK ("amountCents" > 0)
);
CREATE UNIQUE INDEX "TransferReversal_stripeReversalId_key" ON "TransferReversal"("stripeReversalId");
CREATE UNIQUE INDEX "TransferReversal_refundId_transferId_key" ON "TransferReversal"("refundId", "transferId");
ALTER TABLE "TransferReversal" ADD CONSTRAINT "TransferReversal_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "ProducerTransfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TransferReversal" ADD CONSTRAINT "TransferReversal_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The pg-boss queues of the payment jobs (decision 028: a new queue is one line here).
SELECT pgboss.create_queue('payments.expire-hold', '{"policy":"standard","retryLimit":10,"retryDelay":30,"retryBackoff":true,"expireInSeconds":300,"retentionMinutes":10080}'::json);
SELECT pgboss.create_queue('payments.send-refund', '{"policy":"standard","retryLimit":20,"retryDelay":60,"retryBackoff":true,"expireInSeconds":300,"retentionMinutes":10080}'::json);
SELECT pgboss.create_queue('payments.close-distribution', '{"policy":"standard","retryLimit":20,"retryDelay":300,"retryBackoff":true,"expireInSeconds":900,"retentionMinutes":10080}'::json);
SELECT pgboss.create_queue('payments.send-transfer', '{"policy":"standard","retryLimit":20,"retryDelay":300,"retryBackoff":true,"expireInSeconds":300,"retentionMinutes":10080}'::json);
