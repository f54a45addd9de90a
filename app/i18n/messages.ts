import { fillIn } from "~/i18n/dictionary";
import { coreEn, coreFr } from "~/i18n/areas/core";
import { authEn, authFr } from "~/i18n/areas/auth";
import { storefrontEn, storefrontFr } from "~/i18n/areas/storefront";
import { outboxEn, outboxFr } from "~/i18n/areas/outbox";
import { producerSpaceEn, producerSpaceFr } from "~/i18n/areas/producer-space";
import { productsEn, productsFr } from "~/i18n/areas/products";
import { offersEn, offersFr } from "~/i18n/areas/offers";
import { accountsSecurityEn, accountsSecurityFr } from "~/i18n/areas/accounts-security";
import { preparationEn, preparationFr } from "~/i18n/areas/preparation";
import { catalogueImportEn, catalogueImportFr } from "~/i18n/areas/catalogue-import";
import { organisationsEn, organisationsFr } from "~/i18n/areas/organisations";
import { accountsEmailEn, accountsEmailFr } from "~/i18n/areas/accounts-email";
import { distributionsAdminEn, distributionsAdminFr } from "~/i18n/areas/distributions-admin";
import { donationsEn, donationsFr } from "~/i18n/areas/donations";
import { donationsCharityEn, donationsCharityFr } from "~/i18n/areas/donations-charity-space";
import { donationsClaimingEn, donationsClaimingFr } from "~/i18n/areas/donations-claiming";
import { donationsDonorEn, donationsDonorFr } from "~/i18n/areas/donations-donor";
import { donationsDocumentsEn, donationsDocumentsFr } from "~/i18n/areas/donations-documents";
import { donationsSeaEn, donationsSeaFr } from "~/i18n/areas/donations-sea";
import { orderingRulesEn, orderingRulesFr } from "~/i18n/areas/ordering-rules";
import { resilienceEn, resilienceFr } from "~/i18n/areas/resilience";
import { myOrdersEn, myOrdersFr } from "~/i18n/areas/my-orders";
import { pickupSheetEn, pickupSheetFr } from "~/i18n/areas/pickup-sheet";
import { formsEn, formsFr } from "~/i18n/areas/forms";
import { spaceNavEn, spaceNavFr } from "~/i18n/areas/space-nav";
import { cartEn, cartFr } from "~/i18n/areas/cart";
import { quayEn, quayFr } from "~/i18n/areas/quay";
import { cataloguePhoneEn, cataloguePhoneFr } from "~/i18n/areas/catalogue-phone";
import { homeEn, homeFr } from "~/i18n/areas/home";
import { stripeWebhookEn, stripeWebhookFr } from "~/i18n/areas/stripe-webhook";
import { receiptsEn, receiptsFr } from "~/i18n/areas/receipts";
import { cardCheckoutEn, cardCheckoutFr } from "~/i18n/areas/card-checkout";
import { cardCloseEn, cardCloseFr } from "~/i18n/areas/card-close";
import { cardStatementsEn, cardStatementsFr } from "~/i18n/areas/card-statements";
import { cardRefundsEn, cardRefundsFr } from "~/i18n/areas/card-refunds";
import { essEn, essFr } from "~/i18n/areas/ess";
import { directoryEn, directoryFr } from "~/i18n/areas/directory";
import { directoryNearEn, directoryNearFr } from "~/i18n/areas/directory-near";
import { labelPublicEn, labelPublicFr } from "~/i18n/areas/label-public";
import { labelEn, labelFr } from "~/i18n/areas/label";
import { directoryActorsEn, directoryActorsFr } from "~/i18n/areas/directory-actors";
import { labelRenewalEn, labelRenewalFr } from "~/i18n/areas/label-renewal";
import { openingHoursEn, openingHoursFr } from "~/i18n/areas/opening-hours";
import { producersApiEn, producersApiFr } from "~/i18n/areas/producers-api";

/**
 * Every sentence a user reads, French first. `en` must have exactly the same keys (the type
 * checks it). Placeholders are `{name}`.
 */
export const fr = {
  ...coreFr,
  ...authFr,
  ...storefrontFr,
  ...outboxFr,
  ...producerSpaceFr,
  ...productsFr,
  ...offersFr,
  ...accountsSecurityFr,
  ...preparationFr,
  ...catalogueImportFr,
  ...organisationsFr,
  ...accountsEmailFr,
  ...distributionsAdminFr,
  ...donationsFr,
  ...donationsCharityFr,
  ...donationsClaimingFr,
  ...donationsDonorFr,
  ...donationsDocumentsFr,
  ...donationsSeaFr,
  ...orderingRulesFr,
  ...resilienceFr,
  ...myOrdersFr,
  ...pickupSheetFr,
  ...formsFr,
  ...spaceNavFr,
  ...cartFr,
  ...quayFr,
  ...cataloguePhoneFr,
  ...homeFr,
  ...stripeWebhookFr,
  ...receiptsFr,
  ...cardCheckoutFr,
  ...cardCloseFr,
  ...cardStatementsFr,
  ...cardRefundsFr,
  ...essFr,
  ...directoryFr,
  ...directoryNearFr,
  ...labelPublicFr,
  ...labelFr,
  ...directoryActorsFr,
  ...labelRenewalFr,
  ...openingHoursFr,
  ...producersApiFr,
} as const;

export type MessageKey = keyof typeof fr;

export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...authEn,
  ...storefrontEn,
  ...outboxEn,
  ...producerSpaceEn,
  ...productsEn,
  ...offersEn,
  ...accountsSecurityEn,
  ...preparationEn,
  ...catalogueImportEn,
  ...organisationsEn,
  ...accountsEmailEn,
  ...distributionsAdminEn,
  ...donationsEn,
  ...donationsCharityEn,
  ...donationsClaimingEn,
  ...donationsDonorEn,
  ...donationsDocumentsEn,
  ...donationsSeaEn,
  ...orderingRulesEn,
  ...resilienceEn,
  ...myOrdersEn,
  ...pickupSheetEn,
  ...formsEn,
  ...spaceNavEn,
  ...cartEn,
  ...quayEn,
  ...cataloguePhoneEn,
  ...homeEn,
  ...stripeWebhookEn,
  ...receiptsEn,
  ...cardCheckoutEn,
  ...cardCloseEn,
  ...cardStatementsEn,
  ...cardRefundsEn,
  ...essEn,
  ...directoryEn,
  ...directoryNearEn,
  ...labelPublicEn,
  ...labelEn,
  ...directoryActorsEn,
  ...labelRenewalEn,
  ...openingHoursEn,
  ...producersApiEn,
};

export type Locale = "fr" | "en";

/** The whole catalogue, for the server (emails, PDFs, CSV, loaders); pages read their group's dictionary (use-t.ts). */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return fillIn((locale === "en" ? en : fr)[key], params);
}

export function isMessageKey(value: string): value is MessageKey {
  return value in fr;
}
