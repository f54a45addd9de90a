/**
 * The printed pickup sheet of a distribution (issue 10): a table for the quay, one row per order,
 * ticked and signed by hand. French first; en has the same keys.
 */
export const pickupSheetFr = {
  "pickupSheet.print": "Imprimer la feuille de retrait",
  "pickupSheet.when": "{date}, {time}",
  "pickupSheet.where": "{point} — {address}",
  "pickupSheet.count": "{orders} commande(s)",
  "pickupSheet.col.number": "N°",
  "pickupSheet.col.customer": "Client",
  "pickupSheet.col.slot": "Créneau",
  "pickupSheet.col.items": "À remettre",
  "pickupSheet.col.amount": "Montant",
  "pickupSheet.col.handedOver": "Remis",
  "pickupSheet.col.signature": "Signature",
  "pickupSheet.paid": "déjà payé {amount}",
  "pickupSheet.toPay": "reste {amount}",
  "pickupSheet.giveBack": "à rendre {amount}",
  "pickupSheet.awaitingWeighing": "pesée à faire",
};

export const pickupSheetEn: Record<keyof typeof pickupSheetFr, string> = {
  "pickupSheet.print": "Print the pickup sheet",
  "pickupSheet.when": "{date}, {time}",
  "pickupSheet.where": "{point} — {address}",
  "pickupSheet.count": "{orders} order(s)",
  "pickupSheet.col.number": "No.",
  "pickupSheet.col.customer": "Customer",
  "pickupSheet.col.slot": "Slot",
  "pickupSheet.col.items": "To hand over",
  "pickupSheet.col.amount": "Amount",
  "pickupSheet.col.handedOver": "Handed over",
  "pickupSheet.col.signature": "Signature",
  "pickupSheet.paid": "already paid {amount}",
  "pickupSheet.toPay": "left {amount}",
  "pickupSheet.giveBack": "to give back {amount}",
  "pickupSheet.awaitingWeighing": "still to weigh",
};
