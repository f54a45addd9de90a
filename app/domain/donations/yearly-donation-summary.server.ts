import { readRows } from "~/db.server";
import { CHARITY_COLUMNS, CHARITY_JOINS, charityIdentity, summariseDonations, yearBounds, type CharityColumns, type SummaryRow, type YearlySummary } from "~/domain/donations/yearly-summary";
import { postalAddress } from "~/domain/postal-address";
import { DomainError } from "~/domain/errors";

type DonorRow = { name: string; address: string; postalCode: string | null; commune: string | null; siret: string | null };

type Row = Omit<SummaryRow, "charity"> & CharityColumns;

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
      `SELECT c.id AS "claimId", c."collectedAt", ${CHARITY_COLUMNS},
          l."productName", l."lotNumber", c."quantityMilli", l.unit::text AS unit, l."useBy", l."bestBefore", l."costPriceCents"
       FROM "DonationClaim" c
       JOIN "DonationLot" l ON l.id = c."lotId"
       ${CHARITY_JOINS}
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
      charity: charityIdentity(row),
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
