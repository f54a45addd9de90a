/** Messages of the donations area, part "claiming" (see app/i18n/messages.ts), French first; en has the same keys. */
export const donationsClaimingFr = {
} as const satisfies Record<string, string>;

export const donationsClaimingEn: Record<keyof typeof donationsClaimingFr, string> = {
};
