/**
 * Messages of what a customer is promised and may take (decision 019): prices shown are prices
 * charged, limits per customer, a confirmed email before a first order paid at pickup, and what
 * is owed back after a lighter weighing. French first; en has the same keys.
 */
export const orderingRulesFr = {
  "error.owed_back_unconfirmed": "Ce client a déjà payé plus que ce que coûterait ce poids : confirmez ce que vous lui rendrez.",
  "error.price_changed": "Un prix a changé depuis son affichage : rien n'a été commandé. Vérifiez les nouveaux prix et confirmez à nouveau.",
  "error.email_unverified": "Confirmez votre adresse e-mail : consultez votre boîte de réception. Une première commande payée au retrait demande une adresse confirmée.",
  "error.customer_limit": "Vous avez atteint la limite par personne pour cette distribution.",

  "ordering.weigh.owedBackToConfirm": "Ce client a déjà payé {paid} ; à ce poids sa part passe à {due}. Confirmez que vous lui rendrez {owedBack} pour enregistrer cette pesée.",
  "ordering.weigh.confirmOwedBack": "Je rendrai {amount} au client",
  "ordering.weigh.doneOwedBack": "Pesée enregistrée : {weight}, soit {amount}. Déjà payé : rendez {owedBack} au client.",
  "ordering.pickup.owedBack": "À rendre au client (pesée plus légère après paiement) : {amount}",
  "orders.paidLeftToPay": "{paid} payé, {left} à régler au retrait",
  "orders.paidInFull": "{paid} payé au retrait",
  "ordering.order.owedBack": "À vous rendre au retrait : {amount}. Un produit pesé est plus léger que ce que vous aviez déjà payé.",

  "ordering.price.changed": "Le prix de « {name} » a changé : {from} → {to}.",
  "ordering.price.nothingCharged": "Rien n'a été commandé : vérifiez les nouveaux prix et confirmez à nouveau.",
  "ordering.price.lineNow": "Prix actuel : {price}. En ajouter fait passer toute la ligne à ce prix.",

  "ordering.limit.orders": "Vous avez déjà {max} commandes en cours pour cette distribution : modifiez l'une d'elles plutôt que d'en passer une nouvelle.",
  "ordering.limit.perCustomer": "« {name} » : {max} maximum par personne pour cette distribution.",
  "ordering.limit.perCustomerAlready": "« {name} » : {max} maximum par personne pour cette distribution, et vous en avez déjà {ordered} en commande.",
  "ordering.offer.maxPerCustomer": "{max} maximum par personne",

  "ordering.cart.verifyEmail": "Confirmez votre adresse e-mail avant votre première commande payée au retrait : consultez votre boîte de réception.",

  "ordering.field.maxPerCustomer.label": "Maximum par client",
  "ordering.field.maxPerCustomer.hint": "Vide : {max} au plus par personne.",
  "ordering.field.maxPerCustomer.invalid": "Le maximum par client est un nombre entier de 1 à 99, ou vide.",
  "ordering.field.shownPrices.invalid": "La page de votre panier est trop ancienne : rechargez-la et confirmez à nouveau.",
} as const;

export const orderingRulesEn: Record<keyof typeof orderingRulesFr, string> = {
  "error.owed_back_unconfirmed": "This customer already paid more than this weight would cost: confirm what you will give back.",
  "error.price_changed": "A price changed since it was shown: nothing was ordered. Check the new prices and confirm again.",
  "error.email_unverified": "Confirm your email address: check your inbox. A first order paid at pickup needs a confirmed address.",
  "error.customer_limit": "You have reached the limit per person for this distribution.",

  "ordering.weigh.owedBackToConfirm": "This customer already paid {paid}; at this weight their part comes to {due}. Confirm you will give them {owedBack} back to save this weight.",
  "ordering.weigh.confirmOwedBack": "I will give {amount} back to the customer",
  "ordering.weigh.doneOwedBack": "Weight saved: {weight}, that is {amount}. Already paid: give {owedBack} back to the customer.",
  "ordering.pickup.owedBack": "To give back to the customer (lighter weight after payment): {amount}",
  "orders.paidLeftToPay": "{paid} paid, {left} to pay at pickup",
  "orders.paidInFull": "{paid} paid at pickup",
  "ordering.order.owedBack": "To be given back to you at pickup: {amount}. A product weighed lighter than what you had already paid.",

  "ordering.price.changed": "The price of “{name}” changed: {from} → {to}.",
  "ordering.price.nothingCharged": "Nothing was ordered: check the new prices and confirm again.",
  "ordering.price.lineNow": "Price now: {price}. Adding more moves the whole line to this price.",

  "ordering.limit.orders": "You already have {max} open orders for this distribution: change one of them rather than placing a new one.",
  "ordering.limit.perCustomer": "“{name}”: at most {max} per person for this distribution.",
  "ordering.limit.perCustomerAlready": "“{name}”: at most {max} per person for this distribution, and you already have {ordered} on order.",
  "ordering.offer.maxPerCustomer": "At most {max} per person",

  "ordering.cart.verifyEmail": "Confirm your email address before your first order paid at pickup: check your inbox.",

  "ordering.field.maxPerCustomer.label": "Maximum per customer",
  "ordering.field.maxPerCustomer.hint": "Empty: at most {max} per person.",
  "ordering.field.maxPerCustomer.invalid": "The maximum per customer is a whole number from 1 to 99, or empty.",
  "ordering.field.shownPrices.invalid": "Your cart page is too old: reload it and confirm again.",
};
