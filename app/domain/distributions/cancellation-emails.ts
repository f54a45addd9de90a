import { renderEmail } from "~/domain/mail/render-email";
import { cancelledMoneySentence, type CancelledMoney } from "~/domain/payments/refund-words";
import { formatParis, formatParisTime } from "~/domain/time/paris";
import type { Locale } from "~/i18n/messages";

type Cancelled = { startsAt: Date; endsAt: Date; pointName: string; reason: string };

function when(distribution: Cancelled, locale: Locale): string {
  return `${formatParis(distribution.startsAt, locale, "EEEE d MMMM yyyy")}, ${formatParisTime(distribution.startsAt)}–${formatParisTime(distribution.endsAt)}`;
}

/** To a customer: the date is cancelled, and so are their orders for it. */
export function distributionCancelledCustomerEmail(locale: Locale, input: Cancelled & { name: string; orderNumbers: number[]; ordersUrl: string; money?: CancelledMoney }) {
  // A card-paid order says what is refunded and when it shows; at pickup, there is nothing to pay.
  const refund = cancelledMoneySentence(input.money ?? null, locale);
  const numbers = input.orderNumbers.map((number) => `n° ${number}`).join(", ");
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `Distribution du ${formatParis(input.startsAt, locale, "EEEE d MMMM")} annulée — commande ${numbers} annulée`,
        greeting: `Bonjour ${input.name},`,
        paragraphs: [
          `La distribution du ${when(input, locale)} à ${input.pointName} est annulée.`,
          `Raison : ${input.reason}`,
          `Votre commande ${numbers} est donc annulée.${refund ? "" : " Vous n'avez rien à payer."}`,
          ...(refund ? [refund] : []),
        ],
        button: { label: "Voir mes commandes", url: input.ordersUrl },
      })
    : renderEmail({
        locale,
        subject: `Distribution of ${formatParis(input.startsAt, locale, "EEEE d MMMM")} cancelled — order ${numbers.replace(/n°/g, "no.")} cancelled`,
        greeting: `Hello ${input.name},`,
        paragraphs: [
          `The distribution of ${when(input, locale)} at ${input.pointName} is cancelled.`,
          `Reason: ${input.reason}`,
          `Your order ${numbers.replace(/n°/g, "no.")} is therefore cancelled.${refund ? "" : " You have nothing to pay."}`,
          ...(refund ? [refund] : []),
        ],
        button: { label: "See my orders", url: input.ordersUrl },
      });
}

/** To a producer who had offers there: nothing to prepare or bring. */
export function distributionCancelledProducerEmail(locale: Locale, input: Cancelled & { name: string; cancelledOrders: number; spaceUrl: string }) {
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `Distribution du ${formatParis(input.startsAt, locale, "EEEE d MMMM")} à ${input.pointName} annulée`,
        greeting: `Bonjour ${input.name},`,
        paragraphs: [
          `La distribution du ${when(input, locale)} à ${input.pointName}, où vous aviez des offres, est annulée.`,
          `Raison : ${input.reason}`,
          `${input.cancelledOrders} commande(s) de cette distribution ont été annulées et leurs clients prévenus : il n'y a rien à préparer.`,
        ],
        button: { label: "Ouvrir mon espace producteur", url: input.spaceUrl },
      })
    : renderEmail({
        locale,
        subject: `Distribution of ${formatParis(input.startsAt, locale, "EEEE d MMMM")} at ${input.pointName} cancelled`,
        greeting: `Hello ${input.name},`,
        paragraphs: [
          `The distribution of ${when(input, locale)} at ${input.pointName}, where you had offers, is cancelled.`,
          `Reason: ${input.reason}`,
          `${input.cancelledOrders} order(s) of this distribution were cancelled and their customers told: there is nothing to prepare.`,
        ],
        button: { label: "Open my producer space", url: input.spaceUrl },
      });
}
