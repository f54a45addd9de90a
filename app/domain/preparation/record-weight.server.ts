import { z } from "zod";
import { db, type DbOrTx, type Tx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { priceForWeight } from "~/domain/ordering/variable-weight";
import { lockOrderForProducer, readPartMoney } from "~/domain/preparation/order-for-producer.server";
import { owedBackAfterWeighing, stallMoney } from "~/domain/preparation/owed-back";
import { weighedKilogramsField } from "~/domain/preparation/preparation-fields";

/**
 * The weighing form: the line, what the scale said in kilograms, and — when the page asked —
 * the amount the producer confirmed they will give back (in cents).
 */
export const recordWeightFormSchema = z.object({
  lineId: idField,
  weight: weighedKilogramsField,
  owedBackCents: z.preprocess(
    (value) => (value === undefined || value === "" ? undefined : typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : value),
    z.number({ error: "field.unknown" }).int({ error: "field.unknown" }).min(0, { error: "field.unknown" }).optional(),
  ),
});

export type RecordWeightInput = {
  producerId: string;
  lineId: string;
  grams: number;
  now: Date;
  /** What the producer was shown and confirmed they will give back; needed when this weighing owes the customer more than before. */
  acceptedOwedBackCents?: number;
};
export type RecordedWeight = { lineId: string; weighedGrams: number; finalCents: number; capCents: number; capped: boolean; owedBackCents: number };

type LockedLine = { id: string; orderId: string; variableWeight: boolean; gramsPerUnit: number | null; capCents: number | null; unitPriceCents: number };

/**
 * Records what the scale said for one line of this producer. The price follows the weight at the
 * ordered price per gram, never above the cap the customer agreed to (the database's CHECK backs
 * it). Weighing again replaces the previous weight.
 *
 * After a payment, a lighter weighing can leave the customer having paid more than is now due:
 * that difference is owed back, recorded on the line (decision 019). It is recorded only when the
 * producer confirmed that very amount (`acceptedOwedBackCents`); otherwise nothing changes and
 * the refusal says how much it would be. The order row is locked first, exactly as a payment
 * locks it, so a weighing and a payment at the same instant run one after the other and the part
 * always satisfies: owed back = max(0, paid − due).
 * Another producer's line is "not found".
 */
export async function recordWeight(input: RecordWeightInput, tx?: Tx): Promise<RecordedWeight> {
  if (tx) return recordWeightIn(tx, input);
  return db().$transaction((inner) => recordWeightIn(inner, input));
}

async function recordWeightIn(tx: DbOrTx, input: RecordWeightInput): Promise<RecordedWeight> {
  const [owner] = await tx.$queryRaw<Array<{ orderId: string }>>`
    SELECT ol."orderId" FROM "OrderLine" ol WHERE ol.id = ${input.lineId} AND ol."producerId" = ${input.producerId}`;
  if (!owner) throw new DomainError("not_found");
  // The same lock as payments and hand-overs take: checks the order is confirmed and past its cutoff.
  const order = await lockOrderForProducer(tx, owner.orderId, input.producerId, input.now);
  const [line] = await tx.$queryRaw<LockedLine[]>`
    SELECT ol.id, ol."orderId", ol."variableWeight", ol."gramsPerUnit", ol."capCents", ol."unitPriceCents"
    FROM "OrderLine" ol
    WHERE ol.id = ${input.lineId} AND ol."producerId" = ${input.producerId}
    FOR UPDATE OF ol`;
  if (!line) throw new DomainError("not_found");
  if (!line.variableWeight || line.gramsPerUnit === null || line.capCents === null) throw new DomainError("invalid", { field: "lineId", messageKey: "preparation.weigh.notWeighable" });

  const price = priceForWeight({ weighedGrams: input.grams, gramsPerUnit: line.gramsPerUnit, unitPriceCents: line.unitPriceCents, capCents: line.capCents });
  const part = await readPartMoney(tx, order, input.producerId, { lineId: line.id });
  const dueCents = part.otherLinesCents + price.cents;
  // What the stall may ask of this part once the online payment is counted: for a card-paid part,
  // nothing, and a lighter weighing owes nothing back here (refunded to the card at the close).
  const stall = stallMoney({ dueCents, paidOnlineCents: part.paidOnlineCents, weighedRefundedCents: part.weighedRefundedCents, paidAtStallCents: part.paidAtStallCents });
  const decision = owedBackAfterWeighing({ dueCents: stall.dueAtStallCents, paidCents: part.paidAtStallCents, recordedOwedBackCents: part.owedBackCents, acceptedOwedBackCents: input.acceptedOwedBackCents });
  if (decision.kind === "confirm") {
    throw new DomainError("owed_back_unconfirmed", {
      field: "weight",
      messageKey: "ordering.weigh.owedBackToConfirm",
      messageAmounts: { paid: part.paidAtStallCents, due: stall.dueAtStallCents, owedBack: decision.owedBackCents },
    });
  }
  // The part's owed back is the sum over its lines; it is kept on the line weighed last.
  await tx.$executeRaw`
    UPDATE "OrderLine"
    SET "weighedGrams" = CASE WHEN id = ${line.id} THEN ${input.grams} ELSE "weighedGrams" END,
        "finalCents" = CASE WHEN id = ${line.id} THEN ${price.cents} ELSE "finalCents" END,
        "weighedAt" = CASE WHEN id = ${line.id} THEN ${input.now} ELSE "weighedAt" END,
        "owedBackCents" = CASE WHEN id = ${line.id} THEN ${decision.owedBackCents} ELSE 0 END
    WHERE "orderId" = ${line.orderId} AND "producerId" = ${input.producerId}`;
  return { lineId: line.id, weighedGrams: input.grams, finalCents: price.cents, capCents: line.capCents, capped: price.capped, owedBackCents: decision.owedBackCents };
}
