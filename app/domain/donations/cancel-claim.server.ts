import { db, type Tx } from "~/db.server";
import { unitsText } from "~/domain/donations/donation-format";
import { toUnits } from "~/domain/donations/donation-quantity";
import { DomainError } from "~/domain/errors";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { renderEmail } from "~/domain/mail/render-email";
import { formatParis } from "~/domain/time/paris";
import type { Locale } from "~/i18n/messages";

export type CancelledClaim = { id: string; lotId: string; quantityMilli: number; unit: "KG" | "PIECE" | "LITRE"; status: "CANCELLED" };

export type CancelClaimOptions = {
  claimId: string;
  /** The charity the caller acts for: only its own claims are found (someone else's is a 404). */
  charityId: string;
  now: Date;
};

type Unit = "KG" | "PIECE" | "LITRE";

type LotAfter = {
  productName: string;
  unit: Unit;
  quantityMilli: number;
  claimedMilli: number;
  pickupStart: Date;
  pickupEnd: Date;
  charityName: string;
  donorMembers: Array<{ email: string; name: string; locale: Locale }>;
};

/**
 * A charity cancels one of its reservations before the end of the pickup window: RESERVED →
 * CANCELLED and the quantity goes back to the lot, claimable again, in one transaction. The
 * conditional UPDATE on the claim's status decides: of two cancels at once, the second waits for
 * the row, finds it no longer RESERVED and gives nothing back (409 claim_closed). The donor's
 * members are told by email, in the same transaction.
 */
export async function cancelClaim(options: CancelClaimOptions): Promise<CancelledClaim> {
  return db().$transaction((tx) => cancelClaimIn(tx, options));
}

async function cancelClaimIn(tx: Tx, { claimId, charityId, now }: CancelClaimOptions): Promise<CancelledClaim> {
  const [cancelled] = await tx.$queryRaw<Array<{ lotId: string; quantityMilli: number }>>`
    UPDATE "DonationClaim" c SET status = 'CANCELLED'
    FROM "DonationLot" l
    WHERE c.id = ${claimId} AND c."charityId" = ${charityId} AND c.status = 'RESERVED' AND l.id = c."lotId" AND l."pickupEnd" > ${now}
    RETURNING c."lotId", c."quantityMilli"`;
  if (!cancelled) throw await whyNot(tx, claimId, charityId);

  const [lot] = await tx.$queryRaw<LotAfter[]>`
    UPDATE "DonationLot" l SET "claimedMilli" = l."claimedMilli" - ${cancelled.quantityMilli}
    WHERE l.id = ${cancelled.lotId}
    RETURNING l."productName", l.unit::text AS unit, l."quantityMilli", l."claimedMilli", l."pickupStart", l."pickupEnd",
      (SELECT name FROM "Organisation" WHERE id = ${charityId}) AS "charityName",
      COALESCE((SELECT json_agg(json_build_object('email', u.email, 'name', u.name, 'locale', u.locale) ORDER BY u.email)
                FROM "Membership" m JOIN "User" u ON u.id = m."userId"
                WHERE m."organisationId" = l."donorId" AND m.role = 'PRODUCER'), '[]'::json) AS "donorMembers"`;
  if (!lot) throw new DomainError("not_found");

  for (const member of lot.donorMembers) {
    await enqueueEmail(tx, {
      to: member.email,
      locale: member.locale,
      ...claimCancelledEmail(member.locale, {
        name: member.name,
        charityName: lot.charityName,
        productName: lot.productName,
        unit: lot.unit,
        cancelled: toUnits(cancelled.quantityMilli),
        remaining: toUnits(lot.quantityMilli - lot.claimedMilli),
        pickupStart: lot.pickupStart,
        pickupEnd: lot.pickupEnd,
      }),
    });
  }
  return { id: claimId, lotId: cancelled.lotId, quantityMilli: cancelled.quantityMilli, unit: lot.unit, status: "CANCELLED" };
}

/** Nothing was cancelled: someone else's or unknown claim (404), or one no longer to cancel (409). */
async function whyNot(tx: Tx, claimId: string, charityId: string): Promise<DomainError> {
  const [claim] = await tx.$queryRaw<Array<{ status: string }>>`
    SELECT c.status::text AS status FROM "DonationClaim" c WHERE c.id = ${claimId} AND c."charityId" = ${charityId}`;
  if (!claim) return new DomainError("not_found");
  if (claim.status === "RESERVED") return new DomainError("claim_closed", { messageKey: "claiming.cancel.window_ended" });
  return new DomainError("claim_closed");
}

/** To each member of the donor: a charity gave back its reservation; the quantity is claimable again. */
export function claimCancelledEmail(
  locale: Locale,
  input: { name: string; charityName: string; productName: string; unit: Unit; cancelled: number; remaining: number; pickupStart: Date; pickupEnd: Date },
) {
  const window = `${formatParis(input.pickupStart, locale)} – ${formatParis(input.pickupEnd, locale)}`;
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `${input.charityName} a annulé sa réservation de ${input.productName}`,
        greeting: `Bonjour ${input.name},`,
        paragraphs: [
          `${input.charityName} a annulé sa réservation de ${unitsText(input.cancelled, input.unit, locale)} de ${input.productName} : elle ne viendra pas la retirer.`,
          `Cette quantité est de nouveau proposée aux associations ; il reste ${unitsText(input.remaining, input.unit, locale)} à réserver (retrait : ${window}).`,
        ],
      })
    : renderEmail({
        locale,
        subject: `${input.charityName} cancelled its claim on ${input.productName}`,
        greeting: `Hello ${input.name},`,
        paragraphs: [
          `${input.charityName} cancelled its claim of ${unitsText(input.cancelled, input.unit, locale)} of ${input.productName}: it will not come to collect it.`,
          `That quantity is offered to charities again; ${unitsText(input.remaining, input.unit, locale)} remain to claim (pickup: ${window}).`,
        ],
      });
}
