import { z } from "zod";
import { db, type DbOrTx, type Tx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { priceForWeight } from "~/domain/ordering/variable-weight";
import { weighedKilogramsField } from "~/domain/preparation/preparation-fields";
import { preparationState } from "~/domain/preparation/preparation-window";

/** The weighing form: the line and what the scale said, in kilograms. */
export const recordWeightFormSchema = z.object({ lineId: idField, weight: weighedKilogramsField });

export type RecordWeightInput = { producerId: string; lineId: string; grams: number; now: Date };
export type RecordedWeight = { lineId: string; weighedGrams: number; finalCents: number; capCents: number; capped: boolean };

type LockedLine = { id: string; variableWeight: boolean; gramsPerUnit: number | null; capCents: number | null; unitPriceCents: number; status: string; cutoffAt: Date };

/**
 * Records what the scale said for one line of this producer. The price follows the weight at the
 * ordered price per gram, never above the cap the customer agreed to (the database's CHECK backs
 * it); nothing else is recomputed: the customer's order view adds the lines up when it is read.
 * Weighing again replaces the previous weight. Another producer's line is "not found".
 */
export async function recordWeight(input: RecordWeightInput, tx?: Tx): Promise<RecordedWeight> {
  if (tx) return recordWeightIn(tx, input);
  return db().$transaction((inner) => recordWeightIn(inner, input));
}

async function recordWeightIn(tx: DbOrTx, input: RecordWeightInput): Promise<RecordedWeight> {
  const [line] = await tx.$queryRaw<LockedLine[]>`
    SELECT ol.id, ol."variableWeight", ol."gramsPerUnit", ol."capCents", ol."unitPriceCents", d.status::text AS status, d."cutoffAt"
    FROM "OrderLine" ol
    JOIN "Order" o ON o.id = ol."orderId"
    JOIN "Distribution" d ON d.id = o."distributionId"
    WHERE ol.id = ${input.lineId} AND ol."producerId" = ${input.producerId} AND o.status = 'CONFIRMED'
    FOR UPDATE OF ol`;
  if (!line) throw new DomainError("not_found");
  if (preparationState(line, input.now) !== "open") throw new DomainError("preparation_not_open");
  if (!line.variableWeight || line.gramsPerUnit === null || line.capCents === null) throw new DomainError("invalid", { field: "lineId", messageKey: "preparation.weigh.notWeighable" });

  const price = priceForWeight({ weighedGrams: input.grams, gramsPerUnit: line.gramsPerUnit, unitPriceCents: line.unitPriceCents, capCents: line.capCents });
  await tx.$executeRaw`
    UPDATE "OrderLine" SET "weighedGrams" = ${input.grams}, "finalCents" = ${price.cents}, "weighedAt" = ${input.now}
    WHERE id = ${input.lineId} AND "producerId" = ${input.producerId}`;
  return { lineId: line.id, weighedGrams: input.grams, finalCents: price.cents, capCents: line.capCents, capped: price.capped };
}
