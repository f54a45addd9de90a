/** Messages of one area of the site (see app/i18n/messages.ts), French first; en has the same keys. */
export const offersFr = {
} as const;

export const offersEn: Record<keyof typeof offersFr, string> = {
};
