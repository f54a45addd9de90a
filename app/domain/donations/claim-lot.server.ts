import { randomInt, randomUUID } from "node:crypto";
import { db, type Tx } from "~/db.server";
import { CHARITY_SETTINGS_COLUMNS, type CharitySettingsRow } from "~/domain/donations/charity-settings.server";
import { toMilli, toUnits } from "~/domain/donations/donation-quantity";
import { claimBreaches, type LotFacts } from "~/domain/donations/donation-rules";
import { lotClaimedEmail } from "~/domain/donations/lot-emails";
import type { ClaimLotInput } from "~/domain/donations/lot-input";
import { DomainError } from "~/domain/errors";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import type { Locale } from "~/i18n/messages";

export type ClaimedLot = {
  id: string;
  lotId: string;
  quantityMilli: number;
  pickupCode: string;
  status: "RESERVED";
  createdAt: Date;
};

export type ClaimLotOptions = {
  input: ClaimLotInput;
  lotId: string;
  /** The verified charity claiming (the route checks who acts for it). */
  charity: { id: string; name: string };
  claimedById: string;
  now: Date;
};

type LotRow = {
  id: string;
  donorId: string;
  status: "OPEN" | "EXPIRED" | "WITHDRAWN";
  productName: string;
  unit: "KG" | "PIECE" | "LITRE";
  quantityMilli: number;
  claimedMilli: number;
  storage: LotFacts["storage"];
  useBy: string | null;
  bestBefore: string | null;
  rawFishery: boolean;
  categoryId: string | null;
  pickupStart: Date;
  pickupEnd: Date;
  contributionCentsPerUnit: number | null;
  donorMembers: Array<{ email: string; name: string; locale: Locale }>;
  settings: CharitySettingsRow | null;
};

/** Waiting for the lot's row under a rush of claims is normal: give it time, not a 500. */
const CLAIM_TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

/**
 * A verified charity claims part or all of a lot, first come first served. The charity's
 * settings and approvals are checked against the lot (a broken rule is a 403 naming it); then
 * ONE conditional UPDATE takes the quantity, so that under any concurrency a lot is never
 * over-claimed (the CHECK `claimedMilli <= quantityMilli` backs it). When it takes nothing, the
 * lot is read again to say why: closed, or what remains (409 exceeds_remaining). The claim gets a
 * random six-digit pickup code, and the donor an email (without the code), in the same transaction.
 */
export async function claimLot(options: ClaimLotOptions): Promise<ClaimedLot> {
  const quantityMilli = toMilli(options.input.quantity);
  if (quantityMilli === null) throw new DomainError("invalid", { field: "quantity", messageKey: "donations.claim.field.quantity.decimals" });
  return db().$transaction((tx) => claimLotIn(tx, options, quantityMilli), CLAIM_TRANSACTION_OPTIONS);
}

async function claimLotIn(tx: Tx, options: ClaimLotOptions, quantityMilli: number): Promise<ClaimedLot> {
  const { now, charity } = options;
  const [lot] = await tx.$queryRawUnsafe<LotRow[]>(
    `SELECT l.id, l."donorId", l.status::text AS status, l."productName", l.unit::text AS unit, l."quantityMilli", l."claimedMilli",
       l.storage::text AS storage, l."useBy", l."bestBefore", l."rawFishery", l."categoryId", l."pickupStart", l."pickupEnd",
       l."contributionCentsPerUnit",
       COALESCE((SELECT json_agg(json_build_object('email', u.email, 'name', u.name, 'locale', u.locale) ORDER BY u.email)
                 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
                 WHERE m."organisationId" = l."donorId" AND m.role IN ('PRODUCER', 'CHARITY')), '[]'::json) AS "donorMembers",
       (SELECT row_to_json(c) FROM (SELECT ${CHARITY_SETTINGS_COLUMNS}
          FROM "Organisation" o LEFT JOIN "CharitySettings" s ON s."organisationId" = o.id WHERE o.id = $2) c) AS settings
     FROM "DonationLot" l WHERE l.id = $1`,
    options.lotId,
    charity.id,
  );
  if (!lot || !lot.settings) throw new DomainError("not_found");
  // A workshop's processed lots are for the other charities.
  if (lot.donorId === charity.id) throw new DomainError("forbidden", { messageKey: "donations.claim.own_lot" });
  if (lot.status !== "OPEN" || lot.pickupEnd.getTime() <= now.getTime()) throw new DomainError("lot_closed");

  const facts: LotFacts = {
    storage: lot.storage,
    useBy: lot.useBy,
    bestBefore: lot.bestBefore,
    rawFishery: lot.rawFishery,
    categoryId: lot.categoryId,
    quantityMilli: lot.quantityMilli - lot.claimedMilli,
    pickupStart: lot.pickupStart,
    pickupEnd: lot.pickupEnd,
    frozenAtMinus18: lot.storage === "FROZEN",
  };
  const [breach] = claimBreaches(facts, lot.settings, quantityMilli, now);
  if (breach) {
    // Past its date or window, the lot is closed for everyone; any other rule is about this charity.
    const closed = breach.messageKey === "donations.rule.use_by_passed" || breach.messageKey === "donations.rule.window.ended";
    throw new DomainError(closed ? "lot_closed" : "forbidden", { messageKey: breach.messageKey, messageParams: breach.params });
  }

  const [taken] = await tx.$queryRaw<Array<{ quantityMilli: number; claimedMilli: number }>>`
    UPDATE "DonationLot" SET "claimedMilli" = "claimedMilli" + ${quantityMilli}
    WHERE id = ${lot.id} AND status = 'OPEN' AND "pickupEnd" > ${now} AND "claimedMilli" + ${quantityMilli} <= "quantityMilli"
    RETURNING "quantityMilli", "claimedMilli"`;
  if (!taken) {
    // Read again, after whatever committed while this claim waited for the row.
    const [current] = await tx.$queryRaw<Array<{ status: string; pickupEnd: Date; quantityMilli: number; claimedMilli: number }>>`
      SELECT status::text AS status, "pickupEnd", "quantityMilli", "claimedMilli" FROM "DonationLot" WHERE id = ${lot.id}`;
    if (!current) throw new DomainError("not_found");
    if (current.status !== "OPEN" || current.pickupEnd.getTime() <= now.getTime()) throw new DomainError("lot_closed");
    throw new DomainError("exceeds_remaining", { field: "quantity", remaining: toUnits(current.quantityMilli - current.claimedMilli) });
  }

  const claim = await tx.donationClaim.create({
    data: {
      id: randomUUID(),
      lotId: lot.id,
      charityId: charity.id,
      claimedById: options.claimedById,
      quantityMilli,
      pickupCode: String(randomInt(0, 1_000_000)).padStart(6, "0"),
      contributionCents: lot.contributionCentsPerUnit === null ? 0 : Math.round((lot.contributionCentsPerUnit * quantityMilli) / 1000),
      createdAt: now,
    },
    select: { id: true, lotId: true, quantityMilli: true, pickupCode: true, createdAt: true },
  });

  for (const member of lot.donorMembers) {
    await enqueueEmail(tx, {
      to: member.email,
      locale: member.locale,
      ...lotClaimedEmail(member.locale, {
        name: member.name,
        productName: lot.productName,
        unit: lot.unit,
        claimed: toUnits(quantityMilli),
        remaining: toUnits(taken.quantityMilli - taken.claimedMilli),
        charityName: charity.name,
        pickupStart: lot.pickupStart,
        pickupEnd: lot.pickupEnd,
      }),
    });
  }
  return { ...claim, status: "RESERVED" };
}
