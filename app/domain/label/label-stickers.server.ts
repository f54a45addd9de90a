import { validLabelsOfProducer } from "~/domain/label/read-label.server";
import { validityInstant, verificationUrl } from "~/domain/label/label-badge";
import { translate, type Locale } from "~/i18n/messages";
import type { LabelStickerSheet } from "~/infra/label-stickers-pdf.server";

/**
 * The sticker sheet of one producer: a sticker per label of THEIR products valid at `now` (granted,
 * not expired; a suspended or revoked label gets none), each leading by its QR code to the label's
 * public verification. The producer is in the statement's `where` (validLabelsOfProducer): another
 * producer's labels can never be on the sheet. One statement.
 */
export async function producerLabelStickers(input: { producerId: string; producerName: string; now: Date; locale: Locale; appUrl: string }): Promise<LabelStickerSheet> {
  const labels = await validLabelsOfProducer(input.producerId, input.now);
  return {
    title: translate(input.locale, "labelStickers.title", { producer: input.producerName }),
    empty: translate(input.locale, "labelStickers.empty"),
    stickers: labels.map((label) => ({
      badge: translate(input.locale, "labelPublic.name"),
      number: label.number,
      product: input.locale === "en" && label.product.nameEn ? label.product.nameEn : label.product.name,
      producer: label.holder.name,
      validity: translate(input.locale, "labelStickers.validity", { date: validityInstant(label.validUntil, input.locale) }),
      url: verificationUrl(input.appUrl, label.number),
    })),
  };
}
