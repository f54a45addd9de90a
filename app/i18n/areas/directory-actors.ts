/**
 * The public pages of the directory's other actors (issue 12, second round): an ESS actor's page
 * /acteurs/:slug and a charity's page /associations/:slug, and the charity's choice to show how to
 * reach it there. French first; en has the same keys.
 */
export const directoryActorsFr = {
  "directory.actor.back": "Retour à l'annuaire",
  "directory.actor.offer": "Ce qu'ils proposent",
  "directory.actor.noOffer": "Le territoire n'a pas encore décrit ce qu'ils proposent.",
  "directory.actor.where": "Où les trouver",
  "directory.actor.map": "Carte : {name}",
  "directory.actor.contact": "Contact",
  "directory.actor.address": "Adresse",
  "directory.actor.email": "E-mail",
  "directory.actor.phone": "Téléphone",
  "directory.actor.website": "Site web",
  "directory.actor.websiteOf": "Site web de {name} (nouvel onglet)",
  "directory.actor.noContact": "Pas de coordonnées publiées pour le moment.",
  "directory.charity.what": "Ce que fait l'association",
  "directory.charity.noDescription": "L'association ne s'est pas encore présentée.",
  "directory.charity.contact": "Contact",
  "directory.charity.noContact": "L'association n'a pas choisi de montrer ses coordonnées ici.",
  "essActors.publicPage": "Page publique",
  "essActors.publicPageNamed": "Page publique de {name}",
  "charity.settings.publicContact": "Montrer notre adresse, notre e-mail et notre téléphone de contact sur notre page publique",
  "charity.settings.publicContactHint": "Seulement si l'association apparaît dans l'annuaire. Sans cette case, la page publique montre le nom, la commune et la présentation, rien d'autre.",
  "charity.settings.field.publicContact": "Coordonnées publiques : cochez ou décochez la case.",
};

export const directoryActorsEn: Record<keyof typeof directoryActorsFr, string> = {
  "directory.actor.back": "Back to the directory",
  "directory.actor.offer": "What they offer",
  "directory.actor.noOffer": "The territory has not described what they offer yet.",
  "directory.actor.where": "Where to find them",
  "directory.actor.map": "Map: {name}",
  "directory.actor.contact": "Contact",
  "directory.actor.address": "Address",
  "directory.actor.email": "Email",
  "directory.actor.phone": "Phone",
  "directory.actor.website": "Website",
  "directory.actor.websiteOf": "Website of {name} (new tab)",
  "directory.actor.noContact": "No contact details published yet.",
  "directory.charity.what": "What the charity does",
  "directory.charity.noDescription": "The charity has not introduced itself yet.",
  "directory.charity.contact": "Contact",
  "directory.charity.noContact": "The charity has not chosen to show its contact details here.",
  "essActors.publicPage": "Public page",
  "essActors.publicPageNamed": "Public page of {name}",
  "charity.settings.publicContact": "Show our address, contact email and phone on our public page",
  "charity.settings.publicContactHint": "Only if the charity appears in the directory. Without this box, the public page shows the name, the commune and the introduction, nothing else.",
  "charity.settings.field.publicContact": "Public contact details: tick or untick the box.",
};
