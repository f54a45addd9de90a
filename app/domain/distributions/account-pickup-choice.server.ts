import { db } from "~/db.server";
import { choiceOfAccount, type PickupChoice } from "~/domain/distributions/pickup-choice";

/** The pickup place remembered on the account; null when the person never chose one. */
export async function readAccountPickupChoice(userId: string): Promise<PickupChoice | null> {
  const account = await db().user.findUnique({ where: { id: userId }, select: { pickupPointId: true, pickupCommuneInsee: true } });
  return account ? choiceOfAccount(account) : null;
}

/**
 * At sign-up or login: the place this browser chose before is copied to the account, only when the
 * account has none (one conditional UPDATE: a choice made on the account is never overwritten), and
 * only if it still names a point or a commune with one.
 */
export async function adoptVisitorPickupChoice(userId: string, choice: PickupChoice | null): Promise<void> {
  if (!choice) return;
  const exists =
    choice.kind === "point"
      ? await db().pickupPoint.count({ where: { id: choice.pointId } })
      : await db().pickupPoint.count({ where: { communeInsee: choice.communeInsee } });
  if (exists === 0) return;
  await db().user.updateMany({
    where: { id: userId, pickupPointId: null, pickupCommuneInsee: null },
    data: choice.kind === "point" ? { pickupPointId: choice.pointId } : { pickupCommuneInsee: choice.communeInsee },
  });
}
