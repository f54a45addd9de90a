-- Login limits that slow an attacker without locking the owner out (decision 014, issue 9).

-- Failed logins per key ("login:account:<email>", "login:account-address:<email>|<address>",
-- "login:address:<address>"): the count of the current window and the wait it earned.
CREATE TABLE "LoginThrottle" (
  "key" TEXT NOT NULL,
  "failures" INTEGER NOT NULL,
  "blockedUntil" TIMESTAMPTZ(3) NOT NULL,
  "expiresAt" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key"),
  CONSTRAINT "LoginThrottle_failures_check" CHECK ("failures" >= 0)
);
CREATE INDEX "LoginThrottle_expiresAt_idx" ON "LoginThrottle"("expiresAt");

-- Browsers where a person logged in (hash of the tm_device cookie). No foreign key: a row names
-- a user only to match a login to them, and expires on its own.
CREATE TABLE "KnownDevice" (
  "tokenHash" TEXT NOT NULL,
  "userId" TEXT NOT NULL,
  "failures" INTEGER NOT NULL DEFAULT 0,
  "expiresAt" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "KnownDevice_pkey" PRIMARY KEY ("tokenHash", "userId"),
  CONSTRAINT "KnownDevice_failures_check" CHECK ("failures" >= 0)
);
CREATE INDEX "KnownDevice_expiresAt_idx" ON "KnownDevice"("expiresAt");
