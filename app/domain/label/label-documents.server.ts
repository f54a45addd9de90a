/**
 * Storing a label's evidence documents through the storage interface (StoredFile, purpose
 * LABEL_DOCUMENT): checked first (size, type from the bytes; photos re-encoded by the catalogue's
 * photo checks), the bytes written, then the rows in the caller's transaction; if that transaction
 * fails, the bytes are deleted (`withStoredLabelDocuments`). Read back only by the producer who
 * owns the label and by reviewers (`readLabelDocument`).
 */
import { randomUUID } from "node:crypto";
import { db, type Tx } from "~/db.server";
import { can } from "~/domain/accounts/permissions";
import { uploadedPhoto } from "~/domain/catalog/photo-image.server";
import { DomainError } from "~/domain/errors";
import { newStorageKey, storage } from "~/infra/storage.server";
import { MAX_LABEL_DOCUMENT_BYTES, labelDocumentName, sniffLabelDocumentType } from "./label-document";
import type { LabelActor } from "./label-steps.server";

export type SentDocument = { name: string; bytes: Uint8Array };
type ReadyDocument = { name: string; bytes: Uint8Array; contentType: string; width: number; height: number; extension: string };
export type StoredLabelDocument = { fileId: string; name: string; storageKey: string; contentType: string; byteSize: number; width: number; height: number };

/** Checks every document before anything is written: one bad file refuses them all, with its name. */
export async function checkLabelDocuments(sent: readonly SentDocument[]): Promise<ReadyDocument[]> {
  const ready: ReadyDocument[] = [];
  for (const document of sent) {
    const name = labelDocumentName(document.name);
    if (document.bytes.byteLength === 0) throw new DomainError("invalid", { field: "documents", messageKey: "label.document.empty", messageParams: { name } });
    if (document.bytes.byteLength > MAX_LABEL_DOCUMENT_BYTES) throw new DomainError("file_too_large", { maxBytes: MAX_LABEL_DOCUMENT_BYTES, field: "documents" });
    const type = sniffLabelDocumentType(document.bytes);
    if (type === null) throw new DomainError("file_type_refused", { field: "documents", messageKey: "label.document.type", messageParams: { name } });
    if (type === "application/pdf") {
      ready.push({ name, bytes: document.bytes, contentType: "application/pdf", width: 0, height: 0, extension: "pdf" });
    } else {
      const image = await uploadedPhoto(document.bytes);
      ready.push({ name, bytes: image.bytes, contentType: image.contentType, width: image.width, height: image.height, extension: "webp" });
    }
  }
  return ready;
}

/**
 * Writes the checked documents' bytes, then runs `write` (the caller's transaction, which names
 * them with `linkLabelDocuments`); the bytes are deleted again if it throws.
 */
export async function withStoredLabelDocuments<T>(ready: readonly ReadyDocument[], write: (stored: StoredLabelDocument[]) => Promise<T>): Promise<T> {
  const stored: StoredLabelDocument[] = [];
  try {
    for (const document of ready) {
      const storageKey = newStorageKey("label-documents", document.extension);
      await storage().put(storageKey, document.bytes, document.contentType);
      stored.push({ fileId: randomUUID(), name: document.name, storageKey, contentType: document.contentType, byteSize: document.bytes.byteLength, width: document.width, height: document.height });
    }
    return await write(stored);
  } catch (error) {
    await Promise.all(stored.map((document) => storage().delete(document.storageKey).catch(() => undefined)));
    throw error;
  }
}

/** The StoredFile and LabelDocument rows of stored documents, in the step's transaction. */
export async function linkLabelDocuments(tx: Tx, input: { labelId: string; producerId: string; stored: readonly StoredLabelDocument[]; now: Date }): Promise<void> {
  for (const document of input.stored) {
    await tx.storedFile.create({
      data: {
        id: document.fileId,
        organisationId: input.producerId,
        purpose: "LABEL_DOCUMENT",
        storageKey: document.storageKey,
        contentType: document.contentType,
        byteSize: document.byteSize,
        width: document.width,
        height: document.height,
        createdAt: input.now,
      },
      select: { id: true },
    });
    await tx.labelDocument.create({ data: { id: randomUUID(), labelId: input.labelId, fileId: document.fileId, name: document.name, createdAt: input.now }, select: { id: true } });
  }
}

/**
 * A document's bytes for a reviewer, or for a member of the producer that owns the label; 404 for
 * anyone else (never saying it exists).
 */
export async function readLabelDocument(input: { documentId: string; actor: LabelActor & { organisationIds: readonly string[] } }) {
  const document = await db().labelDocument.findUnique({
    where: { id: input.documentId },
    select: { name: true, file: { select: { storageKey: true, contentType: true, organisationId: true } } },
  });
  if (!document) throw new DomainError("not_found");
  const reviewer = can(input.actor, "decide:label:any");
  const owner = can(input.actor, "apply:label:own") && input.actor.organisationIds.includes(document.file.organisationId);
  if (!reviewer && !owner) throw new DomainError("not_found");
  const bytes = await storage().get(document.file.storageKey);
  if (!bytes) throw new DomainError("not_found");
  return { name: document.name, contentType: document.file.contentType, bytes };
}
