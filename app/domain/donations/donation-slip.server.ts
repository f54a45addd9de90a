import { readRows } from "~/db.server";
import type { CurrentUser } from "~/domain/accounts/session.server";
import type { DonationSlip } from "~/domain/donations/donation-documents";
import { documentReader } from "~/domain/donations/document-reader";
import type { DonationStorageCode, DonationUnitCode } from "~/domain/donations/donation-quantity";
import { slipNumber } from "~/domain/donations/slip-number";
import { CHARITY_COLUMNS, CHARITY_JOINS, charityIdentity, type CharityColumns } from "~/domain/donations/yearly-summary";
import { postalAddress } from "~/domain/postal-address";
import { DomainError } from "~/domain/errors";

type SlipRow = CharityColumns & {
  id: string;
  status: "RESERVED" | "COLLECTED" | "MISSED" | "CANCELLED";
  quantityMilli: number;
  collectedAt: Date | null;
  temperatureDeciC: number | null;
  contributionCents: number;
  productName: string;
  description: string;
  unit: DonationUnitCode;
  storage: DonationStorageCode;
  useBy: string | null;
  bestBefore: string | null;
  lotNumber: string | null;
  rawFishery: boolean;
  pickupPlace: string;
  costPriceCents: number;
  contributionCentsPerUnit: number | null;
  donorName: string;
  donorAddress: string;
  donorPostalCode: string | null;
  donorCommune: string | null;
  donorSiret: string | null;
  claimedBy: string;
  handedOverBy: string | null;
  invoiceNumber: string | null;
};

/** Claim ids are UUIDs; anything far from one is not looked up. */
const CLAIM_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The slip of one claim, in ONE statement, for those who may read it: a member of the donor
 * organisation, a member of the claiming charity, or a territory admin. Anyone else gets null —
 * the route answers 404 and tells nothing. A claim not collected yet has no slip: the slip is made
 * out at the hand-over (404 with that reason, only to those who may see the claim).
 */
export async function findDonationSlip(input: { claimId: string; user: Pick<CurrentUser, "roles" | "organisationIds"> }): Promise<DonationSlip | null> {
  if (!CLAIM_ID.test(input.claimId)) return null;
  const reader = documentReader(input.user);
  const [row] = await readRows<SlipRow>(
    `SELECT c.id, c.status::text AS status, c."quantityMilli", c."collectedAt", c."temperatureDeciC", c."contributionCents",
        l."productName", l.description, l.unit::text AS unit, l.storage::text AS storage, l."useBy", l."bestBefore", l."lotNumber",
        l."rawFishery", l."pickupPlace", l."costPriceCents", l."contributionCentsPerUnit",
        d.name AS "donorName", d.address AS "donorAddress", dc."postalCode" AS "donorPostalCode", dc.name AS "donorCommune", d.siret AS "donorSiret",
        ${CHARITY_COLUMNS},
        claimer.name AS "claimedBy", giver.name AS "handedOverBy", inv.number AS "invoiceNumber"
     FROM "DonationClaim" c
     JOIN "DonationLot" l ON l.id = c."lotId"
     JOIN "Organisation" d ON d.id = l."donorId"
     LEFT JOIN "Commune" dc ON dc."inseeCode" = d."communeInsee"
     ${CHARITY_JOINS}
     JOIN "User" claimer ON claimer.id = c."claimedById"
     LEFT JOIN "User" giver ON giver.id = c."collectedById"
     LEFT JOIN "ContributionInvoice" inv ON inv."claimId" = c.id
     WHERE c.id = $1 AND ($2::boolean OR l."donorId" = ANY($3::text[]) OR c."charityId" = ANY($3::text[]))`,
    [input.claimId, reader.isAdmin, reader.organisationIds],
  );
  if (!row) return null;
  if (row.status !== "COLLECTED" || row.collectedAt === null) throw new DomainError("not_found", { messageKey: "slip.not_collected" });
  return {
    claimId: row.id,
    number: slipNumber(row.id, row.collectedAt),
    productName: row.productName,
    description: row.description,
    quantityMilli: row.quantityMilli,
    unit: row.unit,
    useBy: row.useBy,
    bestBefore: row.bestBefore,
    lotNumber: row.lotNumber,
    storage: row.storage,
    rawFishery: row.rawFishery,
    temperatureDeciC: row.temperatureDeciC,
    collectedAt: row.collectedAt,
    pickupPlace: row.pickupPlace,
    handedOverBy: row.handedOverBy,
    claimedBy: row.claimedBy,
    donor: { name: row.donorName, address: postalAddress(row.donorAddress, row.donorPostalCode, row.donorCommune), siret: row.donorSiret },
    charity: charityIdentity(row),
    costPriceCents: row.costPriceCents,
    contribution:
      row.contributionCentsPerUnit === null ? null : { centsPerUnit: row.contributionCentsPerUnit, paidCents: row.contributionCents, invoiceNumber: row.invoiceNumber },
  };
}
