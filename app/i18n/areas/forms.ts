/**
 * Messages of the error summary every refused form shows above its fields (issue 10: it comes into
 * view and takes the focus). French first; en has the same keys.
 */
export const formsFr = {
  "forms.summary.title": "Le formulaire n'a pas été enregistré",
  "forms.summary.fields": "À corriger :",
} as const;

export const formsEn: Record<keyof typeof formsFr, string> = {
  "forms.summary.title": "The form was not saved",
  "forms.summary.fields": "To correct:",
};
