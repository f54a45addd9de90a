/** Messages of one area of the site (see app/i18n/messages.ts), French first; en has the same keys. */
export const preparationFr = {
} as const;

export const preparationEn: Record<keyof typeof preparationFr, string> = {
};
