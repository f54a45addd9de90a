/** The label's renewal when the reviewer asks for changes on it (issue 12, second round). French first; en has the same keys. */
export const labelRenewalFr = {
  "label.status.RENEWAL_CHANGES": "Renouvellement : compléments demandés",
  "label.own.renewalChangesHint": "Votre label reste valable jusqu'à sa date de fin. Renvoyez le renouvellement avec les compléments demandés avant cette date.",
};

export const labelRenewalEn: Record<keyof typeof labelRenewalFr, string> = {
  "label.status.RENEWAL_CHANGES": "Renewal: more information asked",
  "label.own.renewalChangesHint": "Your label stays valid until its end date. Send the renewal again with the information asked before then.",
};
