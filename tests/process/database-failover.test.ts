// The database stops under a running server while orders arrive, then comes back: every request
// is answered (503 JSON for the API, a 503 page for a page, never a hang or a 500), no order
// answered 201 is lost, and the same server serves again by itself (decision 017).
import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { disconnectDb } from "~/db.server";
import { createDistribution, createOffer, createUsers, signedInCookie } from "../factories";
import { processTestBed, query } from "./server-process";

const bed = processTestBed({ stopServers: "afterAll", signal: "SIGKILL" });

/** No request may hang: a client gives up after this and the test fails on its "error". */
const CLIENT_PATIENCE_MS = 30_000;

type Answer = { status: number; body: string; retryAfter: string | null; contentType: string } | { error: string };

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(CLIENT_PATIENCE_MS) });
    return { status: response.status, body: await response.text(), retryAfter: response.headers.get("retry-after"), contentType: response.headers.get("content-type") ?? "" };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

test("the database stops while orders arrive: every request is answered 201 or 503, nothing accepted is lost, and the server serves again by itself once it is back", async () => {
  const databaseUrl = await bed.cluster.createDatabase("failover");
  const server = await bed.start({ DATABASE_URL: databaseUrl });
  await server.waitUntilHealthy();
  const base = server.url;

  process.env.DATABASE_URL = databaseUrl;
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 1000, priceCents: 300 });
  const customers = await createUsers(120);
  const cookies = await Promise.all(customers.map((customer) => signedInCookie(customer.id)));
  // The test keeps no connection of its own to the database it is about to stop.
  await disconnectDb();

  const body = JSON.stringify({ distributionId: distribution.id, slotId: distribution.slotIds[0], lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup" });
  let next = 0;
  /** One order from a customer who has not ordered yet (one order each, within the per-customer limits). */
  const order = () => {
    const cookie = cookies[next++];
    if (!cookie) throw new Error("plus de clients");
    return send(`${base}/api/v1/orders`, { method: "POST", body, headers: { "content-type": "application/json", cookie, "idempotency-key": randomUUID() } });
  };

  const before = await Promise.all(Array.from({ length: 5 }, order));
  expect(before.map((answer) => ("status" in answer ? answer.status : answer.error))).toEqual([201, 201, 201, 201, 201]);

  // Orders keep arriving, four at a time, while the database stops under them.
  const answers: Answer[] = [...before];
  let arriving = true;
  const streams = Array.from({ length: 4 }, async () => {
    while (arriving && next < 80) answers.push(await order());
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await bed.cluster.embedded.stop();

  // While it is away: orders and pages are refused at once, clearly.
  const whileAway: Answer[] = [];
  for (let round = 0; round < 3; round += 1) whileAway.push(await order());
  const pageFr = await send(`${base}/commandes`, { headers: { cookie: cookies[0]!, "accept-language": "fr" } });
  const pageEn = await send(`${base}/`, { headers: { "accept-language": "en-GB,en" } });
  arriving = false;
  await Promise.all(streams);
  answers.push(...whileAway);

  for (const answer of whileAway) {
    expect(answer).toMatchObject({ status: 503, retryAfter: "5", contentType: expect.stringMatching(/^application\/json/) });
    expect(JSON.parse((answer as { body: string }).body)).toEqual({
      error: "database_unavailable",
      message: "Le service est momentanément indisponible : notre base de données ne répond pas. Rien n'a été enregistré par cette demande ; réessayez dans quelques instants.",
    });
  }
  expect(pageFr).toMatchObject({ status: 503, retryAfter: "5", contentType: expect.stringMatching(/^text\/html/) });
  expect((pageFr as { body: string }).body).toContain("Service momentanément indisponible");
  expect((pageFr as { body: string }).body).toContain("notre base de données ne répond pas");
  expect(pageEn).toMatchObject({ status: 503, retryAfter: "5", contentType: expect.stringMatching(/^text\/html/) });
  expect((pageEn as { body: string }).body).toContain("Service briefly unavailable");

  // The database comes back; the same server, never restarted, takes orders again by itself.
  await bed.cluster.restart();
  let back = await order();
  for (let attempt = 0; attempt < 20 && !("status" in back && back.status === 201); attempt += 1) {
    answers.push(back);
    await new Promise((resolve) => setTimeout(resolve, 250));
    back = await order();
  }
  answers.push(back);
  expect(back).toMatchObject({ status: 201 });
  const after = await Promise.all(Array.from({ length: 5 }, order));
  answers.push(...after);
  expect(after.map((answer) => ("status" in answer ? answer.status : answer.error))).toEqual([201, 201, 201, 201, 201]);
  expect(await send(`${base}/commandes`, { headers: { cookie: cookies[0]! } })).toMatchObject({ status: 200 });

  // Every request was answered, each 201 (taken) or 503 (refused, to retry): no hang, no 500.
  expect(answers.filter((answer) => "error" in answer)).toEqual([]);
  const statuses = new Set(answers.map((answer) => ("status" in answer ? answer.status : 0)));
  expect([...statuses].sort()).toEqual([201, 503]);
  // And every order answered 201 is in the database.
  const accepted = answers.flatMap((answer) => ("status" in answer && answer.status === 201 ? [(JSON.parse(answer.body) as { id: string }).id] : []));
  const stored = new Set((await query<{ id: string }>(databaseUrl, `SELECT id FROM "Order" WHERE "distributionId" = $1`, [distribution.id])).map((row) => row.id));
  expect(accepted.length).toBeGreaterThanOrEqual(11);
  expect(accepted.filter((id) => !stored.has(id))).toEqual([]);
  expect(server.output()).not.toMatch(/erreur inattendue/);
});
