import { expect, test } from "vitest";
import { z } from "zod";
import { db } from "~/db.server";
import { expireLots } from "~/domain/donations/expire-lots.server";
import { markMissedClaims } from "~/domain/donations/mark-missed-claims.server";
import { startJobs } from "~/infra/jobs-worker.server";
import { action as claimsAction, loader as claimsLoader } from "~/routes/api.v1.claims";
import { createProducerUser, createUser, signedInCookie } from "../factories";
import { COLD_STORAGE, createCharity, createClaim, createSameDayLot, isoDateIn } from "../factories-donations";

/*
 * The background jobs and who sees which claims. The jobs act on the whole database, which other
 * test files share: each test here lives in its own past year (`now` is injected), so that only
 * its own lots are due, and checks only its own ids among those a run returns.
 */

const HOUR = 3600_000;

/** A donor, a charity, and lots on both sides of each expiry rule around `now`. */
async function lotsAround(now: Date) {
  const donor = await createProducerUser();
  const charity = await createCharity({ settings: COLD_STORAGE });
  const base = { donorId: donor.producerId, createdById: donor.user.id };
  const inWindow = { pickupStart: new Date(now.getTime() - 2 * HOUR), pickupEnd: new Date(now.getTime() + 4 * HOUR) };
  const windowOver = await createSameDayLot({ ...base, pickupStart: new Date(now.getTime() - 8 * HOUR), pickupEnd: new Date(now.getTime() - 1000), claimedMilli: 10_000 });
  const windowEndsNow = await createSameDayLot({ ...base, pickupStart: new Date(now.getTime() - 8 * HOUR), pickupEnd: new Date(now.getTime() - 1) });
  // The window includes its last instant: a hand-over is still possible at pickupEnd.
  const windowEndsExactlyNow = await createSameDayLot({ ...base, pickupStart: new Date(now.getTime() - 8 * HOUR), pickupEnd: now });
  const open = await createSameDayLot({ ...base, ...inWindow, claimedMilli: 5000 });
  // now + 34 h / + 47 h 59 min / + 48 h 01 min: the end of the use-by day, in Paris.
  const chilledSoon = await createSameDayLot({ ...base, ...inWindow, storage: "CHILLED", useBy: isoDateIn(1, now) });
  const chilledFar = await createSameDayLot({ ...base, ...inWindow, storage: "CHILLED", useBy: isoDateIn(3, now) });
  const ambientSoon = await createSameDayLot({ ...base, ...inWindow, storage: "AMBIENT", useBy: isoDateIn(1, now) });
  const useByPassed = await createSameDayLot({ ...base, ...inWindow, storage: "FROZEN", useBy: isoDateIn(-1, now) });
  const withdrawn = await createSameDayLot({ ...base, pickupStart: new Date(now.getTime() - 8 * HOUR), pickupEnd: new Date(now.getTime() - HOUR), status: "WITHDRAWN" });
  const claimant = { charityId: charity.id, claimedById: charity.user.id };
  const missed = await createClaim({ ...claimant, lotId: windowOver.id });
  const collected = await createClaim({ ...claimant, lotId: windowOver.id });
  await db().donationClaim.update({ where: { id: collected.id }, data: { status: "COLLECTED", collectedAt: new Date(now.getTime() - 2 * HOUR) } });
  const stillDue = await createClaim({ ...claimant, lotId: open.id });
  return {
    lots: { windowOver, windowEndsNow, windowEndsExactlyNow, open, chilledSoon, chilledFar, ambientSoon, useByPassed, withdrawn },
    expected: [windowOver.id, windowEndsNow.id, chilledSoon.id, useByPassed.id].sort(),
    untouchedLots: [open.id, chilledFar.id, ambientSoon.id, windowEndsExactlyNow.id],
    claims: { missed, collected, stillDue },
    all: [windowOver, windowEndsNow, windowEndsExactlyNow, open, chilledSoon, chilledFar, ambientSoon, useByPassed, withdrawn].map((lot) => lot.id),
  };
}

function mine(ids: string[], own: string[]): string[] {
  return ids.filter((id) => own.includes(id)).sort();
}

async function statuses(ids: string[]) {
  const rows = await db().donationLot.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, expiredAt: true } });
  return new Map(rows.map((row) => [row.id, row]));
}

test("expireLots expires lots past their window or too close to their use-by date, once; the others stay open", async () => {
  const now = new Date("2019-06-10T12:00:00Z");
  const { expected, untouchedLots, all, lots } = await lotsAround(now);

  expect(mine(await expireLots(now), all)).toEqual(expected);
  const after = await statuses(all);
  for (const id of expected) expect(after.get(id)).toEqual({ id, status: "EXPIRED", expiredAt: now });
  for (const id of untouchedLots) expect(after.get(id)).toMatchObject({ status: "OPEN", expiredAt: null });
  expect(after.get(lots.withdrawn.id)).toMatchObject({ status: "WITHDRAWN", expiredAt: null });

  // The second run changes nothing, not even the time of expiry.
  expect(mine(await expireLots(now), all)).toEqual([]);
  for (const id of expected) expect((await statuses([id])).get(id)?.expiredAt).toEqual(now);
});

