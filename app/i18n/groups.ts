/**
 * Pages are grouped by who reads them; each group's pages receive only their group's messages,
 * in their language (docs/decisions/025). What each group holds: app/i18n/group-contents.ts.
 * This file is in every browser bundle: keep it to the URL rule.
 */
export const MESSAGE_GROUPS = ["shopper", "accounts", "producer", "charity", "admin"] as const;

export type MessageGroup = (typeof MESSAGE_GROUPS)[number];

export function isMessageGroup(value: string): value is MessageGroup {
  return (MESSAGE_GROUPS as readonly string[]).includes(value);
}

const ACCOUNT_PAGES = ["connexion", "inscription", "mot-de-passe-oublie", "reinitialiser", "verifier-email", "invitation", "devenir-producteur", "devenir-association", "deconnexion", "langue"];

/** The group of a page from its URL path: "/producteur/ventes/3" → "producer". */
export function messageGroupOf(pathname: string): MessageGroup {
  const first = pathname.split("/")[1] ?? "";
  if (first === "producteur") return "producer";
  if (first === "association" || first === "dons" || first === "factures") return "charity";
  if (first === "admin" || first === "gestion") return "admin";
  if (ACCOUNT_PAGES.includes(first)) return "accounts";
  return "shopper";
}
