import { expect, test } from "vitest";
import { z } from "zod";
import { db } from "~/db.server";
import { confirmPickup } from "~/domain/donations/confirm-pickup.server";
import { isDomainError } from "~/domain/errors";
import { action as pickupAction, loader as pickupLoader } from "~/routes/api.v1.claims.$id.pickup";
import { createMemberUser, createProducerUser, createUser, signedInCookie } from "../factories";
import { COLD_STORAGE, createCharity, createClaim, createSameDayLot, isoDateIn, reservedClaim } from "../factories-donations";

/** POST /api/v1/claims/{id}/pickup: the donor confirms a hand-over with the charity's code. */

const HOUR = 3600_000;
const jsonObject = z.record(z.string(), z.unknown());
const issuesSchema = z.array(z.object({ path: z.string(), message: z.string() }));

async function pickup(claimId: string, body: unknown, options: { cookie?: string; rawBody?: string; language?: string } = {}) {
  const headers = new Headers({ "content-type": "application/json" });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.language) headers.set("accept-language", options.language);
  const request = new Request(`http://localhost/api/v1/claims/${claimId}/pickup`, {
    method: "POST",
    headers,
    body: options.rawBody ?? JSON.stringify(body),
  });
  const response = await pickupAction({ request, params: { id: claimId }, context: {} });
  return { status: response.status, body: jsonObject.parse(await response.json()), headers: response.headers };
}

function claimRow(id: string) {
  return db().donationClaim.findUniqueOrThrow({ where: { id }, select: { status: true, collectedAt: true, collectedById: true, temperatureDeciC: true } });
}

const untouched = { status: "RESERVED", collectedAt: null, collectedById: null, temperatureDeciC: null };

test("the right code and temperature collect a chilled claim once; the charity is emailed; a second confirmation is refused", async () => {
  const { donor, charity, lot, claim } = await reservedClaim({ storage: "CHILLED", useBy: isoDateIn(5) });

  const first = await pickup(claim.id, { pickupCode: claim.pickupCode, temperatureC: 3.5 }, { cookie: donor.cookie });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ id: claim.id, lotId: lot.id, quantity: 5, status: "collected", temperatureC: 3.5 });
  expect(typeof first.body.collectedAt).toBe("string");
  expect(await claimRow(claim.id)).toMatchObject({ status: "COLLECTED", collectedById: donor.user.id, temperatureDeciC: 35 });

  const emails = await db().outboxEmail.findMany({ where: { to: charity.user.email }, select: { subject: true, text: true } });
  expect(emails).toHaveLength(1);
  expect(emails[0]?.subject).toContain("Retrait confirmé");
  expect(emails[0]?.text).toContain("3,5 °C");

  const second = await pickup(claim.id, { pickupCode: claim.pickupCode, temperatureC: 3.5 }, { cookie: donor.cookie });
  expect(second.status).toBe(409);
  expect(second.body.error).toBe("claim_closed");
  expect(await db().outboxEmail.count({ where: { to: charity.user.email } })).toBe(1);
});

test("two confirmations at the same moment collect the claim once", async () => {
  const { donor, claim } = await reservedClaim();
  const answers = await Promise.all([1, 2, 3].map(() => pickup(claim.id, { pickupCode: claim.pickupCode }, { cookie: donor.cookie })));
  expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
  expect((await claimRow(claim.id)).status).toBe("COLLECTED");
});

test("an ambient claim needs no temperature, and one sent is not recorded", async () => {
  const { donor, claim } = await reservedClaim({ storage: "AMBIENT" });
  const answer = await pickup(claim.id, { pickupCode: claim.pickupCode, temperatureC: 19 }, { cookie: donor.cookie });
  expect(answer.status).toBe(200);
  expect(answer.body.temperatureC).toBeNull();
  expect((await claimRow(claim.id)).temperatureDeciC).toBeNull();
});

test("a wrong code is refused and changes nothing; after 5 wrong codes even the right one waits 15 minutes", async () => {
  const { donor, claim } = await reservedClaim();
  const wrong = claim.pickupCode === "000000" ? "111111" : "000000";

  const answer = await pickup(claim.id, { pickupCode: wrong }, { cookie: donor.cookie });
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ error: "pickup_code_invalid", message: "Ce code de retrait ne correspond pas à cette réservation." });
  expect(await claimRow(claim.id)).toEqual(untouched);

  // The use case with one fixed instant, so that the six tries fall in the same 15-minute window.
  const { donor: donor2, claim: claim2 } = await reservedClaim();
  const at = new Date(Math.floor(Date.now() / (15 * 60_000)) * 15 * 60_000 + 60_000);
  const wrong2 = claim2.pickupCode === "000000" ? "111111" : "000000";
  const input = { claimId: claim2.id, donorId: donor2.producerId, userId: donor2.user.id, now: at };
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await expect(confirmPickup({ ...input, pickupCode: wrong2 })).rejects.toMatchObject({ code: "pickup_code_invalid" });
  }
  const sixth = await confirmPickup({ ...input, pickupCode: claim2.pickupCode }).catch((error: unknown) => error);
  expect(isDomainError(sixth) && sixth.code).toBe("rate_limited");
  expect(isDomainError(sixth) && sixth.details.retryAfterSeconds).toBe(14 * 60);
  expect(await claimRow(claim2.id)).toEqual(untouched);

  // Another claim is not locked out by this one's guesses.
  expect((await pickup(claim.id, { pickupCode: claim.pickupCode }, { cookie: donor.cookie })).status).toBe(200);
});

