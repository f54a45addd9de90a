-- A visitor's cart before they have an account (decision 024, issue 10). The id is the SHA-256 of
-- the random token in the visitor's tm_cart cookie: a leaked table opens no cart.
CREATE TABLE "GuestCart" (
  "id" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expiresAt" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "GuestCart_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "GuestCart_expiresAt_idx" ON "GuestCart"("expiresAt");

CREATE TABLE "GuestCartItem" (
  "guestCartId" TEXT NOT NULL,
  "offerId" TEXT NOT NULL,
  "quantity" INTEGER NOT NULL,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "GuestCartItem_pkey" PRIMARY KEY ("guestCartId", "offerId"),
  CONSTRAINT "GuestCartItem_quantity_check" CHECK ("quantity" > 0),
  CONSTRAINT "GuestCartItem_guestCartId_fkey" FOREIGN KEY ("guestCartId") REFERENCES "GuestCart"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "GuestCartItem_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "GuestCartItem_offerId_idx" ON "GuestCartItem"("offerId");
