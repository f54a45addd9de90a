-- Issue 9, decision 019.
-- A producer may sell "at most N per customer" of an offer (null: the house default applies).
ALTER TABLE "Offer" ADD COLUMN "maxPerCustomer" INTEGER;
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_maxPerCustomer_check" CHECK ("maxPerCustomer" IS NULL OR ("maxPerCustomer" >= 1 AND "maxPerCustomer" <= 99));

-- What a customer already paid for a line sold by weight that a lighter weighing made cheaper:
-- owed back at hand-over. Never negative, never more than what a line can have cost.
ALTER TABLE "OrderLine" ADD COLUMN "owedBackCents" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_owedBack_check" CHECK ("owedBackCents" >= 0 AND "owedBackCents" <= 10000000);
