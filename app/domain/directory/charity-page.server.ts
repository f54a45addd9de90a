import { readRows } from "~/db.server";

export type CharityPage = {
  id: string;
  slug: string;
  name: string;
  /** What they do, in their words (the organisation's description). */
  description: string;
  commune: string | null;
  /** How to reach them: only when the charity chose to show it (CharitySettings.publicContact), else null. */
  contact: { address: string; postalCode: string | null; email: string | null; phone: string | null } | null;
};

/**
 * A charity's public page (/associations/:slug, issue 12), in one statement. Only a charity the
 * territory verified (and has not refused) that chose to appear in the directory; its address,
 * email and phone only when it also chose to show them. Nothing of its members, its donations or
 * its settings is read. Null otherwise: the page is a 404, as for anything not public.
 */
export async function readCharityPage(slug: string): Promise<CharityPage | null> {
  const rows = await readRows<CharityPage>(
    `
    SELECT o.id, o.slug, o.name, o.description, c.name AS commune,
           CASE WHEN cs."publicContact" THEN json_build_object('address', o.address, 'postalCode', c."postalCode", 'email', o."contactEmail", 'phone', o."contactPhone") END AS contact
      FROM "Organisation" o
      JOIN "CharitySettings" cs ON cs."organisationId" = o.id
      LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee"
     WHERE o.slug = $1 AND o.kind = 'CHARITY' AND o."verifiedAt" IS NOT NULL AND o."refusedAt" IS NULL AND cs."inDirectory"`,
    [slug],
  );
  return rows[0] ?? null;
}
