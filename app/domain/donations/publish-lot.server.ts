import { randomUUID } from "node:crypto";
import type { LotCommon } from "~/domain/donations/lot";
import type { DonationLot } from "~/generated/prisma/client";
import { db, type Tx } from "~/db.server";
import { CHARITY_SETTINGS_COLUMNS, type CharitySettingsRow } from "~/domain/donations/charity-settings.server";
import { storageCodes, toMilli, unitCodes } from "~/domain/donations/donation-quantity";
import { lotPublicationBreaches, matchesCharity, type LotFacts, type RuleBreach } from "~/domain/donations/donation-rules";
import { lotAvailableEmail } from "~/domain/donations/lot-emails";
import type { PublishLotInput } from "~/domain/donations/lot-input";
import { DomainError } from "~/domain/errors";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import type { Locale } from "~/i18n/messages";
import { postalAddress } from "~/domain/postal-address";

/** The charities' page of lots to claim (pages come in a later step of issue 4). */
export const CHARITY_LOTS_PATH = "/association/lots";

export type PublishedLot = LotCommon & Pick<DonationLot, "donorId" | "claimedMilli" | "costPriceCents" | "status" | "createdAt">;

/** Where a lot comes from, beyond the donor's form: the unsold offer, the photo, the raw claim it was processed from. */
export type LotOrigin = {
  /** The unsold offer of a closed distribution this lot is made of (at most one lot per offer). */
  offerId?: string;
  photoId?: string;
  /** Paniers de la mer: the collected claim of the raw lot this processed lot was made from. */
  sourceClaimId?: string;
  /** Paniers de la mer: the solidarity contribution per unit charities pay for it. */
  contributionCentsPerUnit?: number;
};

export type PublishLotOptions = {
  input: PublishLotInput;
  origin?: LotOrigin;
  /** The verified producer organisation giving the lot (the route checks who acts for it). */
  donor: { id: string; name: string };
  createdById: string;
  now: Date;
  appUrl: string;
};

/** Which field a broken publication rule is about, for the form and the API's `issues`. */
const fieldOfBreach: Partial<Record<RuleBreach["messageKey"], keyof PublishLotInput>> = {
  "donations.rule.dates.both": "bestBefore",
  "donations.rule.dates.use_by_invalid": "useBy",
  "donations.rule.dates.best_before_invalid": "bestBefore",
  "donations.rule.dates.pickup_invalid": "pickupStart",
  "donations.rule.use_by_passed": "useBy",
  "donations.rule.frozen_statement": "frozenAtMinus18",
};

const LOT_SELECT = {
  id: true, donorId: true, productName: true, description: true, categoryId: true, unit: true, quantityMilli: true, claimedMilli: true, storage: true,
  useBy: true, bestBefore: true, lotNumber: true, rawFishery: true, pickupPlace: true, pickupStart: true, pickupEnd: true, costPriceCents: true, status: true, createdAt: true,
} as const;

/**
 * A verified producer publishes a lot. The publication rules (donation-rules.ts) are checked
 * first: the first broken one is a 400 naming it, and nothing is written. Then, in one
 * transaction, the lot is created and every member of every verified charity whose settings
 * match it gets an email (outbox) in their language.
 */
export async function publishLot(options: PublishLotOptions): Promise<PublishedLot> {
  const facts = checkLotPublication(options.input, options.now);
  return db().$transaction((tx) => publishLotIn(tx, options, facts), { maxWait: 20_000, timeout: 20_000 });
}

/**
 * The publication rules alone, before any write: the lot's facts, or a 400 `invalid` naming the
 * field and the first broken rule. Use cases that publish several lots at once check them all first.
 */
export function checkLotPublication(input: PublishLotInput, now: Date): LotFacts {
  const quantityMilli = toMilli(input.quantity);
  if (quantityMilli === null) throw new DomainError("invalid", { field: "quantity", messageKey: "donations.lot.field.quantity.decimals" });
  const facts: LotFacts = {
    storage: storageCodes[input.storage],
    useBy: input.useBy ?? null,
    bestBefore: input.bestBefore ?? null,
    rawFishery: input.rawFishery ?? false,
    categoryId: input.categoryId ?? null,
    quantityMilli,
    pickupStart: input.pickupStart,
    pickupEnd: input.pickupEnd,
    frozenAtMinus18: input.frozenAtMinus18 ?? false,
  };
  const [breach] = lotPublicationBreaches(facts, now);
  if (breach) {
    throw new DomainError("invalid", {
      field: fieldOfBreach[breach.messageKey] ?? (breach.rule === "window" ? "pickupEnd" : breach.rule),
      messageKey: breach.messageKey,
      messageParams: breach.params,
    });
  }
  return facts;
}

