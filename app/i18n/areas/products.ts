/** Messages of one area of the site (see app/i18n/messages.ts), French first; en has the same keys. */
export const productsFr = {
} as const;

export const productsEn: Record<keyof typeof productsFr, string> = {
};
