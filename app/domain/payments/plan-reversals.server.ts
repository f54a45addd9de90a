import type { Tx } from "~/db.server";

/**
 * A refund decided after its producer's transfer was sent takes the matching part of that
 * transfer back (decision 027 §6): TransferReversal rows and their jobs, in the refund's
 * transaction. Called by requestRefund for every refund.
 *
 * Until the close step (transfers) lands, no transfer is ever sent, so there is nothing to reverse.
 */
export async function planReversals(_tx: Tx, _refund: { refundId: string; orderId: string; producerId: string | null; amountCents: number }): Promise<void> {}
