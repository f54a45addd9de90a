import type { CharityFacts } from "~/domain/donations/donation-rules";
/**
 * A charity's settings as the donation rules read them. A charity without a CharitySettings row
 * has the columns' defaults (prisma/migrations/20261126200000_donations): ambient storage only,
 * Monday to Friday 09:00–18:00, nothing special.
 */
export type CharitySettingsRow = CharityFacts & { processingWorkshop: boolean };

/** SQL columns of CharitySettings `s` with the defaults when the row is absent (LEFT JOIN). */
export const CHARITY_SETTINGS_COLUMNS = `
  COALESCE(s."acceptedCategoryIds", ARRAY[]::text[]) AS "acceptedCategoryIds",
  COALESCE(s."storesAmbient", true) AS "storesAmbient",
  COALESCE(s."storesChilled", false) AS "storesChilled",
  COALESCE(s."storesFrozen", false) AS "storesFrozen",
  s."minQuantityMilli", s."maxQuantityMilli",
  COALESCE(s."collectionWeekdays", ARRAY[1,2,3,4,5]) AS "collectionWeekdays",
  COALESCE(s."collectionFrom", '09:00') AS "collectionFrom",
  COALESCE(s."collectionTo", '18:00') AS "collectionTo",
  COALESCE(s."redistributesSameDay", false) AS "redistributesSameDay",
  COALESCE(s."approvedRawFishery", false) AS "approvedRawFishery",
  COALESCE(s."processingWorkshop", false) AS "processingWorkshop"`;
