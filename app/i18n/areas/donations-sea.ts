/** Messages of the donations area, part "sea" (see app/i18n/messages.ts), French first; en has the same keys. */
export const donationsSeaFr = {
} as const satisfies Record<string, string>;

export const donationsSeaEn: Record<keyof typeof donationsSeaFr, string> = {
};
