import { randomBytes } from "node:crypto";
import { db, type Tx } from "~/db.server";
import { hitRateLimit, type RateLimitRule } from "~/domain/accounts/rate-limit.server";
import { hashToken } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { MAX_CART_LINES } from "~/domain/ordering/cart-summary";
import { cartFullError, refuseUnlessCartable } from "~/domain/ordering/cart.server";

/** A visitor's cart is kept this long after its last change (decision 024), then purged. */
export const GUEST_CART_DAYS = 30;

/**
 * New visitor carts opened from one client address: a family, a market stall's wifi or a school
 * open a few; a script opening carts by the thousand (rows and cookies) is stopped here.
 */
export const GUEST_CARTS_PER_ADDRESS: RateLimitRule = { limit: 60, windowSeconds: 3600 };

export type GuestCartCookie = { token: string; expiresAt: Date };

function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + GUEST_CART_DAYS * 24 * 3600_000);
}

/**
 * Puts a quantity of an offer in a visitor's cart (0 takes it out), under the signed-in cart's
 * rules (refuseUnlessCartable). The visitor's token names the cart only if it is one this server
 * issued and it has not expired: any other token (forged, stale, another site's) is ignored and a
 * new cart is opened with a fresh random token, so nobody chooses the name of a cart. A refusal
 * writes nothing and opens no cart. Returns the cookie to set: the same token with a later end,
 * or a new one; null when there is nothing to keep (0 asked and no cart).
 */
export async function putInGuestCart(input: { token: string | undefined; offerId: string; quantity: number; now: Date; clientAddress: string }): Promise<GuestCartCookie | null> {
  await refuseUnlessCartable(input);
  const expiresAt = expiryFrom(input.now);
  return db().$transaction(async (tx) => {
    const liveId = input.token ? await liveGuestCartId(tx, hashToken(input.token), input.now) : null;
    if (input.quantity === 0) {
      if (!liveId || !input.token) return null;
      await tx.guestCartItem.deleteMany({ where: { guestCartId: liveId, offerId: input.offerId } });
      await tx.guestCart.update({ where: { id: liveId }, data: { expiresAt } });
      return { token: input.token, expiresAt };
    }
    let token = input.token;
    let cartId = liveId;
    if (!cartId || !token) {
      const limit = await hitRateLimit(tx, `guest-cart:address:${input.clientAddress}`, GUEST_CARTS_PER_ADDRESS, input.now);
      if (!limit.allowed) throw new DomainError("rate_limited", { retryAfterSeconds: limit.retryAfterSeconds });
      token = randomBytes(32).toString("base64url");
      cartId = hashToken(token);
      await tx.guestCart.create({ data: { id: cartId, createdAt: input.now, expiresAt } });
    } else {
      const others = await tx.guestCartItem.count({ where: { guestCartId: cartId, offerId: { not: input.offerId } } });
      if (others >= MAX_CART_LINES) throw cartFullError();
      await tx.guestCart.update({ where: { id: cartId }, data: { expiresAt } });
    }
    await tx.guestCartItem.upsert({
      where: { guestCartId_offerId: { guestCartId: cartId, offerId: input.offerId } },
      create: { guestCartId: cartId, offerId: input.offerId, quantity: input.quantity, updatedAt: input.now },
      update: { quantity: input.quantity, updatedAt: input.now },
    });
    return { token, expiresAt };
  });
}

async function liveGuestCartId(tx: Tx, id: string, now: Date): Promise<string | null> {
  // FOR UPDATE: a merge at login running at the same moment waits, then finds the cart gone.
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "GuestCart" WHERE id = ${id} AND "expiresAt" > ${now} FOR UPDATE`;
  return row?.id ?? null;
}

/**
 * At login and sign-up, in their transaction: the visitor's lines move into the account's cart
 * and the visitor's cart is deleted. When the account already holds the same offer, the larger
 * quantity is kept — the same choice made on two devices is not doubled, and neither choice is
 * cut down (decision 024). The account's cart stays within its bound: lines beyond it are dropped,
 * the earliest added kept. Returns how many of the visitor's articles the account's cart now holds.
 */
export async function mergeGuestCart(tx: Tx, input: { token: string | undefined; userId: string; now: Date }): Promise<number> {
  if (!input.token) return 0;
  const cartId = await liveGuestCartId(tx, hashToken(input.token), input.now);
  if (!cartId) return 0;
  const merged = await tx.$executeRaw`
    INSERT INTO "CartItem" ("userId", "offerId", quantity, "updatedAt")
    SELECT ${input.userId}, gi."offerId", gi.quantity, ${input.now}
    FROM "GuestCartItem" gi
    WHERE gi."guestCartId" = ${cartId}
      AND (EXISTS (SELECT 1 FROM "CartItem" c WHERE c."userId" = ${input.userId} AND c."offerId" = gi."offerId")
           OR gi."offerId" IN (
             SELECT g2."offerId" FROM "GuestCartItem" g2
             WHERE g2."guestCartId" = ${cartId}
               AND NOT EXISTS (SELECT 1 FROM "CartItem" c2 WHERE c2."userId" = ${input.userId} AND c2."offerId" = g2."offerId")
             ORDER BY g2."updatedAt", g2."offerId"
             LIMIT GREATEST(0, ${MAX_CART_LINES} - (SELECT count(*) FROM "CartItem" c3 WHERE c3."userId" = ${input.userId}))))
    ON CONFLICT ("userId", "offerId") DO UPDATE
      SET quantity = GREATEST("CartItem".quantity, EXCLUDED.quantity), "updatedAt" = EXCLUDED."updatedAt"`;
  await tx.guestCart.delete({ where: { id: cartId } });
  return merged;
}
