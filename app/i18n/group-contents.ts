import type { MessageGroup } from "~/i18n/groups";

/**
 * What each group of pages receives, as key prefixes ("catalogue." is every key that starts with
 * it; a whole key names that key alone). A new area's messages reach a page once its prefix is in
 * the page's group: one line here. `app/i18n/group-contents.test.ts` fails when a page or a
 * component it imports uses a key its group lacks. Read by the server only (dictionaries.server.ts).
 */
const core = [
  "brand.", "nav.", "error.", "field.", "forms.", "space.",
  // the header's link to the territory's sales summary
  "producer.nav.summary",
];

export const GROUP_CONTENTS: Record<MessageGroup, readonly string[]> = {
  shopper: [...core, "agenda.", "essKind.", "openData.", "home.", "catalogue.", "product.", "cart.", "orders.", "shop.", "myOrders.", "ordering.", "cartGuest.", "receipt.", "creditNote.", "cardRefunds.reason.", "cardRefunds.kind.", "cardRefunds.status.", "cardCheckout.", "accountsEmail.verify.askNew", "directory.", "labelPublic."],
  accounts: [...core, "auth.", "accountsEmail.", "accountsSecurity.", "organisations.", "directory.profile.", "directory.field.", "charity."],
  producer: [...core, "essEvents.", "essActors.", "agenda.", "producer.", "directory.profile.", "directory.field.", "products.", "offers.", "import.", "preparation.", "pickupSheet.", "quay.", "donations.", "donor.", "organisations.", "series.", "sea.", "slip.", "taxSummary.", "claiming.unit.", "ordering.", "accountsEmail.invitation.notVerified", "accountsEmail.review.ownNotice", "cardStatement.", "cardRefunds.", "creditNote.", "labelStickers.download", "label."],
  charity: [...core, "charity.", "claiming.", "impact.", "donations.", "slip.", "sea.", "taxSummary.", "donor.unit.", "organisations.", "import.file."],
  admin: [...core, "outbox.", "organisations.", "directory.profile.", "directory.admin.", "directory.field.", "series.", "impact.", "preparation.", "accountsEmail.", "charity.", "claiming.unit.", "donations.rule.", "donor.unit.", "taxSummary.", "cardStatement.", "cardRefunds.", "creditNote.", "essActors.", "essKind.", "essEvents.", "agenda.", "label."],
};
