/**
 * Messages for what goes wrong around a request rather than in the business: a body too large to
 * read, a database that does not answer (docs/decisions/017). French first; en has the same keys.
 */
export const resilienceFr = {
  "error.body_too_large": "Votre envoi est trop volumineux ({size} au plus) : rien n'a été enregistré. Raccourcissez les champs ou envoyez un fichier plus léger.",
  "error.database_unavailable": "Le service est momentanément indisponible : notre base de données ne répond pas. Rien n'a été enregistré par cette demande ; réessayez dans quelques instants.",
  "error.database_unavailable.title": "Service momentanément indisponible",
  "error.body_too_large.title": "Envoi trop volumineux",
} as const;

export const resilienceEn: Record<keyof typeof resilienceFr, string> = {
  "error.body_too_large": "What you sent is too large ({size} at most): nothing was saved. Shorten the fields or send a lighter file.",
  "error.database_unavailable": "The service is briefly unavailable: our database is not answering. Nothing was saved by this request; try again in a few moments.",
  "error.database_unavailable.title": "Service briefly unavailable",
  "error.body_too_large.title": "Too large to send",
};
