import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { isCommuneInsee, isPointId, type PickupChoice } from "~/domain/distributions/pickup-choice";

/**
 * A resident chooses where they collect (issue 10): a pickup point, or every point of a commune.
 * The choice must name a point that exists, or a commune that has one; otherwise it is refused
 * and nothing changes. Signed in, it is kept on the account (the caller keeps a visitor's in a
 * cookie). Returns the choice as checked.
 */
export async function choosePickupPlace(options: { point?: string; commune?: string; userId?: string | null }): Promise<PickupChoice> {
  const choice = await checkedChoice(options.point, options.commune);
  if (options.userId) {
    await db().user.update({
      where: { id: options.userId },
      data: choice.kind === "point" ? { pickupPointId: choice.pointId, pickupCommuneInsee: null } : { pickupPointId: null, pickupCommuneInsee: choice.communeInsee },
      select: { id: true },
    });
  }
  return choice;
}

async function checkedChoice(point: string | undefined, commune: string | undefined): Promise<PickupChoice> {
  const unknown = new DomainError("invalid", { messageKey: "home.choice.unknown" });
  if (point !== undefined && commune === undefined) {
    if (!isPointId(point)) throw unknown;
    const found = await db().pickupPoint.findUnique({ where: { id: point }, select: { id: true } });
    if (!found) throw unknown;
    return { kind: "point", pointId: found.id };
  }
  if (commune !== undefined && point === undefined) {
    if (!isCommuneInsee(commune)) throw unknown;
    const found = await db().pickupPoint.findFirst({ where: { communeInsee: commune }, select: { communeInsee: true } });
    if (!found) throw unknown;
    return { kind: "commune", communeInsee: found.communeInsee };
  }
  throw unknown;
}
