/** Messages of the donations area, part "charity-space" (see app/i18n/messages.ts), French first; en has the same keys. */
export const donationsCharityFr = {
} as const satisfies Record<string, string>;

export const donationsCharityEn: Record<keyof typeof donationsCharityFr, string> = {
};
