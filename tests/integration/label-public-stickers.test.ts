import { afterEach, expect, test, vi } from "vitest";
import { db } from "~/db.server";
import { loader } from "~/routes/producteur.label-etiquettes[.]pdf";
import { createDistribution, createOffer, createProducerUser } from "../factories";
import { createLabel } from "../factories-label-public";
import { pdfLines, pdfText } from "../pdf-text";
import { get } from "../route-requests";

const clock = vi.hoisted(() => ({ at: null as Date | null }));
vi.mock("~/http/clock.server", () => ({ now: () => (clock.at ? new Date(clock.at) : new Date()) }));
afterEach(() => {
  clock.at = null;
});

const DAY = 86_400_000;

function flat(bytes: Uint8Array): string {
  return pdfText(bytes).replace(/\s+/g, " ");
}

async function stickerSheet(cookie: string, locale = "fr") {
  const response = await loader({ request: get("/producteur/label-etiquettes.pdf", `${cookie}; tm_lang=${locale}`), params: {}, context: {} });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="etiquettes-label-[A-Za-z0-9._-]+\.pdf"$/);
  return new Uint8Array(await response.arrayBuffer());
}

/** A producer with a cider labelled until `validUntil`, a perry whose label is suspended, and a juice without one. */
async function producerWithLabels(validUntil: Date) {
  const producer = await createProducerUser();
  await db().organisation.update({ where: { id: producer.producerId }, data: { name: "Cidrerie des Falaises" } });
  const distribution = await createDistribution();
  const validFrom = new Date(validUntil.getTime() - 365 * DAY);
  const cider = await createOffer({ distributionId: distribution.id, producerId: producer.producerId, name: "Cidre brut fermier 75 cl" });
  const perry = await createOffer({ distributionId: distribution.id, producerId: producer.producerId, name: "Poiré suspendu" });
  await createOffer({ distributionId: distribution.id, producerId: producer.producerId, name: "Jus de pomme" });
  const label = await createLabel({ productId: cider.productId, status: "GRANTED", validFrom, validUntil });
  const suspended = await createLabel({ productId: perry.productId, status: "SUSPENDED", validFrom, validUntil });
  return { producer, label, suspended };
}

test("the sticker sheet has a sticker per label valid now: the badge, the number, the product, the holder, the validity and the verification URL its QR code encodes", async () => {
  // Valid today (the session is read at the same clock): from 5 October 2026 to 5 October 2027.
  const validUntil = new Date("2027-10-05T12:00:00.000Z");
  const { producer, label, suspended } = await producerWithLabels(validUntil);

  const bytes = await stickerSheet(producer.cookie);
  // A sticker is narrow: its lines wrap where they must, so the words are read as one text.
  const text = flat(bytes);
  expect(text).toContain("Étiquettes « Produit local Dieppe Maritime » — Cidrerie des Falaises");
  expect(text).toContain("Produit local Dieppe Maritime");
  expect(text).toContain(label.number);
  expect(text).toContain("Cidre brut fermier 75 cl");
  expect(text).toContain("Cidrerie des Falaises");
  expect(text).toContain("Valable jusqu'au 5 octobre 2027 à 14:00");
  const url = `http://localhost:3000/label/${label.number}`;
  expect(pdfLines(bytes)).toContain(url);
  // The QR code's square is a link to the same URL, the one its modules encode (decision 032).
  expect(Buffer.from(bytes).toString("latin1")).toContain(`/URI (${url})`);
  // A suspended label and a product without one get no sticker.
  expect(text).not.toContain(suspended.number);
  expect(text).not.toContain("Poiré suspendu");
  expect(text).not.toContain("Jus de pomme");

  const english = flat(await stickerSheet(producer.cookie, "en"));
  expect(english).toContain("Valid until 5 October 2027 at 14:00");
  expect(english).toContain("Local product Dieppe Maritime");
});

test("a label expired at this instant is off the sheet; with none left the sheet says there is nothing to print", async () => {
  const validUntil = new Date(Date.now() + 2 * DAY);
  const { producer, label } = await producerWithLabels(validUntil);

  clock.at = new Date(validUntil.getTime() - 1);
  expect(pdfText(await stickerSheet(producer.cookie))).toContain(label.number);
  clock.at = validUntil;
  const after = pdfText(await stickerSheet(producer.cookie));
  expect(after).not.toContain(label.number);
  expect(after.replace(/\s+/g, " ")).toContain("Aucun label accordé en cours de validité : rien à imprimer pour le moment.");
});

test("a producer's sheet holds only their own labels, and twelve labels take two pages", async () => {
  const validUntil = new Date(Date.now() + 200 * DAY);
  const mine = await producerWithLabels(validUntil);
  const theirs = await producerWithLabels(validUntil);
  const distribution = await createDistribution();
  for (let index = 0; index < 11; index++) {
    const offer = await createOffer({ distributionId: distribution.id, producerId: mine.producer.producerId, name: `Pommes n° ${index}` });
    await createLabel({ productId: offer.productId, status: "GRANTED", validFrom: new Date(Date.now() - DAY), validUntil });
  }

  const bytes = await stickerSheet(mine.producer.cookie);
  const text = pdfText(bytes);
  expect(text).toContain(mine.label.number);
  expect(text).not.toContain(theirs.label.number);
  expect(text).toContain("Pommes n° 10");
  expect(Buffer.from(bytes).toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(2);

  const other = pdfText(await stickerSheet(theirs.producer.cookie));
  expect(other).toContain(theirs.label.number);
  expect(other).not.toContain(mine.label.number);
  expect(other).not.toContain("Pommes n°");
});
