import { degreesText, unitsText } from "~/domain/donations/donation-format";
import { renderEmail } from "~/domain/mail/render-email";
import { formatParis } from "~/domain/time/paris";
import type { Locale } from "~/i18n/messages";

/** To each member of the charity: the donor confirmed the hand-over of their claim. */
export function pickupCollectedEmail(
  locale: Locale,
  input: { name: string; donorName: string; productName: string; quantity: number; unit: "KG" | "PIECE" | "LITRE"; lotNumber: string | null; collectedAt: Date; temperatureC: number | null },
) {
  const quantity = unitsText(input.quantity, input.unit, locale);
  const when = formatParis(input.collectedAt, locale);
  const temperature = input.temperatureC === null ? null : degreesText(input.temperatureC, locale);
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `Retrait confirmé : ${input.productName} (${quantity})`,
        greeting: `Bonjour ${input.name},`,
        paragraphs: [`${input.donorName} a confirmé la remise de votre réservation, ${when}.`],
        table: {
          rows: [
            ["Produit", input.productName],
            ["Quantité", quantity],
            ["Numéro de lot", input.lotNumber ?? "—"],
            ["Température à la remise", temperature ?? "non relevée (produit sec)"],
          ],
        },
      })
    : renderEmail({
        locale,
        subject: `Pickup confirmed: ${input.productName} (${quantity})`,
        greeting: `Hello ${input.name},`,
        paragraphs: [`${input.donorName} confirmed the hand-over of your claim, ${when}.`],
        table: {
          rows: [
            ["Product", input.productName],
            ["Quantity", quantity],
            ["Lot number", input.lotNumber ?? "—"],
            ["Temperature at hand-over", temperature ?? "not taken (ambient product)"],
          ],
        },
      });
}
