/**
 * A label's whole file — the product, the evidence as sent, what it proves at `now` (distance,
 * criteria), its documents, its decision and its audit trail — for the producer who owns the product
 * (`readOwnLabelFile`: the producer in the `where`, another producer's product is not found) and for
 * reviewers (`readLabelFileForReview`). Three statements whatever the trail's length.
 */
import { db } from "~/db.server";
import { can } from "~/domain/accounts/permissions";
import { DomainError } from "~/domain/errors";
import { assessEvidence, labelStatusAt, type LabelEvidence, type LabelIngredient } from "./label-criteria";
import type { LabelActor } from "./label-steps.server";

const labelSelect = {
  id: true,
  status: true,
  productClass: true,
  placeName: true,
  placeLat: true,
  placeLon: true,
  landingPort: true,
  faoArea: true,
  ingredients: true,
  declaredLocalSharePercent: true,
  lotTraceability: true,
  hygieneApproval: true,
  producerNote: true,
  submittedAt: true,
  renewalRequestedAt: true,
  renewalChangesRequestedAt: true,
  reviewMessage: true,
  reason: true,
  visitedAt: true,
  visitNote: true,
  number: true,
  validFrom: true,
  validUntil: true,
  documents: { select: { id: true, name: true, file: { select: { contentType: true, byteSize: true } } }, orderBy: { createdAt: "asc" as const } },
} as const;

type LabelRow = NonNullable<Awaited<ReturnType<typeof findLabel>>>;

function findLabel(where: { productId: string } | { id: string }) {
  return db().label.findUnique({ where, select: { ...labelSelect, productId: true } });
}

function ingredientsOf(json: unknown): LabelIngredient[] {
  return Array.isArray(json) ? (json as LabelIngredient[]) : [];
}

export function evidenceOf(label: Pick<LabelRow, "productClass" | "placeName" | "placeLat" | "placeLon" | "landingPort" | "faoArea" | "ingredients" | "declaredLocalSharePercent" | "lotTraceability"> & { documentCount: number }): LabelEvidence {
  return {
    productClass: label.productClass,
    placeName: label.placeName,
    place: label.placeLat !== null && label.placeLon !== null ? { lat: label.placeLat, lon: label.placeLon } : null,
    landingPort: label.landingPort,
    faoArea: label.faoArea,
    ingredients: ingredientsOf(label.ingredients),
    declaredLocalSharePercent: label.declaredLocalSharePercent,
    lotTraceability: label.lotTraceability,
    documentCount: label.documentCount,
  };
}

async function fileOf(label: LabelRow | null, now: Date) {
  if (!label) return null;
  const trail = await db().labelEvent.findMany({
    where: { labelId: label.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true, actorName: true, kind: true, fromStatus: true, toStatus: true, reason: true },
  });
  const evidence = evidenceOf({ ...label, documentCount: label.documents.length });
  return {
    ...label,
    ingredients: evidence.ingredients,
    statusNow: labelStatusAt(label, now),
    assessment: assessEvidence(evidence),
    trail,
  };
}

export type LabelFile = NonNullable<Awaited<ReturnType<typeof fileOf>>>;

/** The producer's own product and its label file (null when never applied); another producer's product: not_found. */
export async function readOwnLabelFile(input: { producerId: string; productId: string; now: Date }) {
  const product = await db().product.findFirst({
    where: { id: input.productId, producerId: input.producerId, archivedAt: null },
    select: { id: true, name: true, producer: { select: { name: true, address: true, lat: true, lon: true } } },
  });
  if (!product) throw new DomainError("not_found");
  return { product: { id: product.id, name: product.name }, producer: product.producer, label: await fileOf(await findLabel({ productId: product.id }), input.now) };
}

/** For reviewers: any label's file with its product and producer. */
export async function readLabelFileForReview(input: { actor: LabelActor; labelId: string; now: Date }) {
  if (!can(input.actor, "decide:label:any")) throw new DomainError("forbidden");
  const label = await findLabel({ id: input.labelId });
  if (!label) throw new DomainError("not_found");
  const product = await db().product.findUniqueOrThrow({ where: { id: label.productId }, select: { id: true, name: true, producer: { select: { id: true, name: true, slug: true } } } });
  return { product, label: (await fileOf(label, input.now))! };
}
