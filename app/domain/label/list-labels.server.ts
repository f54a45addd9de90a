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
};

/** Every product of the producer (not archived), with its label if it has one. */
export async function listOwnLabels(input: { producerId: string; now: Date }): Promise<OwnProductLabel[]> {
  const rows = await readRows<{ productId: string; productName: string; labelId: string | null; status: StoredLabelStatus | null; number: string | null; validUntil: Date | null; renewalRequestedAt: Date | null }>(
    `SELECT p.id AS "productId", p.name AS "productName", l.id AS "labelId", l.status::text AS status, l.number, l."validUntil", l."renewalRequestedAt"
     FROM "Product" p LEFT JOIN "Label" l ON l."productId" = p.id
     WHERE p."producerId" = $1 AND p."archivedAt" IS NULL
     ORDER BY (l.id IS NULL), p.name, p.id`,
    [input.producerId],
  );
  return rows.map((row) => ({
    productId: row.productId,
    productName: row.productName,
    labelId: row.labelId,
    status: row.status ? labelStatusAt({ status: row.status, validUntil: row.validUntil }, input.now) : null,
    number: row.number,
    validUntil: row.validUntil,
    renewalPending: row.renewalRequestedAt !== null,
  }));
}

export type QueueSection = "toDecide" | "waiting" | "inForce" | "ended";
export type QueuedLabel = { labelId: string; productName: string; producerName: string; status: LabelStatusAt; number: string | null; submittedAt: Date; validUntil: Date | null; renewalPending: boolean; section: QueueSection };

export function queueSection(status: LabelStatusAt, renewalPending: boolean): QueueSection {
  if (status === "PENDING" || (status === "GRANTED" && renewalPending)) return "toDecide";
  if (status === "CHANGES_REQUESTED") return "waiting";
  if (status === "GRANTED" || status === "SUSPENDED") return "inForce";
  return "ended";
}

/** The reviewers' queue (the 500 most recent per the order below is plenty for one territory). */
export async function listLabelQueue(input: { actor: LabelActor; now: Date }): Promise<QueuedLabel[]> {
  if (!can(input.actor, "decide:label:any")) throw new DomainError("forbidden");
  const rows = await readRows<{ labelId: string; productName: string; producerName: string; status: StoredLabelStatus; number: string | null; submittedAt: Date; validUntil: Date | null; renewalRequestedAt: Date | null }>(
    `SELECT l.id AS "labelId", p.name AS "productName", o.name AS "producerName", l.status::text AS status, l.number, l."submittedAt", l."validUntil", l."renewalRequestedAt"
     FROM "Label" l JOIN "Product" p ON p.id = l."productId" JOIN "Organisation" o ON o.id = p."producerId"
     ORDER BY COALESCE(l."renewalRequestedAt", l."submittedAt") ASC
     LIMIT 500`,
    [],
  );
  return rows.map((row) => {
    const status = labelStatusAt({ status: row.status, validUntil: row.validUntil }, input.now);
    const renewalPending = row.renewalRequestedAt !== null;
    return { labelId: row.labelId, productName: row.productName, producerName: row.producerName, status, number: row.number, submittedAt: row.submittedAt, validUntil: row.validUntil, renewalPending, section: queueSection(status, renewalPending) };
  });
}
