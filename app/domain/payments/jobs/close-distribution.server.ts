import { closeDistribution, sweepDistributionsToClose } from "~/domain/payments/close-distribution.server";
import { now as clockNow } from "~/http/clock.server";

/**
 * Job of the queue `payments.close-distribution` (decisions 027 §5, §6, 028).
 * - With a distribution: its close (close-distribution.server.ts) — holds left ended, weighed-lighter
 *   lines refunded once, shares computed, one transfer per producer written with its send job.
 * - Without (the periodic tick, SCHEDULES): the sweep adds one such job for every distribution whose
 *   money is final, with a card payment, and not closed yet.
 * Jobs run at least once: both are idempotent (a second close writes nothing new).
 */
export async function closeDistributionJob(data: { distributionId?: string } | null, now: Date = clockNow()): Promise<void> {
  if (data?.distributionId) await closeDistribution(data.distributionId, now);
  else await sweepDistributionsToClose(now);
}
