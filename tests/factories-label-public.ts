import { randomInt, randomUUID } from "node:crypto";
import { db } from "~/db.server";

/**
 * A label row as the label's workflow leaves it (decision 029), written straight into the table so
 * the public side is tested on every status without walking the review each time. The number is
 * random in a year no other test uses, so test files sharing the database never collide.
 */
export async function createLabel(options: {
  productId: string;
  status: "PENDING" | "CHANGES_REQUESTED" | "GRANTED" | "REFUSED" | "SUSPENDED" | "REVOKED";
  validFrom: Date | null;
  validUntil: Date | null;
  number?: string;
}) {
  const id = randomUUID();
  const number = options.number ?? `DM-${randomInt(2100, 2999)}-${String(randomInt(1, 9999)).padStart(4, "0")}`;
  await insertLabel(id, options.productId, options.status, number, options.validFrom, options.validUntil);
  return { id, number };
}

/** An application never granted: no number, no validity. */
export async function createApplication(productId: string) {
  const id = randomUUID();
  await insertLabel(id, productId, "PENDING", null, null, null);
  return { id };
}

async function insertLabel(id: string, productId: string, status: string, number: string | null, validFrom: Date | null, validUntil: Date | null) {
  await db().$executeRaw`
    INSERT INTO "Label" (id, "productId", status, "productClass", "placeName", "placeLat", "placeLon", "submittedAt", number, "grantedAt", "validFrom", "validUntil")
    VALUES (${id}, ${productId}, ${status}::"LabelStatus", 'FARM'::"LabelProductClass", 'Ferme du test', 49.9, 1.1,
            ${new Date("2026-01-02T00:00:00Z")}, ${number}, ${validFrom}, ${validFrom}, ${validUntil})`;
}
