/**
 * Job of the queue `payments.close-distribution` (decision 027, 028). Filled by the close step: when the distribution's money is final, refunds weighed-lighter lines, computes the shares and writes the transfers.
 * Jobs run at least once: the handler must be idempotent.
 */
export async function closeDistributionJob(_data: { distributionId: string }): Promise<void> {}