test("the use-by rule follows the Paris day across the clock change: chilled lots leave 48 h before, others at the day's end", async () => {
  // Saturday 26 October 2019, 23:30 Paris (summer time); the clocks go back that night.
  const now = new Date("2019-10-26T21:30:00Z");
  const donor = await createProducerUser();
  const base = { donorId: donor.producerId, createdById: donor.user.id, pickupStart: new Date(now.getTime() - HOUR), pickupEnd: new Date(now.getTime() + 72 * HOUR) };
  // Use-by Monday 28: ends Monday 23:00 UTC (winter time), i.e. 49 h 30 after now: still open.
  const chilledMonday = await createSameDayLot({ ...base, storage: "CHILLED", useBy: "2019-10-28" });
  // Use-by Sunday 27: ends Sunday 23:00 UTC, 25 h 30 after now: under 48 h.
  const chilledSunday = await createSameDayLot({ ...base, storage: "CHILLED", useBy: "2019-10-27" });
  const ambientSaturday = await createSameDayLot({ ...base, storage: "AMBIENT", useBy: "2019-10-26" });
  const ambientSunday = await createSameDayLot({ ...base, storage: "AMBIENT", useBy: "2019-10-27" });
  const own = [chilledMonday.id, chilledSunday.id, ambientSaturday.id, ambientSunday.id];

  expect(mine(await expireLots(now), own)).toEqual([chilledSunday.id].sort());
  // 30 minutes later it is Sunday in Paris: Saturday's use-by day is over.
  expect(mine(await expireLots(new Date(now.getTime() + 30 * 60_000)), own)).toEqual([ambientSaturday.id]);
  // Monday 28, 00:00 winter time (23:00 UTC) minus 48 h = Saturday 23:00 UTC: exactly 48 h still
  // satisfies the rule, one second more does not.
  expect(mine(await expireLots(new Date("2019-10-26T23:00:00Z")), own)).toEqual([]);
  expect(mine(await expireLots(new Date("2019-10-26T23:00:01Z")), own)).toEqual([chilledMonday.id]);
  expect((await statuses([ambientSunday.id])).get(ambientSunday.id)?.status).toBe("OPEN");
});

test("markMissedClaims marks reservations not collected by the end of the window, once, and gives nothing back", async () => {
  const now = new Date("2018-06-10T12:00:00Z");
  const { claims, lots } = await lotsAround(now);
  const own = [claims.missed.id, claims.collected.id, claims.stillDue.id];

  expect(mine(await markMissedClaims(now), own)).toEqual([claims.missed.id]);
  const rows = await db().donationClaim.findMany({ where: { id: { in: own } }, select: { id: true, status: true, missedAt: true } });
  expect(rows.find((row) => row.id === claims.missed.id)).toMatchObject({ status: "MISSED", missedAt: now });
  expect(rows.find((row) => row.id === claims.collected.id)).toMatchObject({ status: "COLLECTED", missedAt: null });
  expect(rows.find((row) => row.id === claims.stillDue.id)).toMatchObject({ status: "RESERVED", missedAt: null });
  // The window is over: what was reserved is not offered again.
  expect((await db().donationLot.findUniqueOrThrow({ where: { id: lots.windowOver.id }, select: { claimedMilli: true } })).claimedMilli).toBe(10_000);

  expect(mine(await markMissedClaims(now), own)).toEqual([]);
  expect((await db().donationClaim.findUniqueOrThrow({ where: { id: claims.missed.id }, select: { missedAt: true } })).missedAt).toEqual(now);
});

test("two workers running both jobs at the same moment, on separate connections, change each lot and claim exactly once", async () => {
  const now = new Date("2017-06-10T12:00:00Z");
  const { expected, all, claims } = await lotsAround(now);
  const ownClaims = [claims.missed.id, claims.collected.id, claims.stillDue.id];

  // Each worker holds its own connection (a transaction) and keeps its row locks a moment, so the
  // other really runs against locked rows, then re-checks them once they are committed.
  async function worker() {
    return db().$transaction(
      async (tx) => {
        const missed = await markMissedClaims(now, tx);
        const expired = await expireLots(now, tx);
        await tx.$executeRaw`SELECT pg_sleep(0.3)`;
        return { missed, expired };
      },
      { timeout: 20_000 },
    );
  }
  const runs = await Promise.all([worker(), worker(), worker()]);

  const expired = runs.flatMap((run) => mine(run.expired, all));
  expect(expired.sort()).toEqual(expected);
  const missed = runs.flatMap((run) => mine(run.missed, ownClaims));
  expect(missed).toEqual([claims.missed.id]);
  const after = await statuses(expected);
  for (const id of expected) expect(after.get(id)).toMatchObject({ status: "EXPIRED", expiredAt: now });
});

