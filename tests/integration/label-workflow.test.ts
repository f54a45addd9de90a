import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { db, readRows } from "~/db.server";
import { applyForLabel } from "~/domain/label/apply-for-label.server";
import { grantLabel } from "~/domain/label/grant-label.server";
import { listLabelQueue, listOwnLabels } from "~/domain/label/list-labels.server";
import { readLabelByNumber, validLabelSql, validLabelsOfProducts } from "~/domain/label/read-label.server";
import { recordLabelVisit } from "~/domain/label/record-label-visit.server";
import { refuseLabel } from "~/domain/label/refuse-label.server";
import { reinstateLabel } from "~/domain/label/reinstate-label.server";
import { remindLabelRenewals } from "~/domain/label/remind-label-renewals.server";
import { requestLabelChanges } from "~/domain/label/request-label-changes.server";
import { revokeLabel } from "~/domain/label/revoke-label.server";
import { suspendLabel } from "~/domain/label/suspend-label.server";
import { PDF_BYTES, farmApplication, labelApplicant, labelReviewer, labelTrail, outboxSubjectsTo } from "../factories-label";

/**
 * The label's workflow (issue 12, decision 029) on the real database with an injected clock: each
 * step as the producer and the reviewer live it, with its audit trail and its emails.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-label-"));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const APP = "https://terre-et-mer.example";
const T0 = new Date("2026-12-07T09:00:00.000Z");
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * 24 * 3600 * 1000 + ms);
const pdf = [{ name: "attestation-msa.pdf", bytes: PDF_BYTES }];

async function applied() {
  const applicant = await labelApplicant();
  const reviewer = await labelReviewer();
  const { labelId } = await applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: pdf, now: T0 });
  return { applicant, reviewer, labelId };
}

async function granted() {
  const context = await applied();
  const grant = await grantLabel({ actor: context.reviewer.actor, labelId: context.labelId, now: at(1), appUrl: APP });
  return { ...context, grant };
}

describe("applying and deciding", () => {
  test("granted: a number DM-2026-NNNN and one year from the grant; the producer is told; the trail says who and when", async () => {
    const { applicant, reviewer, labelId, grant } = await granted();
    expect(grant.number).toMatch(/^DM-2026-\d{4}$/);
    expect(grant.validUntil.toISOString()).toBe("2027-12-08T09:00:00.000Z");
    const label = await db().label.findUniqueOrThrow({ where: { id: labelId }, select: { status: true, number: true, validFrom: true, documents: { select: { name: true, file: { select: { contentType: true } } } } } });
    expect(label).toMatchObject({ status: "GRANTED", number: grant.number, validFrom: at(1) });
    expect(label.documents).toEqual([{ name: "attestation-msa.pdf", file: { contentType: "application/pdf" } }]);
    expect(await labelTrail(labelId)).toEqual([
      expect.objectContaining({ kind: "APPLIED", fromStatus: null, toStatus: "PENDING", actorId: applicant.user.id, at: T0 }),
      expect.objectContaining({ kind: "GRANTED", fromStatus: "PENDING", toStatus: "GRANTED", actorId: reviewer.user.id, actorName: reviewer.user.name, at: at(1) }),
    ]);
    expect(await outboxSubjectsTo(applicant.user.email)).toEqual([`Label accordé : ${applicant.product.name} (${grant.number})`]);
    expect(await readLabelByNumber(grant.number.toLowerCase(), at(2))).toMatchObject({ status: "GRANTED", product: { name: applicant.product.name } });
  });

  test("refused with a reason: nothing public, the producer reads the reason, and may apply again", async () => {
    const { applicant, reviewer, labelId } = await applied();
    await expect(refuseLabel({ actor: reviewer.actor, labelId, reason: "  ", now: at(1), appUrl: APP })).rejects.toMatchObject({ code: "invalid" });
    await refuseLabel({ actor: reviewer.actor, labelId, reason: "Parcelle hors du territoire", now: at(1), appUrl: APP });
    const label = await db().label.findUniqueOrThrow({ where: { id: labelId }, select: { status: true, number: true, reason: true } });
    expect(label).toEqual({ status: "REFUSED", number: null, reason: "Parcelle hors du territoire" });
    expect((await labelTrail(labelId)).map((event) => [event.kind, event.reason])).toEqual([["APPLIED", null], ["REFUSED", "Parcelle hors du territoire"]]);
    expect(await outboxSubjectsTo(applicant.user.email)).toEqual([`Label refusé : ${applicant.product.name}`]);
    await expect(grantLabel({ actor: reviewer.actor, labelId, now: at(2), appUrl: APP })).rejects.toMatchObject({ code: "label_state" });
    await applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [], now: at(3) });
    expect((await db().label.findUniqueOrThrow({ where: { id: labelId }, select: { status: true } })).status).toBe("PENDING");
  });

  test("changes requested with a message, resubmitted, visited, then granted: every step in the trail", async () => {
    const { applicant, reviewer, labelId } = await applied();
    await requestLabelChanges({ actor: reviewer.actor, labelId, message: "Ajoutez le relevé parcellaire.", now: at(1), appUrl: APP });
    await expect(grantLabel({ actor: reviewer.actor, labelId, now: at(1, 1), appUrl: APP })).rejects.toMatchObject({ code: "label_state" });
    expect(await outboxSubjectsTo(applicant.user.email)).toEqual([`Label : des compléments sont demandés pour ${applicant.product.name}`]);
    await applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [{ name: "releve.pdf", bytes: PDF_BYTES }], now: at(2) });
    await recordLabelVisit({ actor: reviewer.actor, labelId, visitedAt: at(3), note: "Parcelles vues, cahier de lots tenu.", now: at(3, 1000) });
    await grantLabel({ actor: reviewer.actor, labelId, now: at(4), appUrl: APP });
    expect((await labelTrail(labelId)).map((event) => [event.kind, event.fromStatus, event.toStatus])).toEqual([
      ["APPLIED", null, "PENDING"],
      ["CHANGES_REQUESTED", "PENDING", "CHANGES_REQUESTED"],
      ["RESUBMITTED", "CHANGES_REQUESTED", "PENDING"],
      ["VISIT_RECORDED", "PENDING", "PENDING"],
      ["GRANTED", "PENDING", "GRANTED"],
    ]);
    expect(await db().labelDocument.count({ where: { labelId } })).toBe(2);
  });

  test("an application that misses evidence or fails a criterion is refused and nothing is stored", async () => {
    const applicant = await labelApplicant();
    await expect(applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [], now: T0 })).rejects.toMatchObject({
      code: "invalid",
      details: { messageKey: "label.refused.notSendable" },
    });
    await expect(
      applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id, { place: { lat: 49.9, lon: 2.2 } }), documents: pdf, now: T0 }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [{ name: "faux.pdf", bytes: new TextEncoder().encode("pas un pdf") }], now: T0 }),
    ).rejects.toMatchObject({ code: "file_type_refused" });
    expect(await db().label.count({ where: { productId: applicant.product.id } })).toBe(0);
    expect(await db().storedFile.count({ where: { organisationId: applicant.producerId } })).toBe(0);
  });
});

describe("time: renewal, reminder, expiry", () => {
  test("renewed before expiry: same number, one more year from the old end, valid throughout", async () => {
    const { applicant, reviewer, labelId, grant } = await granted();
    const beforeEnd = new Date(grant.validUntil.getTime() - 10 * 24 * 3600 * 1000);
    const { renewal } = await applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [], now: beforeEnd });
    expect(renewal).toBe(true);
    expect((await readLabelByNumber(grant.number, beforeEnd))?.status).toBe("GRANTED");
    await expect(applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [], now: beforeEnd })).rejects.toMatchObject({ code: "label_state" });
    const renewed = await grantLabel({ actor: reviewer.actor, labelId, now: new Date(beforeEnd.getTime() + 1000), appUrl: APP });
    expect(renewed).toEqual({ number: grant.number, validUntil: new Date("2028-12-08T09:00:00.000Z"), renewal: true });
    expect((await readLabelByNumber(grant.number, new Date(grant.validUntil.getTime() + 1)))?.status).toBe("GRANTED");
    expect((await labelTrail(labelId)).map((event) => event.kind)).toEqual(["APPLIED", "GRANTED", "RENEWAL_APPLIED", "RENEWED"]);
    expect(await outboxSubjectsTo(applicant.user.email)).toContain(`Label renouvelé : ${applicant.product.name} (${grant.number})`);
  });

  test("changes requested on a renewal: the label stays valid meanwhile; resubmitted, then renewed from the old end, every step in the trail", async () => {
    const { applicant, reviewer, labelId, grant } = await granted();
    const t = (seconds: number) => new Date(grant.validUntil.getTime() - 20 * 24 * 3600 * 1000 + seconds * 1000);
    await applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [], now: t(0) });
    await expect(requestLabelChanges({ actor: reviewer.actor, labelId, message: " ", now: t(1), appUrl: APP })).rejects.toMatchObject({ code: "invalid" });
    await requestLabelChanges({ actor: reviewer.actor, labelId, message: "Joignez l'attestation MSA de cette année.", now: t(1), appUrl: APP });
    // The label keeps showing, with its number, until its end; the renewal waits for the producer.
    expect((await readLabelByNumber(grant.number, t(2)))?.status).toBe("GRANTED");
    expect((await validLabelsOfProducts([applicant.product.id], t(2))).has(applicant.product.id)).toBe(true);
    expect((await listLabelQueue({ actor: reviewer.actor, now: t(2) })).find((entry) => entry.labelId === labelId)).toMatchObject({ status: "GRANTED", section: "waiting", changesRequested: true });
    expect((await listOwnLabels({ producerId: applicant.producerId, now: t(2) })).find((entry) => entry.labelId === labelId)).toMatchObject({ status: "GRANTED", changesRequested: true, renewalPending: false });
    expect(await outboxSubjectsTo(applicant.user.email)).toContain(`Label : des compléments sont demandés pour ${applicant.product.name}`);
    // Nothing to decide until the producer answers; the same request twice is refused.
    await expect(grantLabel({ actor: reviewer.actor, labelId, now: t(3), appUrl: APP })).rejects.toMatchObject({ code: "label_state" });
    await expect(requestLabelChanges({ actor: reviewer.actor, labelId, message: "Encore ?", now: t(3), appUrl: APP })).rejects.toMatchObject({ code: "label_state" });

    const { renewal } = await applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [{ name: "msa-2027.pdf", bytes: PDF_BYTES }], now: t(4) });
    expect(renewal).toBe(true);
    expect((await listLabelQueue({ actor: reviewer.actor, now: t(5) })).find((entry) => entry.labelId === labelId)).toMatchObject({ section: "toDecide", changesRequested: false });
    const renewed = await grantLabel({ actor: reviewer.actor, labelId, now: t(5), appUrl: APP });
    expect(renewed).toEqual({ number: grant.number, validUntil: new Date("2028-12-08T09:00:00.000Z"), renewal: true });
    expect((await labelTrail(labelId)).map((event) => [event.kind, event.fromStatus, event.toStatus, event.reason])).toEqual([
      ["APPLIED", null, "PENDING", null],
      ["GRANTED", "PENDING", "GRANTED", null],
      ["RENEWAL_APPLIED", "GRANTED", "GRANTED", null],
      ["CHANGES_REQUESTED", "GRANTED", "GRANTED", "Joignez l'attestation MSA de cette année."],
      ["RESUBMITTED", "GRANTED", "GRANTED", null],
      ["RENEWED", "GRANTED", "GRANTED", null],
    ]);
    expect((await labelTrail(labelId)).find((event) => event.kind === "CHANGES_REQUESTED")).toMatchObject({ actorId: reviewer.user.id, at: t(1) });
  });

  test("a renewal left waiting for changes: refused with a reason, or never answered, the label ends at its instant as any other", async () => {
    const first = await granted();
    const t = (grant: { validUntil: Date }, seconds: number) => new Date(grant.validUntil.getTime() - 20 * 24 * 3600 * 1000 + seconds * 1000);
    await applyForLabel({ actor: first.applicant.actor, producerId: first.applicant.producerId, application: farmApplication(first.applicant.product.id), documents: [], now: t(first.grant, 0) });
    await requestLabelChanges({ actor: first.reviewer.actor, labelId: first.labelId, message: "Précisez la parcelle.", now: t(first.grant, 1), appUrl: APP });
    expect(await refuseLabel({ actor: first.reviewer.actor, labelId: first.labelId, reason: "Pas de réponse du producteur.", now: t(first.grant, 2), appUrl: APP })).toEqual({ renewal: true });
    expect((await readLabelByNumber(first.grant.number, t(first.grant, 3)))?.status).toBe("GRANTED");
    expect((await labelTrail(first.labelId)).map((event) => event.kind)).toEqual(["APPLIED", "GRANTED", "RENEWAL_APPLIED", "CHANGES_REQUESTED", "RENEWAL_REFUSED"]);

    const second = await granted();
    await applyForLabel({ actor: second.applicant.actor, producerId: second.applicant.producerId, application: farmApplication(second.applicant.product.id), documents: [], now: t(second.grant, 0) });
    await requestLabelChanges({ actor: second.reviewer.actor, labelId: second.labelId, message: "Précisez la parcelle.", now: t(second.grant, 1), appUrl: APP });
    const end = second.grant.validUntil;
    expect((await readLabelByNumber(second.grant.number, new Date(end.getTime() - 1)))?.status).toBe("GRANTED");
    expect((await readLabelByNumber(second.grant.number, end))?.status).toBe("EXPIRED");
    // Answered after the end: a new application, as for any expired label; the number is kept.
    const { renewal } = await applyForLabel({ actor: second.applicant.actor, producerId: second.applicant.producerId, application: farmApplication(second.applicant.product.id), documents: [], now: new Date(end.getTime() + 1000) });
    expect(renewal).toBe(false);
    expect((await listOwnLabels({ producerId: second.applicant.producerId, now: new Date(end.getTime() + 2000) })).find((entry) => entry.labelId === second.labelId)).toMatchObject({ status: "PENDING", changesRequested: false });
  });

  test("expired at the instant: granted one millisecond before its end, expired at it, in every public read", async () => {
    const { applicant, grant } = await granted();
    const end = grant.validUntil;
    const before = new Date(end.getTime() - 1);
    expect((await readLabelByNumber(grant.number, before))?.status).toBe("GRANTED");
    expect((await validLabelsOfProducts([applicant.product.id], before)).has(applicant.product.id)).toBe(true);
    expect((await readLabelByNumber(grant.number, end))?.status).toBe("EXPIRED");
    expect((await validLabelsOfProducts([applicant.product.id], end)).size).toBe(0);
    expect((await readLabelByNumber(grant.number, new Date(end.getTime() + 1)))?.status).toBe("EXPIRED");
    // Nothing was written for it to expire: the stored status is still GRANTED.
    expect((await db().label.findFirstOrThrow({ where: { number: grant.number }, select: { status: true } })).status).toBe("GRANTED");
  });

  test("an expired label cannot be renewed, suspended nor reinstated; a new application keeps its number", async () => {
    const { applicant, reviewer, labelId, grant } = await granted();
    await expect(suspendLabel({ actor: reviewer.actor, labelId, reason: "Contrôle", now: grant.validUntil, appUrl: APP })).rejects.toMatchObject({ code: "label_state" });
    const after = new Date(grant.validUntil.getTime() + 1000);
    const { renewal } = await applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [], now: after });
    expect(renewal).toBe(false);
    expect((await readLabelByNumber(grant.number, after))?.status).toBe("EXPIRED");
    const again = await grantLabel({ actor: reviewer.actor, labelId, now: new Date(after.getTime() + 1000), appUrl: APP });
    expect(again.number).toBe(grant.number);
    expect(again.validUntil.toISOString()).toBe("2028-12-08T09:00:02.000Z");
  });

  test("reminded 30 days before the end, once, even with two workers at once; not before the window", async () => {
    const { applicant, labelId, grant } = await granted();
    const windowOpens = new Date(grant.validUntil.getTime() - 30 * 24 * 3600 * 1000);
    const beforeWindow = new Date(windowOpens.getTime() - 1);
    const mine = async () => (await outboxSubjectsTo(applicant.user.email)).filter((subject) => subject.startsWith(`Votre label ${grant.number}`));
    await remindLabelRenewals({ now: beforeWindow, appUrl: APP });
    expect(await mine()).toEqual([]);
    await Promise.all([remindLabelRenewals({ now: windowOpens, appUrl: APP }), remindLabelRenewals({ now: windowOpens, appUrl: APP })]);
    await remindLabelRenewals({ now: new Date(windowOpens.getTime() + 24 * 3600 * 1000), appUrl: APP });
    expect(await mine()).toHaveLength(1);
    const reminded = (await labelTrail(labelId)).filter((event) => event.kind === "REMINDED");
    expect(reminded).toEqual([expect.objectContaining({ actorId: null, actorName: "Terre & Mer", at: windowOpens })]);
  });
});

describe("suspension and revocation", () => {
  test("suspended with a reason: it stops showing at once; reinstated: it shows again until the same end", async () => {
    const { applicant, reviewer, labelId, grant } = await granted();
    await suspendLabel({ actor: reviewer.actor, labelId, reason: "Lot non traçable au contrôle", now: at(10), appUrl: APP });
    expect((await readLabelByNumber(grant.number, at(10)))?.status).toBe("SUSPENDED");
    expect((await validLabelsOfProducts([applicant.product.id], at(10))).size).toBe(0);
    await expect(applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [], now: at(11) })).rejects.toMatchObject({ code: "label_state" });
    await reinstateLabel({ actor: reviewer.actor, labelId, now: at(12), appUrl: APP });
    expect(await readLabelByNumber(grant.number, at(12))).toMatchObject({ status: "GRANTED", validUntil: grant.validUntil });
    expect((await labelTrail(labelId)).map((event) => [event.kind, event.reason])).toEqual([
      ["APPLIED", null],
      ["GRANTED", null],
      ["SUSPENDED", "Lot non traçable au contrôle"],
      ["REINSTATED", null],
    ]);
    expect(await outboxSubjectsTo(applicant.user.email)).toContain(`Label suspendu : ${applicant.product.name} (${grant.number})`);
  });

  test("revoked with a reason: reads revoked, for good; no grant, no new application", async () => {
    const { applicant, reviewer, labelId, grant } = await granted();
    await revokeLabel({ actor: reviewer.actor, labelId, reason: "Fraude sur l'origine", now: at(20), appUrl: APP });
    expect((await readLabelByNumber(grant.number, at(20)))?.status).toBe("REVOKED");
    await expect(grantLabel({ actor: reviewer.actor, labelId, now: at(21), appUrl: APP })).rejects.toMatchObject({ code: "label_state" });
    await expect(applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: [], now: at(21) })).rejects.toMatchObject({ code: "label_state" });
    expect((await labelTrail(labelId)).at(-1)).toMatchObject({ kind: "REVOKED", fromStatus: "GRANTED", toStatus: "REVOKED", reason: "Fraude sur l'origine", actorId: reviewer.user.id });
  });
});

describe("what is public", () => {
  test("the public reads refuse the label of a producer the territory no longer verifies, whoever calls them: by number, per product, and in SQL through validLabelSql", async () => {
    const { applicant, grant } = await granted();
    const countValid = async () =>
      (await readRows<{ count: number }>(`SELECT count(*)::int AS count FROM "Label" l WHERE l."productId" = $1 AND ${validLabelSql("l", "$2")}`, [applicant.product.id, at(2)]))[0]?.count;
    expect((await readLabelByNumber(grant.number, at(2)))?.status).toBe("GRANTED");
    expect((await validLabelsOfProducts([applicant.product.id], at(2))).size).toBe(1);
    expect(await countValid()).toBe(1);

    // The territory refuses the producer (a verification withdrawn): nothing of their label is public any more.
    await db().organisation.update({ where: { id: applicant.producerId }, data: { verifiedAt: null, refusedAt: at(2), refusalReason: "SIRET radié" } });
    expect(await readLabelByNumber(grant.number, at(2))).toBeNull();
    expect((await validLabelsOfProducts([applicant.product.id], at(2))).size).toBe(0);
    expect(await countValid()).toBe(0);
    // A producer never verified is the same.
    await db().organisation.update({ where: { id: applicant.producerId }, data: { refusedAt: null, refusalReason: null } });
    expect(await readLabelByNumber(grant.number, at(2))).toBeNull();
    expect(await countValid()).toBe(0);
  });
});

describe("numbers and permissions", () => {
  test("20 grants at once get 20 different numbers of the year, with no gap", async () => {
    const reviewer = await labelReviewer();
    const labelIds: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const applicant = await labelApplicant();
      labelIds.push((await applyForLabel({ actor: applicant.actor, producerId: applicant.producerId, application: farmApplication(applicant.product.id), documents: pdf, now: T0 })).labelId);
    }
    const numbers = (await Promise.all(labelIds.map((labelId) => grantLabel({ actor: reviewer.actor, labelId, now: at(1), appUrl: APP })))).map((grant) => grant.number);
    expect(new Set(numbers).size).toBe(20);
    const sequences = numbers.map((number) => Number(number.slice(-4))).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]!).toBe(19);
    const counter = await db().labelNumberCounter.findUniqueOrThrow({ where: { year: 2026 } });
    expect(counter.lastSequence).toBeGreaterThanOrEqual(sequences.at(-1)!);
  });

  test("only reviewers decide: a producer cannot grant, refuse, suspend or revoke, even their own", async () => {
    const { applicant, labelId } = await applied();
    const producer = applicant.actor;
    await expect(grantLabel({ actor: producer, labelId, now: at(1), appUrl: APP })).rejects.toMatchObject({ code: "forbidden" });
    await expect(refuseLabel({ actor: producer, labelId, reason: "x", now: at(1), appUrl: APP })).rejects.toMatchObject({ code: "forbidden" });
    await expect(requestLabelChanges({ actor: producer, labelId, message: "x", now: at(1), appUrl: APP })).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordLabelVisit({ actor: producer, labelId, visitedAt: T0, note: "x", now: at(1) })).rejects.toMatchObject({ code: "forbidden" });
    expect((await db().label.findUniqueOrThrow({ where: { id: labelId }, select: { status: true } })).status).toBe("PENDING");
  });

  test("a producer applies only for their own products: another producer's product is not found, another organisation forbidden", async () => {
    const owner = await labelApplicant();
    const other = await labelApplicant();
    await expect(applyForLabel({ actor: other.actor, producerId: other.producerId, application: farmApplication(owner.product.id), documents: pdf, now: T0 })).rejects.toMatchObject({ code: "not_found" });
    await expect(applyForLabel({ actor: other.actor, producerId: owner.producerId, application: farmApplication(owner.product.id), documents: pdf, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().label.count({ where: { productId: owner.product.id } })).toBe(0);
  });
});
