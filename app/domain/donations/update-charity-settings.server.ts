import { db, type DbOrTx } from "~/db.server";
import type { CharitySettingsInput } from "~/domain/donations/charity-settings-input";
import { DomainError } from "~/domain/errors";

export { charitySettingsSchema } from "~/domain/donations/charity-settings-input";

export type CharitySettingsView = CharitySettingsInput & { approvedRawFishery: boolean; processingWorkshop: boolean };

/**
 * A charity's own settings, with the columns' defaults when it has never saved them (ambient
 * storage, Monday to Friday 09:00–18:00). Only a charity its member acts for: the id comes from
 * the session (requireCharity), never from the form.
 */
export async function getCharitySettings(charityId: string, tx: DbOrTx = db()): Promise<CharitySettingsView> {
  const row = await tx.charitySettings.findUnique({
    where: { organisationId: charityId },
    select: {
      acceptedCategoryIds: true,
      storesAmbient: true,
      storesChilled: true,
      storesFrozen: true,
      minQuantityMilli: true,
      maxQuantityMilli: true,
      collectionWeekdays: true,
      collectionFrom: true,
      collectionTo: true,
      redistributesSameDay: true,
      inDirectory: true,
      publicContact: true,
      approvedRawFishery: true,
      processingWorkshop: true,
    },
  });
  return (
    row ?? {
      acceptedCategoryIds: [],
      storesAmbient: true,
      storesChilled: false,
      storesFrozen: false,
      minQuantityMilli: null,
      maxQuantityMilli: null,
      collectionWeekdays: [1, 2, 3, 4, 5],
      collectionFrom: "09:00",
      collectionTo: "18:00",
      redistributesSameDay: false,
      inDirectory: false,
      publicContact: false,
      approvedRawFishery: false,
      processingWorkshop: false,
    }
  );
}

/**
 * A member of a charity saves what it accepts and when it collects. Verified or not (a charity
 * waiting for the territory prepares its settings). The two approvals are not in the input: the
 * territory grants them (set-charity-approvals.server.ts) and this never touches them. Every
 * category must exist; the CHECK on CharitySettings guards min ≤ max and from < to again.
 */
export async function updateCharitySettings(input: { charityId: string; userId: string; settings: CharitySettingsInput; now: Date }): Promise<void> {
  await db().$transaction(async (tx) => {
    const charity = await tx.organisation.findFirst({
      where: { id: input.charityId, kind: "CHARITY", memberships: { some: { userId: input.userId, role: "CHARITY" } } },
      select: { id: true },
    });
    if (!charity) throw new DomainError("not_found");
    const ids = input.settings.acceptedCategoryIds;
    if (ids.length > 0) {
      const known = await tx.category.count({ where: { id: { in: ids } } });
      if (known !== ids.length) throw new DomainError("invalid", { field: "acceptedCategoryIds", messageKey: "charity.settings.field.categories" });
    }
    const data = { ...input.settings, updatedAt: input.now };
    await tx.charitySettings.upsert({
      where: { organisationId: charity.id },
      create: { organisationId: charity.id, ...data },
      update: data,
      select: { organisationId: true },
    });
  });
}