test("the job queue runs both donation jobs on its own and stops cleanly", async () => {
  const now = new Date("2016-06-10T12:00:00Z");
  const { expected, claims } = await lotsAround(now);
  // The queue adds a donations.expire job at its start (then one a minute, by its schedule).
  const worker = await startJobs({ databaseUrl: process.env.DATABASE_URL!, pollingIntervalSeconds: 0.5, now: () => now });
  try {
    await expect
      .poll(async () => (await db().donationLot.count({ where: { id: { in: expected }, status: "EXPIRED" } })), { timeout: 10_000, interval: 100 })
      .toBe(expected.length);
    await expect
      .poll(async () => (await db().donationClaim.findUniqueOrThrow({ where: { id: claims.missed.id }, select: { status: true } })).status, { timeout: 10_000, interval: 100 })
      .toBe("MISSED");
  } finally {
    await worker.stop();
  }
});

// ---------------------------------------------------------------------------------------------
// GET /api/v1/claims: who sees which claims and codes

const claimsBody = z.object({ claims: z.array(z.object({ id: z.string(), pickupCode: z.string().optional(), charity: z.object({ id: z.string() }), quantity: z.number(), status: z.string() })) });

async function listClaims(cookie?: string, query = "") {
  const response = await claimsLoader({ request: new Request(`http://localhost/api/v1/claims${query}`, { headers: cookie ? { cookie } : {} }), params: {}, context: {} });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as unknown };
}

test("a charity sees its own claims with their codes and never another charity's; the donor sees both without codes", async () => {
  const donor = await createProducerUser();
  const first = await createCharity({ settings: COLD_STORAGE });
  const second = await createCharity({ settings: COLD_STORAGE });
  const lot = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, claimedMilli: 15_000 });
  const mineClaim = await createClaim({ lotId: lot.id, charityId: first.id, claimedById: first.user.id, quantityMilli: 10_000, pickupCode: "123456" });
  const theirs = await createClaim({ lotId: lot.id, charityId: second.id, claimedById: second.user.id, quantityMilli: 5000, pickupCode: "654321" });

  const seenByFirst = await listClaims(first.cookie);
  expect(seenByFirst.status).toBe(200);
  expect(claimsBody.parse(seenByFirst.json).claims).toEqual([
    expect.objectContaining({ id: mineClaim.id, pickupCode: "123456", quantity: 10, status: "reserved", charity: expect.objectContaining({ id: first.id }) }),
  ]);
  expect(seenByFirst.text).not.toContain(theirs.id);
  expect(seenByFirst.text).not.toContain("654321");

  const seenBySecond = await listClaims(second.cookie);
  expect(claimsBody.parse(seenBySecond.json).claims.map((claim) => [claim.id, claim.pickupCode])).toEqual([[theirs.id, "654321"]]);
  expect(seenBySecond.text).not.toContain("123456");

  const seenByDonor = await listClaims(donor.cookie);
  expect(seenByDonor.status).toBe(200);
  expect(claimsBody.parse(seenByDonor.json).claims.map((claim) => claim.id).sort()).toEqual([mineClaim.id, theirs.id].sort());
  expect(seenByDonor.text).not.toContain("123456");
  expect(seenByDonor.text).not.toContain("654321");
  expect(seenByDonor.text).not.toContain("pickupCode");

  const otherDonor = await createProducerUser();
  const seenByOtherDonor = await listClaims(otherDonor.cookie);
  expect(claimsBody.parse(seenByOtherDonor.json).claims).toEqual([]);
});

test("GET /claims: anonymous 401, a consumer 403, an unverified charity 403, a bad parameter 400, other methods 405", async () => {
  expect((await listClaims()).status).toBe(401);
  const consumer = await createUser();
  expect((await listClaims(await signedInCookie(consumer.id))).status).toBe(403);

  const unverified = await createCharity({ settings: COLD_STORAGE });
  await db().organisation.update({ where: { id: unverified.id }, data: { verifiedAt: null } });
  const refused = await listClaims(unverified.cookie);
  expect(refused.status).toBe(403);
  expect(refused.json).toMatchObject({ error: "not_verified" });

  const charity = await createCharity({ settings: COLD_STORAGE });
  const bad = await listClaims(charity.cookie, "?as=admin");
  expect(bad.status).toBe(400);
  expect(bad.json).toMatchObject({ error: "invalid", issues: [{ path: "", message: "Le paramètre as vaut charity ou donor." }] });

  const post = await claimsAction({ request: new Request("http://localhost/api/v1/claims", { method: "POST", headers: { cookie: charity.cookie } }), params: {}, context: {} });
  expect(post.status).toBe(405);
});
