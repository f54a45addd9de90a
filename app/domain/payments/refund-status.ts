/**
 * Our Refund row's state from Stripe's refund status: `succeeded` is done; `failed` and
 * `canceled` gave nothing back (the admin sees it); `pending` and `requires_action` wait for a
 * refund event to say how it ended.
 */
export function refundStatusOf(stripeStatus: string | null | undefined): "PENDING" | "SUCCEEDED" | "FAILED" {
  if (stripeStatus === "succeeded") return "SUCCEEDED";
  if (stripeStatus === "failed" || stripeStatus === "canceled") return "FAILED";
  return "PENDING";
}
