import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db, type DbOrTx } from "~/db.server";
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";
import { toUnits } from "~/domain/donations/donation-quantity";
import { issueContributionInvoice } from "~/domain/donations/issue-contribution-invoice.server";
import { pickupCollectedEmail } from "~/domain/donations/pickup-emails";
import { pickupBreaches } from "~/domain/donations/donation-rules";
import { handOverTemperature, type PickupStorage, type TemperatureBreach } from "~/domain/donations/pickup-rules";
import { DomainError } from "~/domain/errors";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import type { Locale, MessageKey } from "~/i18n/messages";

export const confirmPickupSchema = z.object({
  pickupCode: z.string({ error: "donations.pickup.field.pickupCode" }).trim().regex(/^[0-9]{6}$/, { error: "donations.pickup.field.pickupCode" }),
  temperatureC: z
    .number({ error: "donations.pickup.field.temperatureC" })
    .min(-40, { error: "donations.pickup.field.temperatureC" })
    .max(20, { error: "donations.pickup.field.temperatureC" })
    .optional(),
});

/** Hand-overs of one workshop queue on its invoice counter's row: waiting is normal, not a 500. */
const HAND_OVER_TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

/** Five wrong codes for one claim, then no more tries for 15 minutes: a code has 10^6 values. */
export const PICKUP_CODE_RULE = { limit: 5, windowSeconds: 15 * 60 };

export type CollectedClaim = {
  id: string;
  lotId: string;
  quantity: number;
  status: "collected";
  collectedAt: Date;
  temperatureC: number | null;
};

export type ConfirmPickupInput = z.infer<typeof confirmPickupSchema> & {
  claimId: string;
  /** The donor organisation the caller acts for: only its lots' claims are found. */
  donorId: string;
  userId: string;
  now: Date;
};

const temperatureMessages: Record<TemperatureBreach, MessageKey> = {
  required: "donations.pickup.temperature.required",
  cold_chain_broken: "donations.pickup.temperature.cold_chain_broken",
  not_frozen: "donations.pickup.temperature.not_frozen",
};

type ClaimRow = {
  id: string;
  lotId: string;
  donorId: string;
  charityId: string;
  contributionCents: number;
  quantityMilli: number;
  pickupCode: string;
  status: "RESERVED" | "COLLECTED" | "MISSED" | "CANCELLED";
  lotStatus: "OPEN" | "EXPIRED" | "WITHDRAWN";
  storage: PickupStorage;
  useBy: string | null;
  bestBefore: string | null;
  rawFishery: boolean;
  categoryId: string | null;
  remainingMilli: number;
  pickupStart: Date;
  pickupEnd: Date;
  unit: "KG" | "PIECE" | "LITRE";
  productName: string;
  lotNumber: string | null;
  donorName: string;
  redistributesSameDay: boolean | null;
};

/**
 * The donor confirms a hand-over with the charity's pickup code. The claim is found only through
 * a lot of the caller's organisation (anyone else: 404, telling nothing). Wrong codes are counted
 * outside the transaction, so they stay counted when the attempt is refused. The collection
 * itself is one conditional UPDATE RESERVED → COLLECTED: two confirmations collect once. The
 * charity's members are emailed in the same transaction.
 */
