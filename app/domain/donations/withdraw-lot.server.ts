import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";

/**
 * The donor takes an open lot off the charities' list: OPEN → WITHDRAWN in one conditional
 * UPDATE (two taps withdraw once). Reservations already made stay valid and can still be handed
 * over; nothing new can be claimed (claim-lot only takes OPEN lots). Another donor's lot: 404.
 */
export async function withdrawLot(options: { donorId: string; lotId: string; now: Date }): Promise<{ id: string; status: "WITHDRAWN" }> {
  const [withdrawn] = await db().$queryRaw<Array<{ id: string }>>`
    UPDATE "DonationLot" SET status = 'WITHDRAWN'
    WHERE id = ${options.lotId} AND "donorId" = ${options.donorId} AND status = 'OPEN'
    RETURNING id`;
  if (withdrawn) return { id: withdrawn.id, status: "WITHDRAWN" };
  const [lot] = await db().$queryRaw<Array<{ status: string }>>`
    SELECT status::text AS status FROM "DonationLot" WHERE id = ${options.lotId} AND "donorId" = ${options.donorId}`;
  if (!lot) throw new DomainError("not_found");
  throw new DomainError("lot_closed", { messageKey: lot.status === "WITHDRAWN" ? "donor.withdraw.already" : "donor.withdraw.closed" });
}
