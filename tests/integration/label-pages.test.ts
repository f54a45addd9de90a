import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { applyForLabel } from "~/domain/label/apply-for-label.server";
import { grantLabel } from "~/domain/label/grant-label.server";
import { action as reviewAction, loader as reviewLoader } from "~/routes/admin.label.$id";
import { loader as queueLoader } from "~/routes/admin.label._index";
import { loader as adminDocumentLoader } from "~/routes/admin.label.document.$id";
import { action as applyAction, loader as applyLoader } from "~/routes/producteur.label.$productId";
import { loader as ownLoader } from "~/routes/producteur.label._index";
import { loader as ownDocumentLoader } from "~/routes/producteur.label.document.$id";
import { FARM_PLACE, PDF_BYTES, farmApplication, labelApplicant, labelReviewer } from "../factories-label";
import { asFailure, get, post, statusOf } from "../route-requests";

/**
 * The label's pages through their route modules: the producer checks an application (distance and
 * what is missing, nothing stored), sends it with a PDF, reads it back; the reviewer finds it in the
 * queue and grants it; nobody else reads or decides.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-label-pages-"));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function multipart(pathname: string, fields: Record<string, string>, cookie: string, files: Array<{ name: string; bytes: Uint8Array; type: string }> = []) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const file of files) body.append("documents", new File([Buffer.from(file.bytes)], file.name, { type: file.type }));
  return new Request(`http://localhost${pathname}`, { method: "POST", body, headers: { cookie } });
}

const farmFields = { productClass: "FARM", placeName: "Ferme du Val", placeLat: String(FARM_PLACE.lat).replace(".", ","), placeLon: String(FARM_PLACE.lon).replace(".", ","), lotTraceability: "on" };

test("a producer checks, then sends an application with a PDF; the reviewer grants it from the queue; the producer reads the number and the history", async () => {
  const applicant = await labelApplicant();
  const reviewer = await labelReviewer();
  const page = `/producteur/label/${applicant.product.id}`;
  const params = { productId: applicant.product.id };

  // Checking: the distance and what is missing, before anything is sent or stored.
  const checked = (await applyAction({ request: multipart(page, { ...farmFields, intent: "check" }, applicant.cookie), params, context: {} })) as { ok: true; checks: Array<{ code: string; met: boolean; km: number }>; missing: string[] };
  expect(checked.ok).toBe(true);
  expect(checked.checks).toEqual([expect.objectContaining({ code: "place_within", met: true, km: 0 })]);
  expect(checked.missing).toEqual(["document"]);
  expect(await db().label.count({ where: { productId: applicant.product.id } })).toBe(0);

  // Sending without a document: refused, named, nothing stored.
  const refused = asFailure(await applyAction({ request: multipart(page, { ...farmFields, intent: "send" }, applicant.cookie), params, context: {} }));
  expect(refused.init?.status).toBe(400);
  expect(refused.data.message).toMatch(/complétez ce qui manque/);
  expect(await db().label.count({ where: { productId: applicant.product.id } })).toBe(0);

  const sent = (await applyAction({ request: multipart(page, { ...farmFields, intent: "send" }, applicant.cookie, [{ name: "attestation.pdf", bytes: PDF_BYTES, type: "application/pdf" }]), params, context: {} })) as Response;
  expect(sent.status).toBe(302);
  expect(sent.headers.get("location")).toBe(`${page}?envoyee=1`);

  const queue = await queueLoader({ request: get("/admin/label", reviewer.cookie), params: {}, context: {} });
  const queued = queue.labels.find((label) => label.productName === applicant.product.name)!;
  expect(queued).toMatchObject({ section: "toDecide", status: "PENDING" });

  const file = await reviewLoader({ request: get(`/admin/label/${queued.labelId}`, reviewer.cookie), params: { id: queued.labelId }, context: {} });
  expect(file.label.documents).toEqual([expect.objectContaining({ name: "attestation.pdf" })]);
  const documentId = file.label.documents[0]!.id;
  const asReviewer = (await adminDocumentLoader({ request: get(`/admin/label/document/${documentId}`, reviewer.cookie), params: { id: documentId }, context: {} })) as Response;
  expect(new Uint8Array(await asReviewer.arrayBuffer())).toEqual(PDF_BYTES);

  const granted = (await reviewAction({ request: post(`/admin/label/${queued.labelId}`, { intent: "grant" }, reviewer.cookie), params: { id: queued.labelId }, context: {} })) as { ok: true; message: string };
  expect(granted.message).toMatch(/^Label accordé : DM-\d{4}-\d{4}/);

  const own = await ownLoader({ request: get("/producteur/label", applicant.cookie), params: {}, context: {} });
  expect(own.products).toEqual([expect.objectContaining({ productId: applicant.product.id, status: "GRANTED", number: expect.stringMatching(/^DM-/) })]);
  const mine = await applyLoader({ request: get(page, applicant.cookie), params, context: {} });
  expect(mine.label?.trail.map((event) => event.kind)).toEqual(["APPLIED", "GRANTED"]);
  expect(mine.renewal).toBe(true);
  const asOwner = (await ownDocumentLoader({ request: get(`/producteur/label/document/${documentId}`, applicant.cookie), params: { id: documentId }, context: {} })) as Response;
  expect(asOwner.headers.get("content-type")).toBe("application/pdf");
});

test("another producer reads nothing of A's label: the product, the document and the decisions answer 404 or 403, and nothing changes", async () => {
  const owner = await labelApplicant();
  const other = await labelApplicant();
  const reviewer = await labelReviewer();
  const page = `/producteur/label/${owner.product.id}`;
  await applyAction({ request: multipart(page, { ...farmFields, intent: "send" }, owner.cookie, [{ name: "a.pdf", bytes: PDF_BYTES, type: "application/pdf" }]), params: { productId: owner.product.id }, context: {} });
  const label = await db().label.findUniqueOrThrow({ where: { productId: owner.product.id }, select: { id: true, status: true, updatedAt: true, documents: { select: { id: true } } } });
  const documentId = label.documents[0]!.id;

  expect(await statusOf(() => applyLoader({ request: get(page, other.cookie), params: { productId: owner.product.id }, context: {} }))).toBe(404);
  expect(await statusOf(() => applyAction({ request: multipart(page, { ...farmFields, intent: "send" }, other.cookie), params: { productId: owner.product.id }, context: {} }))).toBe(404);
  expect(await statusOf(() => ownDocumentLoader({ request: get(`/producteur/label/document/${documentId}`, other.cookie), params: { id: documentId }, context: {} }))).toBe(404);
  expect(await statusOf(() => queueLoader({ request: get("/admin/label", owner.cookie), params: {}, context: {} }))).toBe(403);
  expect(await statusOf(() => reviewAction({ request: post(`/admin/label/${label.id}`, { intent: "grant" }, owner.cookie), params: { id: label.id }, context: {} }))).toBe(403);
  expect(await statusOf(() => adminDocumentLoader({ request: get(`/admin/label/document/${documentId}`, owner.cookie), params: { id: documentId }, context: {} }))).toBe(403);
  expect(await statusOf(() => ownLoader({ request: get("/producteur/label", reviewer.cookie), params: {}, context: {} }))).toBe(403);
  expect(await db().label.findUniqueOrThrow({ where: { id: label.id }, select: { id: true, status: true, updatedAt: true, documents: { select: { id: true } } } })).toEqual(label);
});

test("the reviewer asks for changes on a renewal from the label's page; the producer reads the message, their label still valid, and sends the renewal again", async () => {
  const applicant = await labelApplicant();
  const reviewer = await labelReviewer();
  const start = new Date();
  const { labelId } = await applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [{ name: "a.pdf", bytes: PDF_BYTES }], now: start });
  const { number } = await grantLabel({ actor: reviewer.actor, labelId, now: start, appUrl: "http://localhost" });
  await applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [], now: start });

  const asked = (await reviewAction({ request: post(`/admin/label/${labelId}`, { intent: "changes", message: "Joignez l'attestation de cette année." }, reviewer.cookie), params: { id: labelId }, context: {} })) as { ok: boolean; message: string };
  expect(asked.ok).toBe(true);
  const queued = (await queueLoader({ request: get("/admin/label", reviewer.cookie), params: {}, context: {} })).labels.find((label) => label.labelId === labelId);
  expect(queued).toMatchObject({ section: "waiting", status: "GRANTED", changesRequested: true });

  const page = `/producteur/label/${applicant.product.id}`;
  const params = { productId: applicant.product.id };
  const mine = await applyLoader({ request: get(page, applicant.cookie), params, context: {} });
  expect(mine).toMatchObject({ open: true, renewal: true, label: { statusNow: "GRANTED", number, reviewMessage: "Joignez l'attestation de cette année.", renewalChangesRequestedAt: expect.any(Date) } });
  const own = await ownLoader({ request: get("/producteur/label", applicant.cookie), params: {}, context: {} });
  expect(own.products.find((product) => product.labelId === labelId)).toMatchObject({ status: "GRANTED", changesRequested: true });

  const sent = (await applyAction({ request: multipart(page, { ...farmFields, intent: "send" }, applicant.cookie, [{ name: "attestation-2027.pdf", bytes: PDF_BYTES, type: "application/pdf" }]), params, context: {} })) as Response;
  expect(sent.status).toBe(302);
  expect(sent.headers.get("location")).toBe(`${page}?renouvellement=1`);
  const again = (await queueLoader({ request: get("/admin/label", reviewer.cookie), params: {}, context: {} })).labels.find((label) => label.labelId === labelId);
  expect(again).toMatchObject({ section: "toDecide", renewalPending: true, changesRequested: false });
});
