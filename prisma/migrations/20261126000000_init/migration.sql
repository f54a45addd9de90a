-- Terre & Mer: first schema. Written by hand in Prisma's layout (docs/decisions/002-migrations.md).
-- The CHECK constraints at the end are the invariants PostgreSQL guards for us; a Prisma schema
-- cannot express them.

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('PRODUCER', 'AMAP', 'CHARITY', 'TERRITORY');
CREATE TYPE "ProducerKind" AS ENUM ('MARKET_GARDENER', 'DAIRY', 'LIVESTOCK', 'CIDER_MAKER', 'BAKER', 'FISHER', 'PROCESSOR', 'BEEKEEPER');
CREATE TYPE "MembershipRole" AS ENUM ('PRODUCER', 'AMAP_COORDINATOR', 'CHARITY', 'ADMIN');
CREATE TYPE "PickupPointKind" AS ENUM ('FARM', 'AMAP', 'SHOP', 'PORT', 'TOWN_HALL');
CREATE TYPE "DistributionStatus" AS ENUM ('SCHEDULED', 'CANCELLED');
CREATE TYPE "ProductKind" AS ENUM ('PRODUCT', 'BASKET');
CREATE TYPE "SaleUnit" AS ENUM ('PIECE', 'BUNCH', 'KG', 'G100', 'DOZEN', 'LITRE');
CREATE TYPE "ProductionMethod" AS ENUM ('CAUGHT_AT_SEA', 'CAUGHT_FRESH_WATER', 'FARMED');
CREATE TYPE "OrderStatus" AS ENUM ('CONFIRMED', 'CANCELLED');
CREATE TYPE "PaymentMethod" AS ENUM ('AT_PICKUP');
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');
CREATE TYPE "Locale" AS ENUM ('fr', 'en');

-- CreateTable
CREATE TABLE "Commune" (
    "inseeCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "Commune_pkey" PRIMARY KEY ("inseeCode")
);

CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'fr',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PasswordResetToken" (
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("tokenHash")
);

CREATE TABLE "RateLimitHit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("key","windowStart")
);

CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "producerKind" "ProducerKind",
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "communeInsee" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "organicCertified" BOOLEAN NOT NULL DEFAULT false,
    "organicControlBody" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Membership" (
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    CONSTRAINT "Membership_pkey" PRIMARY KEY ("userId","organisationId")
);

