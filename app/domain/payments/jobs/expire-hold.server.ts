/**
 * Job of the queue `payments.expire-hold` (decision 027, 028). Filled by the checkout step: releases the hold once (conditional UPDATE to EXPIRED) and expires the Checkout Session.
 * Jobs run at least once: the handler must be idempotent.
 */
export async function expireHoldJob(_data: { orderId: string }): Promise<void> {}
