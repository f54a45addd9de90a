/** Messages of the producer space's frame (see app/i18n/messages.ts), French first; en has the same keys. */
export const producerSpaceFr = {
  "nav.producer": "Espace producteur",
  "producer.nav.label": "Espace producteur",
  "producer.nav.home": "Tableau de bord",
  "producer.nav.products": "Produits",
  "producer.nav.sales": "Ventes",
  "producer.nav.preparation": "Préparation",
  "producer.nav.import": "Import / export",
  "producer.nav.organisation": "Mon organisation",
  "producer.nav.distributions": "Distributions",
  "producer.home.title": "Bonjour, {name}",
  "producer.home.verified": "{organisation} est vérifiée par le territoire : vos offres sont visibles.",
  "producer.home.pending": "{organisation} attend la vérification du territoire. Vous pouvez déjà préparer vos produits ; vous pourrez vendre dès la vérification.",
  "producer.home.next": "Vos prochaines distributions",
  "producer.home.none": "Aucune distribution à venir pour le moment.",
} as const;

export const producerSpaceEn: Record<keyof typeof producerSpaceFr, string> = {
  "nav.producer": "Producer space",
  "producer.nav.label": "Producer space",
  "producer.nav.home": "Dashboard",
  "producer.nav.products": "Products",
  "producer.nav.sales": "Sales",
  "producer.nav.preparation": "Preparation",
  "producer.nav.import": "Import / export",
  "producer.nav.organisation": "My organisation",
  "producer.nav.distributions": "Distributions",
  "producer.home.title": "Hello, {name}",
  "producer.home.verified": "{organisation} is verified by the territory: your offers are visible.",
  "producer.home.pending": "{organisation} is waiting for the territory's verification. You can already prepare your products; you can sell once it is verified.",
  "producer.home.next": "Your next distributions",
  "producer.home.none": "No upcoming distribution yet.",
};
