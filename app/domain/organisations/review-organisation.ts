import { z } from "zod";
import type { MessageKey } from "~/i18n/messages";

function message(key: MessageKey) {
  return { error: key };
}

/** Where an organisation stands with the territory. */
export type VerificationStatus = "pending" | "verified" | "refused";

export function verificationStatus(organisation: { verifiedAt: Date | string | null; refusedAt: Date | string | null }): VerificationStatus {
  if (organisation.verifiedAt) return "verified";
  if (organisation.refusedAt) return "refused";
  return "pending";
}

export const refusalReasonField = z
  .string(message("organisations.field.reason.required"))
  .trim()
  .min(5, message("organisations.field.reason.required"))
  .max(1000, message("organisations.field.reason.too_long"));
