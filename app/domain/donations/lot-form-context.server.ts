import { readRows } from "~/db.server";
import { postalAddress } from "~/domain/postal-address";

export type LotFormContext = {
  categories: Array<{ id: string; nameFr: string; nameEn: string }>;
  /** Where lots are picked up unless the donor says otherwise. */
  farmAddress: string;
};

/** What the publish form offers: the categories, and the farm's address as the default pickup place. */
export async function lotFormContext(donorId: string): Promise<LotFormContext> {
  const [categories, farm] = await Promise.all([
    readRows<{ id: string; nameFr: string; nameEn: string }>(`SELECT id, "nameFr", "nameEn" FROM "Category" ORDER BY position, id`, []),
    readRows<{ address: string; name: string; postalCode: string | null; commune: string | null }>(
      `SELECT o.address, o.name, c."postalCode", c.name AS commune FROM "Organisation" o LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee" WHERE o.id = $1`,
      [donorId],
    ),
  ]);
  const row = farm[0];
  // The full address, postcode and town included, as the charity needs it to find the place.
  return { categories, farmAddress: row ? postalAddress(row.address, row.postalCode, row.commune) || row.name : "" };
}
