/**
 * Job of the queue `payments.send-transfer` (decision 027, 028). Filled by the close step: sends a ProducerTransfer or a TransferReversal to Stripe.
 * Jobs run at least once: the handler must be idempotent.
 */
export async function sendTransferJob(_data: { transferId?: string; reversalId?: string }): Promise<void> {}
