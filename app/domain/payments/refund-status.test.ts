import { expect, test } from "vitest";
import { refundStatusOf } from "~/domain/payments/refund-status";
import { cancelledMoneySentence } from "~/domain/payments/refund-words";

test("a refund Stripe says succeeded is done, failed or canceled gave nothing back, anything else waits for its event", () => {
  expect(refundStatusOf("succeeded")).toBe("SUCCEEDED");
  expect(refundStatusOf("failed")).toBe("FAILED");
  expect(refundStatusOf("canceled")).toBe("FAILED");
  expect(refundStatusOf("pending")).toBe("PENDING");
  expect(refundStatusOf("requires_action")).toBe("PENDING");
  expect(refundStatusOf(null)).toBe("PENDING");
});

test("a cancellation email says what went back to the card, that a waiting payment charged nothing, and nothing for an order paid at pickup", () => {
  expect(cancelledMoneySentence({ refundedCents: 3_450 }, "fr")?.replace(/[\u00a0\u202f]/g, " ")).toBe("Remboursement : 34,50 € sur votre carte, visible sous 5 à 10 jours.");
  expect(cancelledMoneySentence({ refundedCents: 3_450 }, "en")).toBe("Refund: €34.50 to your card, visible within 5 to 10 days.");
  expect(cancelledMoneySentence({ nothingCharged: true }, "fr")).toContain("rien n'a été débité");
  expect(cancelledMoneySentence(null, "fr")).toBeNull();
});
