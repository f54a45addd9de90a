-- A producer's Stripe account state comes from account.updated events, which Stripe may deliver out
-- of order, and from our own reads on the onboarding return page: the time of the news we applied is
-- kept, so an older one arriving late changes nothing (issue 11, decision 027 §8).
ALTER TABLE "Organisation" ADD COLUMN "stripeAccountCheckedAt" TIMESTAMPTZ(3);
