import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import type { LabelApplicationInput } from "~/domain/label/label-application-input";
import { createMemberUser, createProducerUser, ensureCategory } from "./factories";

/** A minimal PDF: what the document checks read (the "%PDF-" start). */
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** Arques-la-Bataille's centre: inside the territory (0 km). */
export const FARM_PLACE = { lat: 49.8822, lon: 1.1368 };

export async function createLabelProduct(producerId: string, name = `Poireaux ${randomUUID().slice(0, 6)}`) {
  const categoryId = await ensureCategory();
  const id = randomUUID();
  await db().product.create({ data: { id, producerId, categoryId, name, unit: "KG", priceCents: 350, vatRateBp: 550 } });
  return { id, name };
}

/** A producer member as the use cases see them (CurrentUser's fields), with one product. */
export async function labelApplicant(options: { producerId?: string } = {}) {
  const { user, producerId, cookie } = await createProducerUser(options.producerId ? { producerId: options.producerId } : {});
  const product = await createLabelProduct(producerId);
  const actor = { id: user.id, name: user.name, roles: ["CONSUMER", "PRODUCER"] as const, memberships: [{ organisationId: producerId, role: "PRODUCER" }], organisationIds: [producerId] };
  return { user, producerId, cookie, product, actor: { ...actor, roles: [...actor.roles] } };
}

export async function labelReviewer() {
  const { user, cookie, organisationId } = await createMemberUser("ADMIN");
  return { user, cookie, actor: { id: user.id, name: user.name, roles: ["CONSUMER" as const, "ADMIN" as const], memberships: [{ organisationId, role: "ADMIN" }], organisationIds: [organisationId] } };
}

export function farmApplication(productId: string, overrides: Partial<LabelApplicationInput["evidence"]> = {}): LabelApplicationInput {
  return {
    productId,
    hygieneApproval: "",
    producerNote: "Poireaux de plein champ.",
    evidence: {
      productClass: "FARM",
      placeName: "Ferme du Val",
      place: FARM_PLACE,
      landingPort: null,
      faoArea: null,
      ingredients: [],
      declaredLocalSharePercent: null,
      lotTraceability: true,
      ...overrides,
    },
  };
}

export async function labelTrail(labelId: string) {
  return db().labelEvent.findMany({ where: { labelId }, orderBy: [{ at: "asc" }, { kind: "asc" }], select: { kind: true, fromStatus: true, toStatus: true, actorId: true, actorName: true, reason: true, at: true } });
}

export async function outboxSubjectsTo(email: string) {
  return (await db().outboxEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" }, select: { subject: true, locale: true } })).map((mail) => mail.subject);
}
