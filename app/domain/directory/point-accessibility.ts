import { z } from "zod";
import type { MessageKey } from "~/i18n/messages";

function message(key: MessageKey) {
  return { error: key };
}

/** The territory's form for a pickup point's accessibility notes (issue 12): a short text, empty allowed. */
export const pointAccessibilitySchema = z.object({
  pointId: z.string(message("field.unknown")).trim().min(1, message("field.unknown")).max(64, message("field.unknown")),
  accessibilityNotes: z.string(message("directory.admin.accessibility.too_long")).trim().max(1000, message("directory.admin.accessibility.too_long")).default(""),
});
