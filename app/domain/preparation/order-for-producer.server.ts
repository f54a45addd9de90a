import type { DbOrTx } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { preparationState } from "~/domain/preparation/preparation-window";

/**
 * The confirmed order as far as one producer is concerned, locked for the rest of the
 * transaction: it must hold at least one of their lines (else "not found", like an unknown id),
 * and its distribution must be past its cutoff (else "preparation_not_open").
 */
export async function lockOrderForProducer(tx: DbOrTx, orderId: string, producerId: string, now: Date): Promise<{ id: string }> {
  const [order] = await tx.$queryRaw<Array<{ id: string; status: string; cutoffAt: Date }>>`
    SELECT o.id, d.status::text AS status, d."cutoffAt"
    FROM "Order" o JOIN "Distribution" d ON d.id = o."distributionId"
    WHERE o.id = ${orderId} AND o.status = 'CONFIRMED'
      AND EXISTS (SELECT 1 FROM "OrderLine" ol WHERE ol."orderId" = o.id AND ol."producerId" = ${producerId})
    FOR UPDATE OF o`;
  if (!order) throw new DomainError("not_found");
  if (preparationState(order, now) !== "open") throw new DomainError("preparation_not_open");
  return { id: order.id };
}
