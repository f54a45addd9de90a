/** The territory's email outbox. French first; en has the same keys. */
export const outboxFr = {
  "outbox.title": "Boîte d'envoi des courriels",
  "outbox.intro": "Sans serveur SMTP configuré, les courriels restent ici. Ils sont écrits dans la même transaction que ce qui les déclenche.",
  "outbox.empty": "Aucun courriel pour le moment.",
  "outbox.to": "Destinataire",
  "outbox.status": "État",
} as const;

export const outboxEn: Record<keyof typeof outboxFr, string> = {
  "outbox.title": "Email outbox",
  "outbox.intro": "With no SMTP server configured, emails stay here. Each is written in the same transaction as what causes it.",
  "outbox.empty": "No email yet.",
  "outbox.to": "To",
  "outbox.status": "Status",
};