test("the wrong-code limit answers 429 with Retry-After through the API", async () => {
  const { donor, claim } = await reservedClaim();
  const wrong = claim.pickupCode === "000000" ? "111111" : "000000";
  // The limit counts in 15-minute windows: start well inside one, so that the six tries share it.
  const window = 15 * 60_000;
  const leftInWindow = window - (Date.now() % window);
  if (leftInWindow < 10_000) await new Promise((resolve) => setTimeout(resolve, leftInWindow + 100));
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    expect((await pickup(claim.id, { pickupCode: wrong }, { cookie: donor.cookie })).status).toBe(400);
  }
  const sixth = await pickup(claim.id, { pickupCode: claim.pickupCode }, { cookie: donor.cookie });
  expect(sixth.status).toBe(429);
  expect(sixth.body.error).toBe("rate_limited");
  expect(sixth.body.message).toContain("Trop de tentatives");
  expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await claimRow(claim.id)).toEqual(untouched);
});

test("chilled food needs a temperature of 4 °C at most; the message names the field and the broken cold chain", async () => {
  const { donor, claim } = await reservedClaim({ storage: "CHILLED", useBy: isoDateIn(5) });

  const missing = await pickup(claim.id, { pickupCode: claim.pickupCode }, { cookie: donor.cookie });
  expect(missing.status).toBe(400);
  expect(issuesSchema.parse(missing.body.issues)).toEqual([{ path: "temperatureC", message: expect.stringContaining("Relevez la température") }]);

  const warm = await pickup(claim.id, { pickupCode: claim.pickupCode, temperatureC: 6 }, { cookie: donor.cookie });
  expect(warm.status).toBe(400);
  expect(warm.body.message).toContain("La chaîne du froid est rompue");
  expect(issuesSchema.parse(warm.body.issues)[0]?.path).toBe("temperatureC");

  const english = await pickup(claim.id, { pickupCode: claim.pickupCode, temperatureC: 4.5 }, { cookie: donor.cookie, language: "en" });
  expect(english.body.message).toContain("The cold chain is broken");
  expect(await claimRow(claim.id)).toEqual(untouched);

  expect((await pickup(claim.id, { pickupCode: claim.pickupCode, temperatureC: 4 }, { cookie: donor.cookie })).status).toBe(200);
});

test("frozen food is handed over at −18 °C or below", async () => {
  const { donor, claim } = await reservedClaim({ storage: "FROZEN" });
  const soft = await pickup(claim.id, { pickupCode: claim.pickupCode, temperatureC: -15 }, { cookie: donor.cookie });
  expect(soft.status).toBe(400);
  expect(soft.body.message).toContain("−18 °C");
  expect(await claimRow(claim.id)).toEqual(untouched);
  const cold = await pickup(claim.id, { pickupCode: claim.pickupCode, temperatureC: -19.5 }, { cookie: donor.cookie });
  expect(cold.status).toBe(200);
  expect(cold.body.temperatureC).toBe(-19.5);
});

test("only the donor confirms: another producer gets 404, a charity or a consumer 403, a visitor 401", async () => {
  const { claim, charity } = await reservedClaim();
  const other = await createProducerUser();
  const consumer = await createUser();
  const body = { pickupCode: claim.pickupCode };

  const byOther = await pickup(claim.id, body, { cookie: other.cookie });
  expect(byOther.status).toBe(404);
  expect(byOther.body.error).toBe("not_found");
  expect((await pickup(claim.id, body, { cookie: charity.cookie })).status).toBe(403);
  expect((await pickup(claim.id, body, { cookie: await signedInCookie(consumer.id) })).status).toBe(403);
  expect((await pickup(claim.id, body, {})).status).toBe(401);
  expect((await pickup("claim-inconnue", body, { cookie: other.cookie })).status).toBe(404);
  expect((await pickup("../../etc", body, { cookie: other.cookie })).status).toBe(404);
  expect(await claimRow(claim.id)).toEqual(untouched);
});

test("outside the pickup window the hand-over is refused", async () => {
  const early = await reservedClaim({ pickupStart: new Date(Date.now() + 2 * HOUR), pickupEnd: new Date(Date.now() + 6 * HOUR) });
  const before = await pickup(early.claim.id, { pickupCode: early.claim.pickupCode }, { cookie: early.donor.cookie });
  expect(before.status).toBe(400);
  expect(before.body.message).toContain("la fenêtre de retrait de ce lot n'a pas encore commencé");

  const late = await reservedClaim({ pickupStart: new Date(Date.now() - 6 * HOUR), pickupEnd: new Date(Date.now() - HOUR) });
  const after = await pickup(late.claim.id, { pickupCode: late.claim.pickupCode }, { cookie: late.donor.cookie });
  expect(after.status).toBe(409);
  expect(after.body).toMatchObject({ error: "lot_closed", message: expect.stringContaining("elle est déjà terminée") });
  expect(await claimRow(early.claim.id)).toEqual(untouched);
  expect(await claimRow(late.claim.id)).toEqual(untouched);
});

