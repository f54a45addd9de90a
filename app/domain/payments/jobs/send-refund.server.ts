/**
 * Job of the queue `payments.send-refund` (decision 027, 028). Filled by the refunds step: sends the Refund row to Stripe with the key tm-refund-<id> and records Stripe's id.
 * Jobs run at least once: the handler must be idempotent.
 */
export async function sendRefundJob(_data: { refundId: string }): Promise<void> {}
