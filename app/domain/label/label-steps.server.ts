/**
 * What every step of the label's workflow shares (decision 029): the audit trail row, the emails
 * to the producer's members, and the row lock that makes each step see the label as it is now.
 * A step is: lock the row, check the status it may start from, change it, write one LabelEvent
 * (who, when, what, from → to, reason), email the producer, in ONE transaction.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "~/db.server";
import { can, type Role } from "~/domain/accounts/permissions";
import { DomainError } from "~/domain/errors";
import { enqueueEmail } from "~/domain/mail/enqueue-email.server";
import { organisationMembers } from "~/domain/organisations/notify-admins.server";
import type { LabelEventKind, LabelStatus, Prisma } from "~/generated/prisma/client";
import { labelEmail, type LabelEmailKind } from "./label-emails";

/** Who acts: the signed-in person (CurrentUser fits), or null for the platform itself (the reminder job). */
export type LabelActor = { id: string; name: string; roles: readonly Role[] };

export type LockedLabel = {
  id: string;
  status: LabelStatus;
  number: string | null;
  validFrom: Date | null;
  validUntil: Date | null;
  renewalRequestedAt: Date | null;
  renewalChangesRequestedAt: Date | null;
  remindedFor: Date | null;
  productId: string;
  productName: string;
  producerId: string;
};

/** The label row locked for this transaction (FOR UPDATE), with its product and producer; null when absent. */
export async function lockLabel(tx: Tx, labelId: string): Promise<LockedLabel | null> {
  const rows = await tx.$queryRaw<LockedLabel[]>`
    SELECT l.id, l.status::text AS status, l.number, l."validFrom", l."validUntil", l."renewalRequestedAt", l."renewalChangesRequestedAt", l."remindedFor",
           p.id AS "productId", p.name AS "productName", p."producerId"
    FROM "Label" l JOIN "Product" p ON p.id = l."productId"
    WHERE l.id = ${labelId}
    FOR UPDATE OF l`;
  return rows[0] ?? null;
}

/** A step refused because of the label's status now (a double click, two reviewers, an expired label). */
export function labelStateRefused(status: string): DomainError {
  return new DomainError("label_state", { messageKey: "label.refused.state", messageParams: { status } });
}

export async function recordLabelEvent(
  tx: Tx,
  input: { labelId: string; at: Date; actor: LabelActor | null; kind: LabelEventKind; from: LabelStatus | null; to: LabelStatus | null; reason?: string | null; detail?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.labelEvent.create({
    data: {
      id: randomUUID(),
      labelId: input.labelId,
      at: input.at,
      actorId: input.actor?.id ?? null,
      actorName: input.actor?.name ?? "Terre & Mer",
      kind: input.kind,
      fromStatus: input.from,
      toStatus: input.to,
      reason: input.reason ?? null,
      ...(input.detail === undefined ? {} : { detail: input.detail }),
    },
    select: { id: true },
  });
}

/** One email to each member of the producer, in their language, in the step's transaction. */
export async function emailProducer(
  tx: Tx,
  input: { producerId: string; kind: LabelEmailKind; productName: string; number: string | null; validUntil: Date | null; reason: string | null; appUrl: string },
): Promise<void> {
  for (const member of await organisationMembers(tx, input.producerId)) {
    await enqueueEmail(tx, {
      to: member.email,
      locale: member.locale,
      ...labelEmail(member.locale, {
        kind: input.kind,
        name: member.name,
        productName: input.productName,
        number: input.number,
        validUntil: input.validUntil,
        reason: input.reason,
        url: `${input.appUrl}/producteur/label`,
      }),
    });
  }
}

/** A reviewer's reason or message: required, trimmed, at most 1000 characters (the form says so first). */
export function reviewText(text: string, field: "reason" | "message"): string {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.length > 1000) throw new DomainError("invalid", { field, messageKey: `label.field.${field}` });
  return trimmed;
}

/** Only reviewers (territory admins) decide on labels: checked in each use case, whatever the route. */
export function assertReviewer(actor: LabelActor): void {
  if (!can(actor, "decide:label:any")) throw new DomainError("forbidden");
}
