/**
 * GET /api/v1/producers (issue 12, decision 033): why a query parameter is refused. Read by the
 * server only, for the API's JSON errors (`issues[].message`), in the caller's language.
 */
export const producersApiFr = {
  "producersApi.query.unknown": "Paramètre inconnu « {name} ». Paramètres possibles : {allowed}.",
  "producersApi.query.q": "La recherche « q » fait au plus {max} caractères.",
  "producersApi.query.type": "« type » doit être l'un de : {allowed}. Cette API ne liste que les producteurs et les AMAP.",
  "producersApi.query.commune": "« commune » doit être un code INSEE de commune (5 caractères, par exemple 76217).",
  "producersApi.query.near": "« pres » doit nommer une commune du territoire, par son nom (dieppe, arques-la-bataille) ou son code INSEE.",
  "producersApi.query.communeAndNear": "Donnez « commune » (dans la commune) ou « pres » (autour d'une commune), pas les deux.",
  "producersApi.query.km": "« km » doit être l'un de : {allowed} (0 : dans la commune seulement).",
  "producersApi.query.kmWithoutNear": "« km » accompagne « pres » : le rayon autour de quelle commune ?",
  "producersApi.query.category": "« categorie » doit être l'identifiant d'une catégorie de produits (lettres, chiffres, - et _).",
  "producersApi.query.flag": "« {name} » vaut 1 (oui) ou 0 (non).",
  "producersApi.query.page": "« page » doit être un nombre entier de 1 à {max}.",
} as const;

export const producersApiEn: Record<keyof typeof producersApiFr, string> = {
  "producersApi.query.unknown": "Unknown parameter “{name}”. Possible parameters: {allowed}.",
  "producersApi.query.q": "The search “q” is at most {max} characters.",
  "producersApi.query.type": "“type” must be one of: {allowed}. This API lists producers and AMAPs only.",
  "producersApi.query.commune": "“commune” must be a commune's INSEE code (5 characters, e.g. 76217).",
  "producersApi.query.near": "“pres” must name a commune of the territory, by its name (dieppe, arques-la-bataille) or its INSEE code.",
  "producersApi.query.communeAndNear": "Give “commune” (in the commune) or “pres” (around a commune), not both.",
  "producersApi.query.km": "“km” must be one of: {allowed} (0: in the commune only).",
  "producersApi.query.kmWithoutNear": "“km” goes with “pres”: the radius around which commune?",
  "producersApi.query.category": "“categorie” must be a product category's id (letters, digits, - and _).",
  "producersApi.query.flag": "“{name}” is 1 (yes) or 0 (no).",
  "producersApi.query.page": "“page” must be a whole number from 1 to {max}.",
};
