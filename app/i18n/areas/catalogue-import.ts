/** Messages of one area of the site (see app/i18n/messages.ts), French first; en has the same keys. */
export const catalogueImportFr = {
} as const;

export const catalogueImportEn: Record<keyof typeof catalogueImportFr, string> = {
};
