/** Messages of the donations area, part "documents" (see app/i18n/messages.ts), French first; en has the same keys. */
export const donationsDocumentsFr = {
} as const satisfies Record<string, string>;

export const donationsDocumentsEn: Record<keyof typeof donationsDocumentsFr, string> = {
};