export async function confirmPickup(input: ConfirmPickupInput): Promise<CollectedClaim> {
  const claim = await findDonorClaim(db(), input.claimId, input.donorId);
  if (!claim) throw new DomainError("not_found");
  if (claim.status !== "RESERVED") throw new DomainError("claim_closed");
  // A withdrawn lot takes no new claim, but a charity already on its way still collects its reservation.

  const attempt = await hitRateLimit(db(), `pickup-code:${claim.id}`, PICKUP_CODE_RULE, input.now);
  if (!attempt.allowed) throw new DomainError("rate_limited", { retryAfterSeconds: attempt.retryAfterSeconds });
  if (!sameCode(claim.pickupCode, input.pickupCode)) throw new DomainError("pickup_code_invalid");

  const temperature = handOverTemperature(claim.storage, input.temperatureC);
  if ("breach" in temperature) {
    throw new DomainError("invalid", { field: "temperatureC", messageKey: temperatureMessages[temperature.breach] });
  }
  // The hand-over rules of donation-rules.ts: inside the window, nothing past its use-by date, and
  // the 48 h rule for chilled food unless the charity redistributes the same day.
  const [breach] = pickupBreaches(
    {
      storage: claim.storage,
      useBy: claim.useBy,
      bestBefore: claim.bestBefore,
      rawFishery: claim.rawFishery,
      categoryId: claim.categoryId,
      quantityMilli: claim.remainingMilli,
      pickupStart: claim.pickupStart,
      pickupEnd: claim.pickupEnd,
      frozenAtMinus18: claim.storage === "FROZEN",
    },
    { redistributesSameDay: claim.redistributesSameDay ?? false },
    input.now,
  );
  if (breach) {
    const code = breach.messageKey === "donations.rule.window.ended" ? "lot_closed" : "invalid";
    throw new DomainError(code, { messageKey: breach.messageKey, messageParams: breach.params });
  }

  return db().$transaction(async (tx) => {
    const [collected] = await tx.$queryRaw<Array<{ collectedAt: Date; temperatureDeciC: number | null }>>`
      UPDATE "DonationClaim" SET status = 'COLLECTED', "collectedAt" = ${input.now}, "collectedById" = ${input.userId},
        "temperatureDeciC" = ${temperature.deciC}
      WHERE id = ${claim.id} AND status = 'RESERVED'
      RETURNING "collectedAt", "temperatureDeciC"`;
    if (!collected) throw new DomainError("claim_closed");
    // Paniers de la mer: a processed lot's solidarity contribution is invoiced at the hand-over.
    if (claim.contributionCents > 0) {
      await issueContributionInvoice(tx, { id: claim.id, issuerId: claim.donorId, charityId: claim.charityId, contributionCents: claim.contributionCents }, input.now);
    }

    const recipients = await tx.$queryRaw<Array<{ email: string; name: string; locale: Locale }>>`
      SELECT u.email, u.name, u.locale::text AS locale FROM "DonationClaim" c
      JOIN "Membership" m ON m."organisationId" = c."charityId" AND m.role = 'CHARITY'
      JOIN "User" u ON u.id = m."userId"
      WHERE c.id = ${claim.id} ORDER BY u.email`;
    for (const recipient of recipients) {
      await enqueueEmail(tx, {
        to: recipient.email,
        locale: recipient.locale,
        ...pickupCollectedEmail(recipient.locale, {
          name: recipient.name,
          donorName: claim.donorName,
          productName: claim.productName,
          quantity: toUnits(claim.quantityMilli),
          unit: claim.unit,
          lotNumber: claim.lotNumber,
          collectedAt: collected.collectedAt,
          temperatureC: collected.temperatureDeciC === null ? null : collected.temperatureDeciC / 10,
        }),
      });
    }
    return {
      id: claim.id,
      lotId: claim.lotId,
      quantity: toUnits(claim.quantityMilli),
      status: "collected",
      collectedAt: collected.collectedAt,
      temperatureC: collected.temperatureDeciC === null ? null : collected.temperatureDeciC / 10,
    };
  }, HAND_OVER_TRANSACTION_OPTIONS);
}

function findDonorClaim(client: DbOrTx, claimId: string, donorId: string): Promise<ClaimRow | undefined> {
  return client.$queryRaw<ClaimRow[]>`
    SELECT c.id, c."lotId", l."donorId", c."charityId", c."contributionCents", c."quantityMilli", c."pickupCode", c.status::text AS status, l.status::text AS "lotStatus",
      l.storage::text AS storage, l."useBy", l."bestBefore", l."rawFishery", l."categoryId", l."quantityMilli" - l."claimedMilli" AS "remainingMilli", l."pickupStart", l."pickupEnd", l.unit::text AS unit, l."productName", l."lotNumber",
      d.name AS "donorName", s."redistributesSameDay"
    FROM "DonationClaim" c
    JOIN "DonationLot" l ON l.id = c."lotId"
    JOIN "Organisation" d ON d.id = l."donorId"
    LEFT JOIN "CharitySettings" s ON s."organisationId" = c."charityId"
    WHERE c.id = ${claimId} AND l."donorId" = ${donorId}`.then((rows) => rows[0]);
}

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
