/**
 * A producer applies for the label for one of their own products, with evidence and documents
 * (decision 029). The same row carries every later application for that product:
 * - no label yet, refused, or expired → PENDING (APPLIED); a number given before is kept;
 * - changes requested → PENDING again (RESUBMITTED);
 * - granted and not expired → a renewal (RENEWAL_APPLIED): the label stays valid meanwhile; after
 *   the reviewer asked for changes on the renewal, the renewal sent again (RESUBMITTED, still GRANTED);
 * - pending, a renewal already sent, suspended or revoked → refused (label_state).
 * The evidence must be complete and meet every criterion it measures (assessEvidence): the form
 * shows the distance and what is missing before sending, and the server checks it again here.
 */
import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { DomainError } from "~/domain/errors";
import { Prisma } from "~/generated/prisma/client";
import { assessEvidence, labelStatusAt, type EvidenceAssessment } from "./label-criteria";
import type { LabelApplicationInput } from "./label-application-input";
import { MAX_LABEL_DOCUMENTS } from "./label-document";
import { checkLabelDocuments, linkLabelDocuments, withStoredLabelDocuments, type SentDocument } from "./label-documents.server";
import { labelStateRefused, lockLabel, recordLabelEvent, type LabelActor } from "./label-steps.server";

export type ApplyingProducer = LabelActor & { memberships: ReadonlyArray<{ organisationId: string; role: string }> };

/** The producer is one of the person's organisations, as PRODUCER: else forbidden, whatever the route. */
export function assertProducerMember(actor: ApplyingProducer, producerId: string): void {
  if (!actor.memberships.some((membership) => membership.organisationId === producerId && membership.role === "PRODUCER")) throw new DomainError("forbidden");
}

/** The evidence of an application as the form shows it, without sending: distance, criteria, what is missing. */
export async function previewLabelApplication(input: { actor: ApplyingProducer; producerId: string; application: LabelApplicationInput; newDocuments: number }): Promise<EvidenceAssessment> {
  assertProducerMember(input.actor, input.producerId);
  const product = await db().product.findFirst({
    where: { id: input.application.productId, producerId: input.producerId, archivedAt: null },
    select: { label: { select: { _count: { select: { documents: true } } } } },
  });
  if (!product) throw new DomainError("not_found");
  return assessEvidence({ ...input.application.evidence, documentCount: (product.label?._count.documents ?? 0) + input.newDocuments });
}

export async function applyForLabel(input: {
  actor: ApplyingProducer;
  producerId: string;
  application: LabelApplicationInput;
  documents: readonly SentDocument[];
  now: Date;
}): Promise<{ labelId: string; renewal: boolean }> {
  assertProducerMember(input.actor, input.producerId);
  const { application, now } = input;
  const product = await db().product.findFirst({
    where: { id: application.productId, producerId: input.producerId, archivedAt: null },
    select: { id: true, label: { select: { id: true, _count: { select: { documents: true } } } } },
  });
  if (!product) throw new DomainError("not_found");
  const existingDocuments = product.label?._count.documents ?? 0;
  if (existingDocuments + input.documents.length > MAX_LABEL_DOCUMENTS) throw new DomainError("invalid", { field: "documents", messageKey: "label.document.tooMany", messageParams: { max: MAX_LABEL_DOCUMENTS } });
  const assessment = assessEvidence({ ...application.evidence, documentCount: existingDocuments + input.documents.length });
  if (!assessment.sendable) throw new DomainError("invalid", { field: "evidence", messageKey: "label.refused.notSendable" });
  const ready = await checkLabelDocuments(input.documents);

  const evidence = {
    productClass: application.evidence.productClass,
    placeName: application.evidence.placeName,
    placeLat: application.evidence.place?.lat ?? null,
    placeLon: application.evidence.place?.lon ?? null,
    landingPort: application.evidence.landingPort,
    faoArea: application.evidence.faoArea,
    ingredients: application.evidence.productClass === "PROCESSED" ? (application.evidence.ingredients as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
    declaredLocalSharePercent: application.evidence.declaredLocalSharePercent,
    lotTraceability: application.evidence.lotTraceability,
    hygieneApproval: application.hygieneApproval,
    producerNote: application.producerNote,
  };
  const detail = { distanceKm: assessment.distance ? Math.round(assessment.distance.km * 10) / 10 : null, documents: ready.map((document) => document.name) };

  try {
    return await withStoredLabelDocuments(ready, (stored) =>
      db().$transaction(async (tx) => {
        const current = product.label ? await lockLabel(tx, product.label.id) : null;
        let labelId: string;
        let renewal = false;
        if (!current) {
          labelId = randomUUID();
          await tx.label.create({ data: { id: labelId, productId: product.id, status: "PENDING", submittedAt: now, createdAt: now, updatedAt: now, ...evidence }, select: { id: true } });
          await recordLabelEvent(tx, { labelId, at: now, actor: input.actor, kind: "APPLIED", from: null, to: "PENDING", detail });
        } else {
          labelId = current.id;
          const status = labelStatusAt(current, now);
          if (status === "GRANTED" && current.renewalRequestedAt === null) {
            renewal = true;
            await tx.label.update({ where: { id: labelId }, data: { ...evidence, renewalRequestedAt: now, renewalChangesRequestedAt: null, updatedAt: now }, select: { id: true } });
            const kind = current.renewalChangesRequestedAt !== null ? "RESUBMITTED" : "RENEWAL_APPLIED";
            await recordLabelEvent(tx, { labelId, at: now, actor: input.actor, kind, from: "GRANTED", to: "GRANTED", detail });
          } else if (status === "CHANGES_REQUESTED" || status === "REFUSED" || status === "EXPIRED") {
            await tx.label.update({
              where: { id: labelId },
              data: { ...evidence, status: "PENDING", submittedAt: now, renewalRequestedAt: null, renewalChangesRequestedAt: null, reason: status === "CHANGES_REQUESTED" ? undefined : null, updatedAt: now },
              select: { id: true },
            });
            await recordLabelEvent(tx, { labelId, at: now, actor: input.actor, kind: status === "CHANGES_REQUESTED" ? "RESUBMITTED" : "APPLIED", from: current.status, to: "PENDING", detail });
          } else {
            throw labelStateRefused(current.renewalRequestedAt !== null && status === "GRANTED" ? "RENEWAL_PENDING" : status);
          }
        }
        await linkLabelDocuments(tx, { labelId, producerId: input.producerId, stored, now });
        return { labelId, renewal };
      }),
    );
  } catch (error) {
    // Two first applications for one product at once: the second finds the first's row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw labelStateRefused("PENDING");
    throw error;
  }
}
