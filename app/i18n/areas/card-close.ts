/**
 * The close of a distribution's card money (issue 11, decision 027 §5, §6, §9): the money is final
 * 48 hours after the end, and the pickup sheet says what a card-paid order paid online. Keys under
 * "pickupSheet.online." reach the producer's pages with the pickup sheet's own group. French first.
 */
export const cardCloseFr = {
  "error.money_final": "Les comptes de cette distribution sont clos (48 heures après sa fin) : pesées, remises et paiements au stand ne peuvent plus changer.",
  "pickupSheet.online.paid": "Payé en ligne : {amount}",
  "pickupSheet.online.refunded": "dont {amount} remboursé(s) sur la carte",
  "pickupSheet.online.refundAfterClose": "{amount} remboursé(s) sur la carte après la clôture : rien à rendre au stand.",
  "pickupSheet.online.printedPaid": "payé en ligne {amount}",
  "pickupSheet.online.printedRefund": "remboursé sur la carte après la clôture : {amount}",
  "pickupSheet.online.nothingAtStall": "Cette commande est payée en ligne (carte bancaire en ligne) : il ne reste rien à encaisser au stand.",
  "pickupSheet.online.tooMuch": "Ce montant dépasse ce qui reste à payer au stand une fois compté le paiement en ligne : {amount}.",
  "pickupSheet.online.closed": "Comptes clos le {date} : pesées, remises et paiements au stand ne changent plus.",
} as const;

export const cardCloseEn: Record<keyof typeof cardCloseFr, string> = {
  "error.money_final": "This distribution's accounts are closed (48 hours after its end): weighings, hand-overs and stall payments can no longer change.",
  "pickupSheet.online.paid": "Paid online: {amount}",
  "pickupSheet.online.refunded": "of which {amount} refunded to the card",
  "pickupSheet.online.refundAfterClose": "{amount} refunded to the card after the close: nothing to give back at the stall.",
  "pickupSheet.online.printedPaid": "paid online {amount}",
  "pickupSheet.online.printedRefund": "refunded to the card after the close: {amount}",
  "pickupSheet.online.nothingAtStall": "This order is paid online (card online): nothing is left to take at the stall.",
  "pickupSheet.online.tooMuch": "This amount is more than what is left to pay at the stall once the online payment is counted: {amount}.",
  "pickupSheet.online.closed": "Accounts closed on {date}: weighings, hand-overs and stall payments no longer change.",
};
