import { readRows } from "~/db.server";
import type { DonationUnitCode } from "~/domain/donations/donation-quantity";
import { postalAddress, summariseDonations, yearBounds, type YearlySummary } from "~/domain/donations/yearly-summary";
import { DomainError } from "~/domain/errors";

type DonorRow = { name: string; address: string; postalCode: string | null; commune: string | null; siret: string | null };

type Row = {
  claimId: string;
  collectedAt: Date;
  charityId: string;
  charityName: string;
  charityAddress: string;
  charityPostalCode: string | null;
  charityCommune: string | null;
  charityRna: string | null;
  charitySiret: string | null;
  productName: string;
  lotNumber: string | null;
  quantityMilli: number;
  unit: DonationUnitCode;
  useBy: string | null;
  bestBefore: string | null;
  costPriceCents: number;
};

/**
 * A donor's yearly summary (the data of its tax receipts): every COLLECTED claim on its lots whose
 * pickup falls in the Paris calendar year, valued by the rule of product.md, by charity. Lots
 * handed over for a solidarity contribution (paniers de la mer) are sold, not given: left out.
 * Two statements whatever the number of claims. The route passes the caller's own organisation.
 */
export async function yearlyDonationSummary(input: { donorId: string; year: number }): Promise<YearlySummary> {
  const { from, to } = yearBounds(input.year);
  const [donors, rows] = await Promise.all([
    readRows<DonorRow>(
      `SELECT o.name, o.address, c."postalCode", c.name AS commune, o.siret
       FROM "Organisation" o LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee" WHERE o.id = $1`,
      [input.donorId],
    ),
    readRows<Row>(
      `SELECT c.id AS "claimId", c."collectedAt", ch.id AS "charityId", ch.name AS "charityName", ch.address AS "charityAddress",
          cc."postalCode" AS "charityPostalCode", cc.name AS "charityCommune", ch.rna AS "charityRna", ch.siret AS "charitySiret",
          l."productName", l."lotNumber", c."quantityMilli", l.unit::text AS unit, l."useBy", l."bestBefore", l."costPriceCents"
       FROM "DonationClaim" c
       JOIN "DonationLot" l ON l.id = c."lotId"
       JOIN "Organisation" ch ON ch.id = c."charityId"
       LEFT JOIN "Commune" cc ON cc."inseeCode" = ch."communeInsee"
       WHERE l."donorId" = $1 AND c.status = 'COLLECTED' AND l."contributionCentsPerUnit" IS NULL
         AND c."collectedAt" >= $2 AND c."collectedAt" < $3`,
      [input.donorId, from, to],
    ),
  ]);
  const donor = donors[0];
  if (!donor) throw new DomainError("not_found");
  return summariseDonations(
    input.year,
    { name: donor.name, address: postalAddress(donor.address, donor.postalCode, donor.commune), siret: donor.siret },
    rows.map((row) => ({
      claimId: row.claimId,
      collectedAt: row.collectedAt,
      charity: {
        id: row.charityId,
        name: row.charityName,
        address: postalAddress(row.charityAddress, row.charityPostalCode, row.charityCommune),
        rna: row.charityRna,
        siret: row.charitySiret,
      },
      productName: row.productName,
      lotNumber: row.lotNumber,
      quantityMilli: row.quantityMilli,
      unit: row.unit,
      useBy: row.useBy,
      bestBefore: row.bestBefore,
      costPriceCents: row.costPriceCents,
    })),
  );
}
