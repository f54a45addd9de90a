import { placeLine } from "~/domain/distributions/place-line";
import { formatEuros } from "~/domain/money";
import { renderEmail } from "~/domain/mail/render-email";
import { cancelledMoneySentence, type CancelledMoney } from "~/domain/payments/refund-words";
import type { OrderView } from "~/domain/ordering/order-view.server";
import { unitLabel } from "~/domain/catalog/units";
import { formatParis, formatParisTime } from "~/domain/time/paris";
import type { Locale } from "~/i18n/messages";

function when(order: OrderView, locale: Locale): string {
  return `${formatParis(order.slot.startsAt, locale, locale === "fr" ? "EEEE d MMMM yyyy" : "EEEE d MMMM yyyy")}, ${formatParisTime(order.slot.startsAt)}–${formatParisTime(order.slot.endsAt)}`;
}

function where(order: OrderView): string {
  const point = order.distribution.pickupPoint;
  return `${point.name}, ${placeLine(point.address, point.commune)}`;
}

function lineRows(order: OrderView, locale: Locale): Array<[string, string]> {
  return order.lines.map((line) => [
    `${line.quantity} × ${line.productName} (${unitLabel(line.unit, locale)})`,
    formatEuros(line.lineTotalCents, locale),
  ]);
}

export function orderConfirmationEmail(order: OrderView, locale: Locale, name: string, orderUrl: string) {
  const total = formatEuros(order.totalCents, locale);
  // A card order is paid online before it is confirmed: say what was charged, never « à régler au retrait ».
  const paid = order.paymentMethod === "ONLINE_CARD" && order.cardPayment ? formatEuros(order.cardPayment.amountCents, locale) : null;
  const weighed = order.lines.some((line) => line.variableWeight && line.finalCents === null);
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `Commande n° ${order.number} confirmée — retrait ${formatParis(order.slot.startsAt, locale, "EEEE d MMMM")}`,
        greeting: `Bonjour ${name},`,
        paragraphs: [
          `Votre commande n° ${order.number} est confirmée.`,
          `Où : ${where(order)}.`,
          `Quand : ${when(order, locale)}.`,
          paid
            ? `Paiement : ${paid} payés en ligne par carte bancaire.${weighed ? " Les produits au poids sont débités à leur plafond ; la différence vous sera remboursée après la pesée." : ""}`
            : `Paiement : ${total} à régler au retrait.`,
          `Vous pouvez modifier ou annuler votre commande jusqu'au ${formatParis(order.distribution.cutoffAt, locale)}.`,
        ],
        table: { rows: lineRows(order, locale), total: ["Total TTC", total] },
        button: { label: "Voir ma commande", url: orderUrl },
      })
    : renderEmail({
        locale,
        subject: `Order no. ${order.number} confirmed — pickup ${formatParis(order.slot.startsAt, locale, "EEEE d MMMM")}`,
        greeting: `Hello ${name},`,
        paragraphs: [
          `Your order no. ${order.number} is confirmed.`,
          `Where: ${where(order)}.`,
          `When: ${when(order, locale)}.`,
          paid
            ? `Payment: ${paid} paid online by card.${weighed ? " Products sold by weight are charged at their cap; the difference will be refunded after weighing." : ""}`
            : `Payment: ${total}, to pay at pickup.`,
          `You can change or cancel your order until ${formatParis(order.distribution.cutoffAt, locale)}.`,
        ],
        table: { rows: lineRows(order, locale), total: ["Total incl. VAT", total] },
        button: { label: "See my order", url: orderUrl },
      });
}

/** `money`: what a card order's cancellation refunded (cancelledMoneySentence); null for an order paid at pickup. */
export function orderCancelledEmail(order: OrderView, locale: Locale, name: string, money: CancelledMoney = null) {
  const refund = cancelledMoneySentence(money, locale);
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `Commande n° ${order.number} annulée`,
        greeting: `Bonjour ${name},`,
        paragraphs: [`Votre commande n° ${order.number} pour le ${when(order, locale)} à ${order.distribution.pickupPoint.name} est annulée.${refund ? "" : " Vous n'avez rien à payer."}`, ...(refund ? [refund] : [])],
      })
    : renderEmail({
        locale,
        subject: `Order no. ${order.number} cancelled`,
        greeting: `Hello ${name},`,
        paragraphs: [`Your order no. ${order.number} for ${when(order, locale)} at ${order.distribution.pickupPoint.name} is cancelled.${refund ? "" : " You have nothing to pay."}`, ...(refund ? [refund] : [])],
      });
}

/**
 * A card payment that could not be honoured (decision 027 §3): it arrived after the hold ended
 * and the products or the slot were gone, or after the order was cancelled. Says what is refunded.
 */
export function latePaymentRefundedEmail(order: OrderView, locale: Locale, name: string, refundedCents: number, reason: "LATE_PAYMENT" | "CUSTOMER_CANCELLED" | "DISTRIBUTION_CANCELLED" | string) {
  const amount = formatEuros(refundedCents, locale);
  const late = reason === "LATE_PAYMENT";
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `Commande n° ${order.number} : paiement remboursé`,
        greeting: `Bonjour ${name},`,
        paragraphs: [
          late
            ? `Votre paiement de la commande n° ${order.number} est arrivé après la fin de la réservation, et les produits ou le créneau n'étaient plus disponibles : la commande est annulée.`
            : `Votre paiement de la commande n° ${order.number} est arrivé alors qu'elle était déjà annulée.`,
          `${amount} vous sont remboursés sur votre carte bancaire ; le remboursement apparaît sous 5 à 10 jours.`,
        ],
      })
    : renderEmail({
        locale,
        subject: `Order no. ${order.number}: payment refunded`,
        greeting: `Hello ${name},`,
        paragraphs: [
          late
            ? `Your payment for order no. ${order.number} arrived after the hold ended, and the products or the slot were no longer available: the order is cancelled.`
            : `Your payment for order no. ${order.number} arrived when the order was already cancelled.`,
          `${amount} is refunded to your card; the refund shows within 5 to 10 days.`,
        ],
      });
}
