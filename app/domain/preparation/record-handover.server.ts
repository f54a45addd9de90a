import { z } from "zod";
import { db, type DbOrTx, type Tx } from "~/db.server";
import { idField } from "~/domain/fields";
import { lockOrderForProducer } from "~/domain/preparation/order-for-producer.server";
import { handoverStatusField } from "~/domain/preparation/preparation-fields";
import type { HandoverStatus } from "~/domain/preparation/preparation-lists";

export const recordHandoverFormSchema = z.object({ orderId: idField, status: handoverStatusField });

export type RecordHandoverInput = { producerId: string; orderId: string; status: HandoverStatus; recordedById: string; now: Date };

/**
 * Marks this producer's part of an order collected or not collected. One row per order and
 * producer (its primary key): recording twice is harmless, and a mistake is corrected by
 * recording the other status.
 */
export async function recordHandover(input: RecordHandoverInput, tx?: Tx): Promise<{ orderId: string; status: HandoverStatus }> {
  if (tx) return recordHandoverIn(tx, input);
  return db().$transaction((inner) => recordHandoverIn(inner, input));
}

async function recordHandoverIn(tx: DbOrTx, input: RecordHandoverInput): Promise<{ orderId: string; status: HandoverStatus }> {
  await lockOrderForProducer(tx, input.orderId, input.producerId, input.now);
  await tx.$executeRaw`
    INSERT INTO "Handover" ("orderId", "producerId", status, "recordedAt", "recordedById")
    VALUES (${input.orderId}, ${input.producerId}, ${input.status}::"HandoverStatus", ${input.now}, ${input.recordedById})
    ON CONFLICT ("orderId", "producerId")
    DO UPDATE SET status = EXCLUDED.status, "recordedAt" = EXCLUDED."recordedAt", "recordedById" = EXCLUDED."recordedById"`;
  return { orderId: input.orderId, status: input.status };
}
