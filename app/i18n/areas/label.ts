/**
 * The label's workflow (issue 12, decision 029): the producer's applications under /producteur/label,
 * the reviewers' queue under /admin/label, the refusals and field messages of its use cases.
 * Keys under `label.` (producer and admin groups), plus its one error code.
 */
export const labelFr = {
  "error.label_state": "Cette étape n'est pas possible dans l'état actuel du label.",
  "label.refused.state": "Cette étape n'est pas possible : le label est « {status} ».",
  "label.refused.notSendable": "La demande ne peut pas encore être envoyée : complétez ce qui manque et vérifiez les critères ci-dessous.",
  "label.field.lat": "La latitude est un nombre entre -90 et 90 (ex. 49,92).",
  "label.field.lon": "La longitude est un nombre entre -180 et 180 (ex. 1,08).",
  "label.field.position": "Indiquez la latitude et la longitude, ou aucune des deux.",
  "label.field.too_long": "Ce texte est trop long.",
  "label.field.productClass": "Choisissez le type de produit.",
  "label.field.share": "La part locale est un pourcentage entre 0 et 100.",
  "label.field.ingredientName": "Nommez l'ingrédient.",
  "label.field.grams": "Le poids est un nombre entier de grammes, plus grand que zéro.",
  "label.field.reason": "Indiquez le motif (1000 caractères au plus).",
  "label.field.message": "Écrivez le message (1000 caractères au plus).",
  "label.field.visitedAt": "La date de visite est une date passée.",
  "label.document.empty": "Le document « {name} » est vide.",
  "label.document.type": "Le document « {name} » n'est ni un PDF ni une photo (JPEG, PNG, WebP).",
  "label.document.tooMany": "{max} documents au plus par demande.",
} as const;

export const labelEn: Record<keyof typeof labelFr, string> = {
  "error.label_state": "This step is not possible in the label's current state.",
  "label.refused.state": "This step is not possible: the label is “{status}”.",
  "label.refused.notSendable": "The application cannot be sent yet: complete what is missing and check the criteria below.",
  "label.field.lat": "Latitude is a number between -90 and 90 (e.g. 49.92).",
  "label.field.lon": "Longitude is a number between -180 and 180 (e.g. 1.08).",
  "label.field.position": "Give both latitude and longitude, or neither.",
  "label.field.too_long": "This text is too long.",
  "label.field.productClass": "Choose the kind of product.",
  "label.field.share": "The local share is a percentage between 0 and 100.",
  "label.field.ingredientName": "Name the ingredient.",
  "label.field.grams": "The weight is a whole number of grams, above zero.",
  "label.field.reason": "Give the reason (at most 1000 characters).",
  "label.field.message": "Write the message (at most 1000 characters).",
  "label.field.visitedAt": "The visit date is a past date.",
  "label.document.empty": "The document “{name}” is empty.",
  "label.document.type": "The document “{name}” is neither a PDF nor a photo (JPEG, PNG, WebP).",
  "label.document.tooMany": "At most {max} documents per application.",
};
