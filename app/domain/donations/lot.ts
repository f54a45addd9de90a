import type { DonationLot } from "~/generated/prisma/client";

/** What every view of a donation lot carries, as stored (quantities in thousandths of the unit). */
export type LotCommon = Pick<
  DonationLot,
  | "id"
  | "productName"
  | "description"
  | "categoryId"
  | "unit"
  | "quantityMilli"
  | "storage"
  | "useBy"
  | "bestBefore"
  | "lotNumber"
  | "rawFishery"
  | "pickupPlace"
  | "pickupStart"
  | "pickupEnd"
>;
