import { readRows } from "~/db.server";

export type LotFormContext = {
  categories: Array<{ id: string; nameFr: string; nameEn: string }>;
  /** Where lots are picked up unless the donor says otherwise. */
  farmAddress: string;
};

/** What the publish form offers: the categories, and the farm's address as the default pickup place. */
export async function lotFormContext(donorId: string): Promise<LotFormContext> {
  const [categories, farm] = await Promise.all([
    readRows<{ id: string; nameFr: string; nameEn: string }>(`SELECT id, "nameFr", "nameEn" FROM "Category" ORDER BY position, id`, []),
    readRows<{ address: string; name: string }>(`SELECT address, name FROM "Organisation" WHERE id = $1`, [donorId]),
  ]);
  return { categories, farmAddress: farm[0]?.address.trim() || farm[0]?.name || "" };
}
