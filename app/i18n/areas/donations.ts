/** Messages of the donations area (see app/i18n/messages.ts), French first; en has the same keys. */
export const donationsFr = {
} as const;

export const donationsEn: Record<keyof typeof donationsFr, string> = {
};
