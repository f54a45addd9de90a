-- A person proves they read their email address before their first order paid at pickup
-- (issue 9: throwaway accounts emptying the stock). Accounts made before this migration keep
-- a null date: they are asked to verify like new ones, unless they already collected an order.
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" TIMESTAMPTZ(3);
