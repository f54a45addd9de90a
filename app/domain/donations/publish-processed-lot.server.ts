import { db } from "~/db.server";
import { kilosLeftToProcess } from "~/domain/donations/claim-rules";
import type { LotFacts } from "~/domain/donations/donation-rules";
import { toUnits } from "~/domain/donations/donation-quantity";
import type { PublishLotInput } from "~/domain/donations/lot-input";
import { checkLotPublication, publishLotIn, type PublishedLot } from "~/domain/donations/publish-lot.server";
import { DomainError } from "~/domain/errors";

/** The most a solidarity contribution can be per unit: 100 € (a kilo of fillets costs a few euros). */
export const MAX_CONTRIBUTION_CENTS_PER_UNIT = 10_000;

export type PublishProcessedLotOptions = {
  /** The lot as any donor describes it; rawFishery is ignored: a processed lot is never raw. */
  input: PublishLotInput;
  /** The workshop's own collected claim of a raw fishery lot the product was made from. */
  sourceClaimId: string;
  /** The solidarity contribution per unit (kg, piece, litre) charities pay, VAT included, in cents. */
  contributionCentsPerUnit: number;
  /** The charity organisation acting as a processing workshop (the route checks who acts for it). */
  workshop: { id: string; name: string };
  createdById: string;
  now: Date;
  appUrl: string;
};

type SourceRow = { charityId: string; status: string; quantityMilli: number; rawFishery: boolean; unit: string; processedMilli: number };

/**
 * Paniers de la mer: a processing workshop publishes a lot it made (fillets, 1 kg frozen bags) from
 * raw fish it collected. The publication rules of any lot apply first (nothing written when one
 * breaks). Then, in one transaction: the workshop must be verified and approved as a processing
 * workshop (403); the source claim is locked (FOR UPDATE) and must be the workshop's own (else 404,
 * telling nothing), collected, of a raw fishery lot (400 naming the rule); the kilos made from one
 * claim never exceed the kilos of raw fish it collected (fillets weigh less than whole fish) —
 * counted over every lot already made from it, under the claim's lock; then the lot is written and
 * matching charities alerted by publishLotIn.
 */
export async function publishProcessedLot(options: PublishProcessedLotOptions): Promise<PublishedLot> {
  const { contributionCentsPerUnit } = options;
  if (!Number.isSafeInteger(contributionCentsPerUnit) || contributionCentsPerUnit < 0 || contributionCentsPerUnit > MAX_CONTRIBUTION_CENTS_PER_UNIT) {
    throw new DomainError("invalid", { field: "contribution", messageKey: "sea.field.contribution" });
  }
  const input: PublishLotInput = { ...options.input, rawFishery: false };
  const facts: LotFacts = checkLotPublication(input, options.now);

  return db().$transaction(
    async (tx) => {
      const [workshop] = await tx.$queryRaw<Array<{ verified: boolean; processingWorkshop: boolean }>>`
        SELECT o."verifiedAt" IS NOT NULL AS verified, COALESCE(s."processingWorkshop", false) AS "processingWorkshop"
        FROM "Organisation" o LEFT JOIN "CharitySettings" s ON s."organisationId" = o.id
        WHERE o.id = ${options.workshop.id} AND o.kind = 'CHARITY'`;
      if (!workshop || !workshop.verified || !workshop.processingWorkshop) throw new DomainError("forbidden", { messageKey: "sea.workshop.not_approved" });

      const [source] = await tx.$queryRaw<SourceRow[]>`
        SELECT c."charityId", c.status::text AS status, c."quantityMilli", l."rawFishery", l.unit::text AS unit,
          (SELECT COALESCE(SUM(p."quantityMilli"), 0)::int FROM "DonationLot" p WHERE p."sourceClaimId" = c.id AND p.unit = 'KG') AS "processedMilli"
        FROM "DonationClaim" c JOIN "DonationLot" l ON l.id = c."lotId"
        WHERE c.id = ${options.sourceClaimId}
        FOR UPDATE OF c`;
      if (!source || source.charityId !== options.workshop.id) throw new DomainError("not_found");
      if (!source.rawFishery) throw new DomainError("invalid", { field: "sourceClaimId", messageKey: "sea.publish.source.not_raw" });
      if (source.status !== "COLLECTED") throw new DomainError("invalid", { field: "sourceClaimId", messageKey: "sea.publish.source.not_collected" });
      const leftMilli = kilosLeftToProcess(source);
      if (leftMilli !== null && input.unit === "kg" && facts.quantityMilli > leftMilli) {
        throw new DomainError("invalid", { field: "quantity", messageKey: "sea.publish.quantity.above_source", messageParams: { left: toUnits(leftMilli) } });
      }

      return publishLotIn(
        tx,
        {
          input,
          origin: { sourceClaimId: options.sourceClaimId, contributionCentsPerUnit },
          donor: options.workshop,
          createdById: options.createdById,
          now: options.now,
          appUrl: options.appUrl,
        },
        facts,
      );
    },
    { maxWait: 20_000, timeout: 20_000 },
  );
}