test("a chilled lot with less than 48 h of use-by goes only to a charity that redistributes the same day", async () => {
  const strict = await reservedClaim({ storage: "CHILLED", useBy: isoDateIn(1) });
  const refused = await pickup(strict.claim.id, { pickupCode: strict.claim.pickupCode, temperatureC: 2 }, { cookie: strict.donor.cookie });
  expect(refused.status).toBe(400);
  expect(refused.body.message).toContain("il doit rester au moins 48 h au retrait");
  expect(await claimRow(strict.claim.id)).toEqual(untouched);

  const sameDay = await reservedClaim({ storage: "CHILLED", useBy: isoDateIn(1), redistributesSameDay: true });
  expect((await pickup(sameDay.claim.id, { pickupCode: sameDay.claim.pickupCode, temperatureC: 2 }, { cookie: sameDay.donor.cookie })).status).toBe(200);
});

test("a reservation made before the lot was withdrawn is still handed over", async () => {
  const donor = await createProducerUser();
  const charity = await createCharity({ settings: COLD_STORAGE });
  const lot = await createSameDayLot({ donorId: donor.producerId, createdById: donor.user.id, status: "WITHDRAWN", claimedMilli: 5000 });
  const claim = await createClaim({ lotId: lot.id, charityId: charity.id, claimedById: charity.user.id });
  const answer = await pickup(claim.id, { pickupCode: claim.pickupCode }, { cookie: donor.cookie });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ id: claim.id, status: "collected" });
});

test("bad input gets 400 with a message naming the field, in French or English, and changes nothing", async () => {
  const { donor, claim } = await reservedClaim({ storage: "CHILLED", useBy: isoDateIn(5) });
  const cases: Array<{ body?: unknown; rawBody?: string; path: string }> = [
    { body: {}, path: "pickupCode" },
    { body: { pickupCode: "" }, path: "pickupCode" },
    { body: { pickupCode: "12345" }, path: "pickupCode" },
    { body: { pickupCode: "1234567" }, path: "pickupCode" },
    { body: { pickupCode: "12a456" }, path: "pickupCode" },
    { body: { pickupCode: 123456 }, path: "pickupCode" },
    { body: { pickupCode: "9".repeat(10_000) }, path: "pickupCode" },
    { body: { pickupCode: claim.pickupCode, temperatureC: "froid" }, path: "temperatureC" },
    { body: { pickupCode: claim.pickupCode, temperatureC: 1e9 }, path: "temperatureC" },
    { body: { pickupCode: claim.pickupCode, temperatureC: -273 }, path: "temperatureC" },
    { body: { pickupCode: claim.pickupCode, temperatureC: null }, path: "temperatureC" },
    { body: null, path: "" },
    { rawBody: "{pas du json", path: "" },
  ];
  for (const { body, rawBody, path } of cases) {
    const answer = await pickup(claim.id, body, { cookie: donor.cookie, rawBody });
    expect(answer.status, String(rawBody ?? JSON.stringify(body)).slice(0, 80)).toBe(400);
    expect(answer.body.error).toBe("invalid");
    const issues = issuesSchema.parse(answer.body.issues);
    expect(issues[0]?.path).toBe(path);
    if (path === "pickupCode") expect(issues[0]?.message).toContain("Le code de retrait est fait de 6 chiffres");
    if (path === "temperatureC") expect(issues[0]?.message).toContain("La température doit être un nombre");
  }
  const english = await pickup(claim.id, { pickupCode: "12" }, { cookie: donor.cookie, language: "en" });
  expect(issuesSchema.parse(english.body.issues)[0]?.message).toBe("The pickup code is 6 digits, e.g. 048213.");
  expect(await claimRow(claim.id)).toEqual(untouched);
});

test("other methods get 405", async () => {
  const { donor, claim } = await reservedClaim();
  const get = await pickupLoader({ request: new Request(`http://localhost/api/v1/claims/${claim.id}/pickup`, { headers: { cookie: donor.cookie } }), params: { id: claim.id }, context: {} });
  expect(get.status).toBe(405);
  const put = await pickupAction({ request: new Request(`http://localhost/api/v1/claims/${claim.id}/pickup`, { method: "PUT", headers: { cookie: donor.cookie } }), params: { id: claim.id }, context: {} });
  expect(put.status).toBe(405);
  expect(put.headers.get("allow")).toBe("POST");
});

test("a charity member who is not verified, or an admin, is no donor either", async () => {
  const { claim } = await reservedClaim();
  const admin = await createMemberUser("ADMIN");
  expect((await pickup(claim.id, { pickupCode: claim.pickupCode }, { cookie: admin.cookie })).status).toBe(403);
  expect(await claimRow(claim.id)).toEqual(untouched);
});
