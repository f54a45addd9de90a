/** Messages of one area of the site (see app/i18n/messages.ts), French first; en has the same keys. */
export const cataloguePhoneFr = {
  // The catalogue on a phone: the filters fold away behind one button that says how many apply.
  "shop.filter.toggle": "Filtrer",
  "shop.filter.active": "{count} filtre(s) actif(s)",
  "shop.filter.none": "aucun filtre",
  // Buttons say they are working while their request is on its way.
  "shop.busy.adding": "Ajout…",
  "shop.busy.updating": "Mise à jour…",
  "shop.busy.removing": "Retrait…",
  "shop.busy.ordering": "Envoi de la commande…",
  "shop.busy.changing": "Modification…",
  "shop.busy.cancelling": "Annulation…",
  "shop.busy.filtering": "Recherche…",
  // The product page says what the shopper buys for.
  "shop.product.buyingFor": "Vous achetez pour la distribution : {date}, {time}",
  "shop.product.pickupAt": "Retrait : {point}, {place}",
  "shop.product.otherProducts": "Voir tous les produits de cette distribution",
  "shop.product.aboutProducer": "Le producteur : {name}",
  "shop.product.producerPhoto": "Photo de {name}",
  // The cart and the order as rows that stack on a phone.
  "shop.line.total": "Montant de la ligne : {amount}",
  "shop.line.quantity": "Quantité : {quantity}",
  "shop.line.less": "Un de moins : {name}",
  "shop.line.more": "Un de plus : {name}",
  "shop.cart.next": "Étape suivante : choisir un créneau et confirmer",
};

export const cataloguePhoneEn: Record<keyof typeof cataloguePhoneFr, string> = {
  "shop.filter.toggle": "Filter",
  "shop.filter.active": "{count} filter(s) on",
  "shop.filter.none": "no filter",
  "shop.busy.adding": "Adding…",
  "shop.busy.updating": "Updating…",
  "shop.busy.removing": "Removing…",
  "shop.busy.ordering": "Placing the order…",
  "shop.busy.changing": "Changing…",
  "shop.busy.cancelling": "Cancelling…",
  "shop.busy.filtering": "Searching…",
  "shop.product.buyingFor": "You are buying for the distribution: {date}, {time}",
  "shop.product.pickupAt": "Pickup: {point}, {place}",
  "shop.product.otherProducts": "See every product of this distribution",
  "shop.product.aboutProducer": "The producer: {name}",
  "shop.product.producerPhoto": "Photo of {name}",
  "shop.line.total": "Line amount: {amount}",
  "shop.line.quantity": "Quantity: {quantity}",
  "shop.line.less": "One fewer: {name}",
  "shop.line.more": "One more: {name}",
  "shop.cart.next": "Next step: choose a time slot and confirm",
};
