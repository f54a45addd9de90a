import { unitsText } from "~/domain/donations/donation-format";
import { renderEmail } from "~/domain/mail/render-email";
import { formatParis } from "~/domain/time/paris";
import type { Locale } from "~/i18n/messages";

type LotSummary = { productName: string; quantity: number; unit: "KG" | "PIECE" | "LITRE"; donorName: string; pickupPlace: string; pickupStart: Date; pickupEnd: Date };

/** To each member of a verified charity whose settings match: a lot is available to claim. */
export function lotAvailableEmail(locale: Locale, input: LotSummary & { name: string; charityName: string; lotsUrl: string }) {
  const window = `${formatParis(input.pickupStart, locale)} – ${formatParis(input.pickupEnd, locale)}`;
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `Don disponible : ${unitsText(input.quantity, input.unit, locale)} de ${input.productName}`,
        greeting: `Bonjour ${input.name},`,
        paragraphs: [
          `${input.donorName} propose ${unitsText(input.quantity, input.unit, locale)} de ${input.productName}, qui correspond aux réglages de ${input.charityName}.`,
          `Retrait : ${input.pickupPlace}, ${window}.`,
          "Premier arrivé, premier servi : réservez tout ou partie du lot.",
        ],
        button: { label: "Voir les lots à réserver", url: input.lotsUrl },
      })
    : renderEmail({
        locale,
        subject: `Donation available: ${unitsText(input.quantity, input.unit, locale)} of ${input.productName}`,
        greeting: `Hello ${input.name},`,
        paragraphs: [
          `${input.donorName} offers ${unitsText(input.quantity, input.unit, locale)} of ${input.productName}, matching the settings of ${input.charityName}.`,
          `Pickup: ${input.pickupPlace}, ${window}.`,
          "First come, first served: claim all or part of the lot.",
        ],
        button: { label: "See the lots to claim", url: input.lotsUrl },
      });
}

/** To each member of the donor: a charity claimed part of a lot. The pickup code is never in it. */
export function lotClaimedEmail(locale: Locale, input: { name: string; productName: string; unit: LotSummary["unit"]; claimed: number; remaining: number; charityName: string; pickupStart: Date; pickupEnd: Date }) {
  const window = `${formatParis(input.pickupStart, locale)} – ${formatParis(input.pickupEnd, locale)}`;
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `${input.charityName} a réservé ${unitsText(input.claimed, input.unit, locale)} de ${input.productName}`,
        greeting: `Bonjour ${input.name},`,
        paragraphs: [
          `${input.charityName} a réservé ${unitsText(input.claimed, input.unit, locale)} de votre lot de ${input.productName} ; il en reste ${unitsText(input.remaining, input.unit, locale)}.`,
          `L'association viendra pendant la fenêtre de retrait (${window}) avec son code de retrait : saisissez-le pour confirmer la remise.`,
        ],
      })
    : renderEmail({
        locale,
        subject: `${input.charityName} claimed ${unitsText(input.claimed, input.unit, locale)} of ${input.productName}`,
        greeting: `Hello ${input.name},`,
        paragraphs: [
          `${input.charityName} claimed ${unitsText(input.claimed, input.unit, locale)} of your lot of ${input.productName}; ${unitsText(input.remaining, input.unit, locale)} remain.`,
          `The charity will come during the pickup window (${window}) with its pickup code: enter it to confirm the hand-over.`,
        ],
      });
}
