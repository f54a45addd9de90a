/** Messages of the donations area, part "donor" (see app/i18n/messages.ts), French first; en has the same keys. */
export const donationsDonorFr = {
} as const satisfies Record<string, string>;

export const donationsDonorEn: Record<keyof typeof donationsDonorFr, string> = {
};
