-- What a producer's or an admin's refund of a line is for (decision 027 §5): missing item, damaged,
-- lighter, not collected, other; the free note says more. Null for refunds the system decides
-- (a cancellation, a smaller order, a weighing).
ALTER TABLE "Refund" ADD COLUMN "kind" TEXT;
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_kind_check" CHECK ("kind" IS NULL OR "kind" IN ('missing', 'damaged', 'lighter', 'notCollected', 'other'));
