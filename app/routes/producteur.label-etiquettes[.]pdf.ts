import type { LoaderFunctionArgs } from "@remix-run/node";
import { producerLabelStickers } from "~/domain/label/label-stickers.server";
import { env } from "~/env.server";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { renderLabelStickers } from "~/infra/label-stickers-pdf.server";
import { pdfResponse } from "~/infra/pdf.server";

/** The producer's sticker sheet (A4 PDF): one sticker per label of their own valid now, each with its QR code. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const sheet = await producerLabelStickers({ producerId: producer.id, producerName: producer.name, now: now(), locale, appUrl: env().APP_URL });
  return pdfResponse(await renderLabelStickers(sheet), `etiquettes-label-${producer.slug}.pdf`);
}
