-- A distribution whose card money was closed (issue 11, decision 027 §5, §6): its weighed-lighter
-- refunds made and its producers' transfers written. The periodic sweep adds a close job for every
-- distribution whose money is final, that has a card payment, and that has no row here; the close
-- writes its row in the transaction of its refunds and transfers. No foreign key: a marker, read by
-- the sweep only, one row per distribution.
CREATE TABLE "DistributionClose" (
  "distributionId" TEXT NOT NULL,
  "closedAt" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "DistributionClose_pkey" PRIMARY KEY ("distributionId")
);
