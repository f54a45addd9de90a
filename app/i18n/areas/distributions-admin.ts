/** Messages of one area of the site (see app/i18n/messages.ts), French first; en has the same keys. */
export const distributionsAdminFr = {
} as const;

export const distributionsAdminEn: Record<keyof typeof distributionsAdminFr, string> = {
};
