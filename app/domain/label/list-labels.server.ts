/**
 * Lists of labels, one statement each: the producer's products with their label (their space), and
 * the reviewers' queue, in sections: to decide (applications and renewals, oldest first), waiting for
 * the producer (changes asked), in force, and ended (refused, revoked, expired). Status read at `now`.
 */
import { readRows } from "~/db.server";
import { can } from "~/domain/accounts/permissions";
import { DomainError } from "~/domain/errors";
import { labelStatusAt, type LabelStatusAt, type StoredLabelStatus } from "./label-criteria";
import type { LabelActor } from "./label-steps.server";

export type OwnProductLabel = {
  productId: string;
  productName: string;
  labelId: string | null;
  status: LabelStatusAt | null;
  number: string | null;
  validUntil: Date | null;
  renewalPending: boolean;
  /** The reviewer asked for changes: on the application (CHANGES_REQUESTED) or on the renewal of a label still valid. */
  changesRequested: boolean;
};

/** Every product of the producer (not archived), with its label if it has one. */
export async function listOwnLabels(input: { producerId: string; now: Date }): Promise<OwnProductLabel[]> {
  const rows = await readRows<{ productId: string; productName: string; labelId: string | null; status: StoredLabelStatus | null; number: string | null; validUntil: Date | null; renewalRequestedAt: Date | null; renewalChangesRequestedAt: Date | null }>(
    `SELECT p.id AS "productId", p.name AS "productName", l.id AS "labelId", l.status::text AS status, l.number, l."validUntil", l."renewalRequestedAt", l."renewalChangesRequestedAt"
     FROM "Product" p LEFT JOIN "Label" l ON l."productId" = p.id
     WHERE p."producerId" = $1 AND p."archivedAt" IS NULL
     ORDER BY (l.id IS NULL), p.name, p.id`,
    [input.producerId],
  );
  return rows.map((row) => {
    const status = row.status ? labelStatusAt({ status: row.status, validUntil: row.validUntil }, input.now) : null;
    return {
      productId: row.productId,
      productName: row.productName,
      labelId: row.labelId,
      status,
      number: row.number,
      validUntil: row.validUntil,
      renewalPending: row.renewalRequestedAt !== null,
      changesRequested: status !== null && changesRequested(status, row.renewalChangesRequestedAt),
    };
  });
}

export type QueueSection = "toDecide" | "waiting" | "inForce" | "ended";
export type QueuedLabel = {
  labelId: string;
  productName: string;
  producerName: string;
  status: LabelStatusAt;
  number: string | null;
  submittedAt: Date;
  validUntil: Date | null;
  renewalPending: boolean;
  changesRequested: boolean;
  section: QueueSection;
};

/** Changes asked and not answered yet: an application CHANGES_REQUESTED, or the renewal of a label still valid (an expired one no longer waits). */
export function changesRequested(status: LabelStatusAt, renewalChangesRequestedAt: Date | null): boolean {
  return status === "CHANGES_REQUESTED" || (status === "GRANTED" && renewalChangesRequestedAt !== null);
}

export function queueSection(status: LabelStatusAt, renewalPending: boolean, waitingForChanges: boolean): QueueSection {
  if (status === "PENDING" || (status === "GRANTED" && renewalPending)) return "toDecide";
  if (waitingForChanges) return "waiting";
  if (status === "GRANTED" || status === "SUSPENDED") return "inForce";
  return "ended";
}

/** The reviewers' queue (the 500 most recent per the order below is plenty for one territory). */
export async function listLabelQueue(input: { actor: LabelActor; now: Date }): Promise<QueuedLabel[]> {
  if (!can(input.actor, "decide:label:any")) throw new DomainError("forbidden");
  const rows = await readRows<{ labelId: string; productName: string; producerName: string; status: StoredLabelStatus; number: string | null; submittedAt: Date; validUntil: Date | null; renewalRequestedAt: Date | null; renewalChangesRequestedAt: Date | null }>(
    `SELECT l.id AS "labelId", p.name AS "productName", o.name AS "producerName", l.status::text AS status, l.number, l."submittedAt", l."validUntil", l."renewalRequestedAt", l."renewalChangesRequestedAt"
     FROM "Label" l JOIN "Product" p ON p.id = l."productId" JOIN "Organisation" o ON o.id = p."producerId"
     ORDER BY COALESCE(l."renewalRequestedAt", l."submittedAt") ASC
     LIMIT 500`,
    [],
  );
  return rows.map((row) => {
    const status = labelStatusAt({ status: row.status, validUntil: row.validUntil }, input.now);
    const renewalPending = row.renewalRequestedAt !== null;
    const waiting = changesRequested(status, row.renewalChangesRequestedAt);
    return { labelId: row.labelId, productName: row.productName, producerName: row.producerName, status, number: row.number, submittedAt: row.submittedAt, validUntil: row.validUntil, renewalPending, changesRequested: waiting, section: queueSection(status, renewalPending, waiting) };
  });
}