/** Writes a checked lot and its alerts inside the caller's transaction. */
export async function publishLotIn(tx: Tx, options: PublishLotOptions, facts: LotFacts): Promise<PublishedLot> {
  const { input, donor, now } = options;
  const origin = options.origin ?? {};
  if (facts.categoryId !== null) {
    const category = await tx.category.findUnique({ where: { id: facts.categoryId }, select: { id: true } });
    if (!category) throw new DomainError("invalid", { field: "categoryId", messageKey: "donations.lot.field.categoryId" });
  }
  const pickupPlace = input.pickupPlace || (await donorAddress(tx, donor));
  const lot = await tx.donationLot.create({
    data: {
      id: randomUUID(),
      donorId: donor.id,
      createdById: options.createdById,
      productName: input.productName,
      description: input.description ?? "",
      categoryId: facts.categoryId,
      unit: unitCodes[input.unit],
      quantityMilli: facts.quantityMilli,
      storage: facts.storage,
      useBy: facts.useBy,
      bestBefore: facts.bestBefore,
      lotNumber: input.lotNumber || null,
      rawFishery: facts.rawFishery,
      pickupPlace,
      pickupStart: facts.pickupStart,
      pickupEnd: facts.pickupEnd,
      costPriceCents: input.costPriceCents,
      offerId: origin.offerId ?? null,
      photoId: origin.photoId ?? null,
      sourceClaimId: origin.sourceClaimId ?? null,
      contributionCentsPerUnit: origin.contributionCentsPerUnit ?? null,
      createdAt: now,
    },
    select: LOT_SELECT,
  });

  // One statement: every verified charity with its settings (defaults when it has none) and members.
  const charities = await tx.$queryRawUnsafe<Array<CharitySettingsRow & { id: string; name: string; members: Array<{ email: string; name: string; locale: Locale }> }>>(
    `SELECT o.id, o.name, ${CHARITY_SETTINGS_COLUMNS},
       COALESCE((SELECT json_agg(json_build_object('email', u.email, 'name', u.name, 'locale', u.locale) ORDER BY u.email)
                 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
                 WHERE m."organisationId" = o.id AND m.role = 'CHARITY'), '[]'::json) AS members
     FROM "Organisation" o LEFT JOIN "CharitySettings" s ON s."organisationId" = o.id
     WHERE o.kind = 'CHARITY' AND o."verifiedAt" IS NOT NULL
     ORDER BY o.name, o.id`,
  );
  const lotsUrl = `${options.appUrl}${CHARITY_LOTS_PATH}`;
  for (const charity of charities) {
    if (!matchesCharity(facts, charity, now)) continue;
    for (const member of charity.members) {
      await enqueueEmail(tx, {
        to: member.email,
        locale: member.locale,
        ...lotAvailableEmail(member.locale, {
          name: member.name,
          charityName: charity.name,
          donorName: donor.name,
          productName: lot.productName,
          quantity: lot.quantityMilli / 1000,
          unit: lot.unit,
          pickupPlace: lot.pickupPlace,
          pickupStart: lot.pickupStart,
          pickupEnd: lot.pickupEnd,
          lotsUrl,
        }),
      });
    }
  }
  return lot;
}

/** Where to pick up when the donor does not say: its full address (postcode and town included), else its name. */
async function donorAddress(tx: Tx, donor: { id: string; name: string }): Promise<string> {
  const organisation = await tx.organisation.findUnique({
    where: { id: donor.id },
    select: { address: true, name: true, commune: { select: { postalCode: true, name: true } } },
  });
  if (!organisation) return donor.name;
  return postalAddress(organisation.address, organisation.commune?.postalCode ?? null, organisation.commune?.name ?? null) || organisation.name;
}
