import { formatEuros } from "~/domain/money";
import { translate, type Locale } from "~/i18n/messages";

/**
 * What a cancellation email says of the money of a card order (decision 027 §4): what was
 * refunded to the card and when it shows, or that a payment still waiting charged nothing.
 * Nothing for an order paid at pickup (null): its email keeps « rien à payer ».
 */
export type CancelledMoney = { refundedCents: number } | { nothingCharged: true } | null;

export function cancelledMoneySentence(money: CancelledMoney, locale: Locale): string | null {
  if (!money) return null;
  if ("nothingCharged" in money) return translate(locale, "cardRefunds.email.nothingCharged");
  return translate(locale, "cardRefunds.email.refunded", { amount: formatEuros(money.refundedCents, locale) });
}
