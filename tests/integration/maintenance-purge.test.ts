import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { purgeExpired } from "~/domain/maintenance/purge-expired.server";
import { startJobs } from "~/infra/jobs-worker.server";
import { createDistribution, createOffer, createProducerUser, createUser } from "../factories";
import { useOwnMigratedDatabase } from "../setup/fresh-database";

// The purge deletes across whole tables: on the shared test database it would take other files'
// rows. This file gets a migrated database of its own.
useOwnMigratedDatabase("purge");

const DAY = 24 * 3600_000;
const NOW = new Date();
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

/** Every table's row count, but those the purge is for. */
async function keptTableCounts(): Promise<Record<string, number>> {
  const purged = ["Session", "LoginThrottle", "KnownDevice", "GuestCart", "GuestCartItem", "RateLimitHit", "PasswordResetToken", "EmailVerificationToken", "OrganisationInvitation", "OutboxEmail"];
  const tables = await db().$queryRaw<Array<{ table: string }>>`
    SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const counts: Record<string, number> = {};
  for (const { table } of tables.filter(({ table }) => !purged.includes(table))) {
    const [row] = await db().$queryRawUnsafe<Array<{ count: number }>>(`SELECT count(*)::int AS count FROM "${table}"`);
    counts[table] = row?.count ?? 0;
  }
  return counts;
}

async function seed() {
  const user = await createUser();
  const producer = await createProducerUser();
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, producerId: producer.producerId });
  const id = () => randomUUID();
  // Visitors' carts: one untouched for over 30 days, one still in use; a line goes with its cart.
  await db().guestCart.createMany({ data: [
    { id: `old-${id()}`, createdAt: ago(40), expiresAt: ago(0.1) },
    { id: `live-${id()}`, createdAt: ago(40), expiresAt: new Date(NOW.getTime() + 29 * DAY) },
  ] });
  for (const cart of await db().guestCart.findMany({ select: { id: true } })) {
    await db().guestCartItem.create({ data: { guestCartId: cart.id, offerId: offer.id, quantity: 1 } });
  }
  await db().session.createMany({ data: [
    { id: `old-${id()}`, userId: user.id, expiresAt: ago(1) },
    { id: `live-${id()}`, userId: user.id, expiresAt: new Date(NOW.getTime() + DAY) },
  ] });
  await db().loginThrottle.createMany({ data: [
    { key: `old-${id()}`, failures: 7, blockedUntil: ago(1.1), expiresAt: ago(0.1) },
    { key: `live-${id()}`, failures: 6, blockedUntil: ago(0.01), expiresAt: new Date(NOW.getTime() + DAY) },
  ] });
  await db().knownDevice.createMany({ data: [
    { tokenHash: `old-${id()}`, userId: user.id, expiresAt: ago(1) },
    { tokenHash: `live-${id()}`, userId: user.id, expiresAt: new Date(NOW.getTime() + 300 * DAY) },
  ] });
  await db().rateLimitHit.createMany({ data: [
    { key: `old-${id()}`, windowStart: ago(3), count: 9 },
    { key: `live-${id()}`, windowStart: ago(0.5), count: 2 },
  ] });
  await db().passwordResetToken.createMany({ data: [
    { tokenHash: `old-${id()}`, userId: user.id, expiresAt: ago(2), usedAt: ago(2.01) },
    { tokenHash: `live-${id()}`, userId: user.id, expiresAt: ago(0.5) },
  ] });
  await db().emailVerificationToken.createMany({ data: [
    { id: `old-${id()}`, userId: user.id, email: user.email, tokenHash: id(), expiresAt: ago(2) },
    { id: `live-${id()}`, userId: user.id, email: user.email, tokenHash: id(), expiresAt: new Date(NOW.getTime() + DAY) },
  ] });
  await db().organisationInvitation.createMany({ data: [
    { id: `old-${id()}`, organisationId: producer.producerId, email: "a@example.test", role: "PRODUCER", tokenHash: id(), invitedById: producer.user.id, expiresAt: ago(31) },
    { id: `live-${id()}`, organisationId: producer.producerId, email: "b@example.test", role: "PRODUCER", tokenHash: id(), invitedById: producer.user.id, expiresAt: ago(29) },
    { id: `live-accepted-${id()}`, organisationId: producer.producerId, email: "c@example.test", role: "PRODUCER", tokenHash: id(), invitedById: producer.user.id, expiresAt: ago(400), acceptedAt: ago(401) },
  ] });
  const email = (label: string, status: "SENT" | "FAILED" | "PENDING", createdAt: Date, sentAt: Date | null) => ({
    id: `${label}-${id()}`, to: "x@example.test", locale: "fr" as const, subject: label, text: label, html: label, status, createdAt, sentAt,
  });
  await db().outboxEmail.createMany({ data: [
    email("old", "SENT", ago(40), ago(31)),
    email("live", "SENT", ago(40), ago(29)),
    email("old", "FAILED", ago(91), null),
    email("live", "FAILED", ago(89), null),
    email("old", "PENDING", ago(91), null),
    email("live", "PENDING", ago(1), null),
  ] });
}

async function remaining() {
  // Only the rows this file seeded (the factories open sessions of their own).
  const ids = async (rows: Promise<Array<Record<string, unknown>>>) =>
    (await rows).map((row) => String(Object.values(row)[0])).filter((value) => /^(old|live)-/.test(value)).map((value) => value.replace(/-.*/, "")).sort();
  return {
    sessions: await ids(db().session.findMany({ select: { id: true } })),
    loginThrottles: await ids(db().loginThrottle.findMany({ select: { key: true } })),
    knownDevices: await ids(db().knownDevice.findMany({ select: { tokenHash: true } })),
    guestCarts: await ids(db().guestCart.findMany({ select: { id: true } })),
    guestCartLines: await ids(db().guestCartItem.findMany({ select: { guestCartId: true } })),
    rateLimitHits: await ids(db().rateLimitHit.findMany({ select: { key: true } })),
    resetTokens: await ids(db().passwordResetToken.findMany({ select: { tokenHash: true } })),
    verificationTokens: await ids(db().emailVerificationToken.findMany({ select: { id: true } })),
    invitations: (await db().organisationInvitation.findMany({ select: { id: true } })).map((row) => row.id.replace(/-[0-9a-f]{8}-.*/, "")).sort(),
    emails: (await db().outboxEmail.findMany({ select: { subject: true, status: true } })).map((row) => `${row.status} ${row.subject}`).sort(),
  };
}

/** This database is the file's own: each test starts from empty purgeable tables. */
async function emptyPurgeableTables() {
  await db().$executeRawUnsafe(`TRUNCATE "Session", "LoginThrottle", "KnownDevice", "GuestCart", "GuestCartItem", "RateLimitHit", "PasswordResetToken", "EmailVerificationToken", "OrganisationInvitation", "OutboxEmail"`);
}

test("old sessions, counters, tokens, invitations and emails go; recent ones and everything else stay; a second run deletes nothing", async () => {
  await emptyPurgeableTables();
  await seed();
  const keptBefore = await keptTableCounts();
  expect(keptBefore.Offer).toBe(1);

  const report = await purgeExpired(NOW, { batchSize: 1 });
  expect(report).toEqual({ sessions: 1, loginThrottles: 1, knownDevices: 1, guestCarts: 1, rateLimitHits: 1, passwordResetTokens: 1, emailVerificationTokens: 1, invitations: 1, sentEmails: 1, unsentEmails: 2 });
  expect(await remaining()).toEqual({
    sessions: ["live"],
    loginThrottles: ["live"],
    knownDevices: ["live"],
    guestCarts: ["live"],
    guestCartLines: ["live"],
    rateLimitHits: ["live"],
    resetTokens: ["live"],
    verificationTokens: ["live"],
    invitations: ["live", "live-accepted"],
    emails: ["FAILED live", "PENDING live", "SENT live"],
  });
  expect(await keptTableCounts()).toEqual(keptBefore);

  expect(await purgeExpired(NOW)).toEqual({ sessions: 0, loginThrottles: 0, knownDevices: 0, guestCarts: 0, rateLimitHits: 0, passwordResetTokens: 0, emailVerificationTokens: 0, invitations: 0, sentEmails: 0, unsentEmails: 0 });
});

test("several processes purging at once delete each row once and never fail; the worker purges on its own", async () => {
  await emptyPurgeableTables();
  await seed();
  const results = await Promise.all([purgeExpired(NOW, { batchSize: 1 }), purgeExpired(NOW, { batchSize: 1 }), purgeExpired(NOW, { batchSize: 1 })]);
  const finished = results.filter((report) => report !== null);
  expect(finished.length).toBeGreaterThanOrEqual(1);
  // Whatever a process that stepped aside left, the next run finishes.
  await purgeExpired(NOW);
  expect((await remaining()).emails).toEqual(["FAILED live", "PENDING live", "SENT live"]);

  await seed();
  // The job queue purges at its start (then hourly, by its schedule).
  const jobs = await startJobs({ databaseUrl: process.env.DATABASE_URL!, pollingIntervalSeconds: 0.5, now: () => NOW });
  await expect.poll(async () => (await remaining()).emails.length, { timeout: 10_000, interval: 50 }).toBe(6);
  await jobs.stop();
  expect((await remaining()).emails).toEqual(["FAILED live", "FAILED live", "PENDING live", "PENDING live", "SENT live", "SENT live"]);
});
