import { z } from "zod";
import type { MessageKey } from "~/i18n/messages";

/**
 * Donation quantities travel in units (2.5 kg, 3 pieces, 1.25 litres) and are stored as integers
 * in thousandths of the unit, so that claims add up exactly.
 */
export const MAX_DONATION_QUANTITY = 100_000;

export type DonationUnitCode = "KG" | "PIECE" | "LITRE";
export type DonationStorageCode = "AMBIENT" | "CHILLED" | "FROZEN";

/** Every unit, in the order totals are listed: kilos, pieces, litres. */
export const DONATION_UNITS = ["KG", "PIECE", "LITRE"] as const satisfies readonly DonationUnitCode[];
/** The unit column of the French CSV files: one word whatever the number. */
export const csvUnitWords = { KG: "kg", PIECE: "pièce", LITRE: "litre" } as const satisfies Record<DonationUnitCode, string>;

export const unitCodes = { kg: "KG", piece: "PIECE", litre: "LITRE" } as const satisfies Record<string, DonationUnitCode>;
export const unitNames = { KG: "kg", PIECE: "piece", LITRE: "litre" } as const satisfies Record<DonationUnitCode, string>;
export const storageCodes = { ambient: "AMBIENT", chilled: "CHILLED", frozen: "FROZEN" } as const satisfies Record<string, DonationStorageCode>;
export const storageNames = { AMBIENT: "ambient", CHILLED: "chilled", FROZEN: "frozen" } as const satisfies Record<DonationStorageCode, string>;

/** Units → thousandths, or null when the value has more than 3 decimals. */
export function toMilli(units: number): number | null {
  const milli = Math.round(units * 1000);
  return Math.abs(milli - units * 1000) < 1e-6 ? milli : null;
}

export function toUnits(milli: number): number {
  return milli / 1000;
}

/** A positive quantity in units, at most 3 decimals and 100 000 units, read as thousandths. */
export function donationQuantityField(messages: { invalid: MessageKey; tooSmall: MessageKey; tooLarge: MessageKey; decimals: MessageKey }) {
  return z
    .number({ error: messages.invalid })
    .refine((value) => Number.isFinite(value), { error: messages.invalid })
    .refine((value) => value > 0, { error: messages.tooSmall, abort: true })
    .refine((value) => value <= MAX_DONATION_QUANTITY, { error: messages.tooLarge, abort: true })
    .refine((value) => toMilli(value) !== null, { error: messages.decimals, abort: true });
}
