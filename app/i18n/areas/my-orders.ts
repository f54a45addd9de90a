/**
 * Messages of "my orders" (upcoming, past, cancelled, with what the producers recorded at the
 * pickup), of the directions to the pickup point and of the calendar file. French first; en has
 * the same keys.
 */
export const myOrdersFr = {
  "myOrders.section.upcoming": "À venir",
  "myOrders.section.past": "Passées",
  "myOrders.section.cancelled": "Annulées",
  "myOrders.status.upcoming": "Confirmée — retrait le {date}, {time}",
  "myOrders.status.collected": "Retirée",
  "myOrders.status.partlyCollected": "Retirée en partie : {collected} producteur(s) sur {producers} ont remis leur part",
  "myOrders.status.notCollected": "Non retirée",
  "myOrders.status.awaitingHandover": "En attente de remise : le retrait n'est pas encore enregistré",
  "myOrders.status.cancelled": "Annulée — rien à payer",
  "myOrders.pickup": "{point} · {date}, {time}",

  "myOrders.directions.title": "Itinéraire",
  "myOrders.directions.openStreetMap": "Itinéraire vers le point de retrait (OpenStreetMap)",
  "myOrders.directions.phone": "Ouvrir dans l'application de cartes du téléphone",
  "myOrders.calendar.add": "Ajouter à mon agenda",
  "myOrders.calendar.hint": "Un fichier .ics pour votre agenda (téléphone, Google, Outlook…).",
  "myOrders.calendar.summary": "Retrait Terre & Mer — {point}",
  "myOrders.calendar.order": "Commande n° {number}",
  "myOrders.calendar.line": "{quantity} × {product}",
  "myOrders.calendar.amountDue": "À régler au retrait : {amount}",
  "myOrders.calendar.upTo": "À régler au retrait : {amount} au plus (produits pesés au retrait)",
};

export const myOrdersEn: Record<keyof typeof myOrdersFr, string> = {
  "myOrders.section.upcoming": "Upcoming",
  "myOrders.section.past": "Past",
  "myOrders.section.cancelled": "Cancelled",
  "myOrders.status.upcoming": "Confirmed — pickup on {date}, {time}",
  "myOrders.status.collected": "Collected",
  "myOrders.status.partlyCollected": "Partly collected: {collected} of {producers} producers handed over their part",
  "myOrders.status.notCollected": "Not collected",
  "myOrders.status.awaitingHandover": "Awaiting hand-over: the pickup is not recorded yet",
  "myOrders.status.cancelled": "Cancelled — nothing to pay",
  "myOrders.pickup": "{point} · {date}, {time}",

  "myOrders.directions.title": "Directions",
  "myOrders.directions.openStreetMap": "Directions to the pickup point (OpenStreetMap)",
  "myOrders.directions.phone": "Open in the phone's maps app",
  "myOrders.calendar.add": "Add to my calendar",
  "myOrders.calendar.hint": "An .ics file for your calendar (phone, Google, Outlook…).",
  "myOrders.calendar.summary": "Terre & Mer pickup — {point}",
  "myOrders.calendar.order": "Order no. {number}",
  "myOrders.calendar.line": "{quantity} × {product}",
  "myOrders.calendar.amountDue": "To pay at pickup: {amount}",
  "myOrders.calendar.upTo": "To pay at pickup: at most {amount} (products weighed at pickup)",
};