CREATE TABLE "PickupPoint" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PickupPointKind" NOT NULL,
    "communeInsee" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "accessibilityNotes" TEXT NOT NULL DEFAULT '',
    "organisationId" TEXT,
    CONSTRAINT "PickupPoint_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Distribution" (
    "id" TEXT NOT NULL,
    "pickupPointId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "cutoffAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "DistributionStatus" NOT NULL DEFAULT 'SCHEDULED',
    CONSTRAINT "Distribution_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PickupSlot" (
    "id" TEXT NOT NULL,
    "distributionId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PickupSlot_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Category" (
    "id" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "kind" "ProductKind" NOT NULL DEFAULT 'PRODUCT',
    "categoryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "unit" "SaleUnit" NOT NULL,
    "netQuantityGrams" INTEGER,
    "priceCents" INTEGER NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    "variableWeight" BOOLEAN NOT NULL DEFAULT false,
    "estimatedWeightGrams" INTEGER,
    "organic" BOOLEAN NOT NULL DEFAULT false,
    "allergens" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "ingredients" TEXT,
    "commercialName" TEXT,
    "scientificName" TEXT,
    "productionMethod" "ProductionMethod",
    "faoArea" TEXT,
    "gearCategory" TEXT,
    "thawed" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "distributionId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "ordered" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BasketItem" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "labelEn" TEXT,
    "quantityLabel" TEXT NOT NULL,
    "indicativePriceCents" INTEGER NOT NULL,
    CONSTRAINT "BasketItem_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CartItem" (
    "userId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CartItem_pkey" PRIMARY KEY ("userId","offerId")
);

CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "distributionId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'CONFIRMED',
    "paymentMethod" "PaymentMethod" NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),
    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "unit" "SaleUnit" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");
CREATE INDEX "Membership_organisationId_idx" ON "Membership"("organisationId");
CREATE INDEX "Distribution_startsAt_idx" ON "Distribution"("startsAt");
CREATE INDEX "PickupSlot_distributionId_idx" ON "PickupSlot"("distributionId");
CREATE INDEX "Product_producerId_idx" ON "Product"("producerId");
CREATE UNIQUE INDEX "Offer_distributionId_productId_key" ON "Offer"("distributionId", "productId");
CREATE INDEX "BasketItem_offerId_idx" ON "BasketItem"("offerId");
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");
CREATE INDEX "Order_userId_idx" ON "Order"("userId");
CREATE INDEX "Order_distributionId_idx" ON "Order"("distributionId");
CREATE UNIQUE INDEX "Order_userId_idempotencyKey_key" ON "Order"("userId", "idempotencyKey");
CREATE UNIQUE INDEX "OrderLine_orderId_offerId_key" ON "OrderLine"("orderId", "offerId");
CREATE INDEX "OrderLine_offerId_idx" ON "OrderLine"("offerId");
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_communeInsee_fkey" FOREIGN KEY ("communeInsee") REFERENCES "Commune"("inseeCode") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PickupPoint" ADD CONSTRAINT "PickupPoint_communeInsee_fkey" FOREIGN KEY ("communeInsee") REFERENCES "Commune"("inseeCode") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PickupPoint" ADD CONSTRAINT "PickupPoint_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_pickupPointId_fkey" FOREIGN KEY ("pickupPointId") REFERENCES "PickupPoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PickupSlot" ADD CONSTRAINT "PickupSlot_distributionId_fkey" FOREIGN KEY ("distributionId") REFERENCES "Distribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Product" ADD CONSTRAINT "Product_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Product" ADD CONSTRAINT "Product_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_distributionId_fkey" FOREIGN KEY ("distributionId") REFERENCES "Distribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BasketItem" ADD CONSTRAINT "BasketItem_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Order" ADD CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Order" ADD CONSTRAINT "Order_distributionId_fkey" FOREIGN KEY ("distributionId") REFERENCES "Distribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Order" ADD CONSTRAINT "Order_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "PickupSlot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants PostgreSQL guards (not expressible in schema.prisma)
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower("email"));
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_stock_check" CHECK ("stock" >= 0 AND "ordered" >= 0 AND "ordered" <= "stock");
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_price_check" CHECK ("priceCents" >= 0);
ALTER TABLE "PickupSlot" ADD CONSTRAINT "PickupSlot_booked_check" CHECK ("booked" >= 0 AND "booked" <= "capacity");
ALTER TABLE "PickupSlot" ADD CONSTRAINT "PickupSlot_window_check" CHECK ("endsAt" > "startsAt");
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_window_check" CHECK ("endsAt" > "startsAt" AND "opensAt" <= "cutoffAt" AND "cutoffAt" <= "startsAt");
ALTER TABLE "Product" ADD CONSTRAINT "Product_price_check" CHECK ("priceCents" >= 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_vat_check" CHECK ("vatRateBp" IN (0, 550, 1000, 2000));
ALTER TABLE "Product" ADD CONSTRAINT "Product_wild_fish_never_organic_check" CHECK (NOT ("organic" AND "productionMethod" IN ('CAUGHT_AT_SEA', 'CAUGHT_FRESH_WATER')));
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_quantity_check" CHECK ("quantity" > 0 AND "unitPriceCents" >= 0);
ALTER TABLE "Order" ADD CONSTRAINT "Order_total_check" CHECK ("totalCents" >= 0);
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "BasketItem" ADD CONSTRAINT "BasketItem_price_check" CHECK ("indicativePriceCents" >= 0);
ALTER TABLE "RateLimitHit" ADD CONSTRAINT "RateLimitHit_count_check" CHECK ("count" > 0);

