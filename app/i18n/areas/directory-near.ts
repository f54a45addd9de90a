/**
 * The directory's « near a commune » filter and its map of every result (issue 12, second round,
 * decision 034). French first; en has the same keys.
 */
export const directoryNearFr = {
  "directory.near.radius": "Autour de la commune",
  "directory.near.inCommune": "Dans la commune seulement",
  "directory.near.km": "Jusqu'à {km} km",
  "directory.near.hint": "Avec une distance, les acteurs autour de la commune, du plus proche au plus loin.",
  "directory.result.distance": "à {km} km",
  "directory.result.distanceUnderOne": "à moins d'1 km",
  "directory.map.hintAll": "La carte montre tous les résultats de la recherche ; les repères foncés sont ceux de cette page et mènent à la page de l'acteur.",
  "directory.map.capped": "La carte montre les {shown} premiers des {total} résultats : précisez la recherche pour voir les autres.",
} as const;

export const directoryNearEn: Record<keyof typeof directoryNearFr, string> = {
  "directory.near.radius": "Around the commune",
  "directory.near.inCommune": "In the commune only",
  "directory.near.km": "Within {km} km",
  "directory.near.hint": "With a distance, the actors around the commune, nearest first.",
  "directory.result.distance": "{km} km away",
  "directory.result.distanceUnderOne": "less than 1 km away",
  "directory.map.hintAll": "The map shows every result of the search; the dark markers are this page's and lead to the actor's page.",
  "directory.map.capped": "The map shows the first {shown} of {total} results: narrow the search to see the others.",
};
