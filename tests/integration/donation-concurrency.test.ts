import { expect, test } from "vitest";
import { z } from "zod";
import { db } from "~/db.server";
import { action as claimAction } from "~/routes/api.v1.donation-lots.$id.claims";
import { createCharities, createDonor, createLot, lotState } from "../factories-donations";

/**
 * Claims racing on the real PostgreSQL, through the API action (the test pool has 20
 * connections: most claims wait for one, then for the lot's row, which is normal). An unexpected
 * error (a deadlock, a CHECK violation) would be a 500 and its console.error fails the test.
 */

type Answer = { status: number; body: Record<string, unknown> };

async function claim(cookie: string, lotId: string, quantity: number): Promise<Answer> {
  const request = new Request(`http://localhost/api/v1/donation-lots/${lotId}/claims`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ quantity }),
  });
  const response = await claimAction({ request, params: { id: lotId }, context: {} });
  return { status: response.status, body: z.record(z.string(), z.unknown()).parse(await response.json()) };
}

/** 0.5 to 3 kg, in steps of 10 g. */
function randomKilos(): number {
  return (50 + Math.floor(Math.random() * 251)) / 100;
}

test("50 verified charities claim the same 15 kg lot at once in random amounts: never more than 15 kg, and every refusal says what was left", async () => {
  const donor = await createDonor();
  const lot = await createLot({ donorId: donor.producerId, createdById: donor.user.id, quantityMilli: 15_000 });
  const charities = await createCharities(50);
  const requests = charities.map((charity) => ({ charity, quantity: randomKilos() }));

  const answers = await Promise.all(requests.map(async (request) => ({ ...request, answer: await claim(request.charity.cookie, lot.id, request.quantity) })));

  expect(answers.filter(({ answer }) => answer.status !== 201 && answer.status !== 409)).toEqual([]);
  const accepted = answers.filter(({ answer }) => answer.status === 201);
  const refused = answers.filter(({ answer }) => answer.status === 409);
  expect(accepted.length).toBeGreaterThan(0);
  for (const { quantity, answer } of accepted) {
    expect(answer.body).toMatchObject({ lotId: lot.id, quantity, status: "reserved" });
    expect(answer.body.pickupCode).toMatch(/^[0-9]{6}$/);
  }
  const acceptedMilli = accepted.reduce((sum, { quantity }) => sum + Math.round(quantity * 1000), 0);
  expect(acceptedMilli).toBeLessThanOrEqual(15_000);
  for (const { quantity, answer } of refused) {
    expect(answer.body).toMatchObject({ error: "exceeds_remaining" });
    const remaining = z.number().parse(answer.body.remaining);
    expect(remaining).toBeGreaterThanOrEqual(0);
    expect(remaining).toBeLessThan(quantity);
    // What was left then is never less than what is left in the end.
    expect(Math.round(remaining * 1000)).toBeGreaterThanOrEqual(15_000 - acceptedMilli);
    expect(String(answer.body.message)).toContain("Il ne reste que");
  }

  const state = await lotState(lot.id);
  expect(state.claimedMilli).toBe(acceptedMilli);
  const claims = await db().donationClaim.aggregate({ where: { lotId: lot.id }, _sum: { quantityMilli: true }, _count: true });
  expect(claims._count).toBe(accepted.length);
  expect(claims._sum.quantityMilli ?? 0).toBe(acceptedMilli);
  // Some refusals are expected: 50 claims of 0.5 kg or more ask for at least 25 kg.
  expect(refused.length).toBe(50 - accepted.length);
  expect(refused.length).toBeGreaterThan(0);
});

test("20 lots, 10 charities each claiming the whole lot at once: exactly 20 claims succeed, one per lot", async () => {
  const donor = await createDonor();
  const lots = await Promise.all(Array.from({ length: 20 }, () => createLot({ donorId: donor.producerId, createdById: donor.user.id, quantityMilli: 4_000 })));
  const charities = await createCharities(10);

  // 200 claims at once: each of the 10 charities asks for the whole of each of the 20 lots.
  const answers = await Promise.all(
    lots.flatMap((lot) => charities.map(async (charity) => ({ lotId: lot.id, answer: await claim(charity.cookie, lot.id, 4) }))),
  );

  expect(answers.filter(({ answer }) => answer.status !== 201 && answer.status !== 409)).toEqual([]);
  const accepted = answers.filter(({ answer }) => answer.status === 201);
  expect(accepted).toHaveLength(20);
  expect(new Set(accepted.map(({ lotId }) => lotId)).size).toBe(20);
  for (const { answer } of answers.filter(({ answer }) => answer.status === 409)) expect(answer.body).toMatchObject({ error: "exceeds_remaining", remaining: 0 });
  for (const lot of lots) {
    expect(await lotState(lot.id)).toMatchObject({ quantityMilli: 4_000, claimedMilli: 4_000 });
    expect(await db().donationClaim.count({ where: { lotId: lot.id } })).toBe(1);
  }
});
