/** Messages of one area of the site (see app/i18n/messages.ts), French first; en has the same keys. */
export const organisationsFr = {
} as const;

export const organisationsEn: Record<keyof typeof organisationsFr, string> = {
};
