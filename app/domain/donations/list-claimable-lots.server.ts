import { readRows } from "~/db.server";
import { CHARITY_SETTINGS_COLUMNS, type CharitySettingsRow } from "~/domain/donations/charity-settings.server";
import { matchesCharity } from "~/domain/donations/donation-rules";
import type { LotCommon } from "~/domain/donations/lot";

export type ClaimableLot = LotCommon & {
  remainingMilli: number;
  contributionCentsPerUnit: number | null;
  /** The lot's photo, served at /photos/<photoId>. */
  photoId: string | null;
  donor: { id: string; name: string };
};

type LotRow = Omit<ClaimableLot, "donor"> & { donorId: string; donorName: string };

/**
 * The lots a verified charity may claim now: open, something left, window not over, and
 * matching its settings (donation-rules.ts matchesCharity). Two statements whatever the number
 * of lots. Nothing about claims — neither other charities' nor pickup codes — is read here.
 */
export async function listClaimableLots(options: { charityId: string; now: Date }): Promise<ClaimableLot[]> {
  const [settings] = await readRows<CharitySettingsRow>(
    `SELECT ${CHARITY_SETTINGS_COLUMNS} FROM "Organisation" o LEFT JOIN "CharitySettings" s ON s."organisationId" = o.id WHERE o.id = $1`,
    [options.charityId],
  );
  if (!settings) return [];
  const rows = await readRows<LotRow>(
    `SELECT l.id, l."productName", l.description, l."categoryId", l.unit::text AS unit, l."quantityMilli",
       l."quantityMilli" - l."claimedMilli" AS "remainingMilli", l.storage::text AS storage, l."useBy", l."bestBefore",
       l."lotNumber", l."rawFishery", l."pickupPlace", l."pickupStart", l."pickupEnd", l."contributionCentsPerUnit",
       l."photoId", l."donorId", d.name AS "donorName"
     FROM "DonationLot" l JOIN "Organisation" d ON d.id = l."donorId"
     WHERE l.status = 'OPEN' AND l."pickupEnd" > $1 AND l."claimedMilli" < l."quantityMilli" AND d."verifiedAt" IS NOT NULL
     ORDER BY l."pickupEnd", l.id`,
    [options.now],
  );
  return rows
    .filter((row) =>
      matchesCharity(
        {
          storage: row.storage,
          useBy: row.useBy,
          bestBefore: row.bestBefore,
          rawFishery: row.rawFishery,
          categoryId: row.categoryId,
          quantityMilli: row.remainingMilli,
          pickupStart: row.pickupStart,
          pickupEnd: row.pickupEnd,
          frozenAtMinus18: row.storage === "FROZEN",
        },
        settings,
        options.now,
      ),
    )
    .map(({ donorId, donorName, ...lot }) => ({ ...lot, donor: { id: donorId, name: donorName } }));
}

/** The unit of a lot, to word what remains of it ("4,5 kg") after a claim asked for too much. */
export async function lotUnit(lotId: string): Promise<"KG" | "PIECE" | "LITRE" | null> {
  const [row] = await readRows<{ unit: "KG" | "PIECE" | "LITRE" }>(`SELECT unit::text AS unit FROM "DonationLot" WHERE id = $1`, [lotId]);
  return row?.unit ?? null;
}
