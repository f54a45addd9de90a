import { can } from "~/domain/accounts/permissions";
import type { CurrentUser } from "~/domain/accounts/session.server";
import { idField } from "~/domain/fields";
import type { CreditNoteViewer } from "~/domain/payments/read-credit-note.server";

/** Who reads a credit note: the person, whether they are an admin, and the producers they belong to. */
export function creditNoteViewer(user: Pick<CurrentUser, "id" | "roles" | "memberships">): CreditNoteViewer {
  return {
    userId: user.id,
    isAdmin: can(user, "read:order:any"),
    producerIds: user.memberships.filter((membership) => membership.role === "PRODUCER").map((membership) => membership.organisationId),
  };
}

/** The order id and the credit note's number from the URL (/commandes/:id/avoir/:number, "A-12" or "12"); null when malformed. */
export function readCreditNoteParams(params: Record<string, string | undefined>): { orderId: string; number: number } | null {
  const orderId = idField.safeParse(params.id);
  const number = /^(?:A-)?(\d{1,9})$/.exec(params.number ?? "");
  return orderId.success && number ? { orderId: orderId.data, number: Number(number[1]) } : null;
}
