// SIGTERM while orders are in flight: the server stops taking connections, finishes what it
// accepted, closes idle keep-alive connections, stops its workers, closes the pool, exits 0.
import http from "node:http";
import { expect, test } from "vitest";
import { disconnectDb } from "~/db.server";
import { createDistribution, createOffer, createUsers, signedInCookie } from "../factories";
import { processTestBed, query } from "./server-process";

const bed = processTestBed({ stopServers: "afterAll", signal: "SIGKILL" });

type Answer = { status: number; body: string } | { error: string };

/**
 * A POST that the server has begun to read (it answered "100 Continue" to the headers) and
 * whose body is sent only when `send()` is called: a request in flight for certain.
 */
function orderInFlight(url: string, agent: http.Agent, cookie: string, body: string) {
  const request = http.request(`${url}/api/v1/orders`, {
    method: "POST",
    agent,
    headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), Cookie: cookie, Expect: "100-continue" },
  });
  const continued = new Promise<void>((resolve, reject) => {
    request.once("continue", () => resolve());
    request.once("error", reject);
  });
  const answer = new Promise<Answer>((resolve) => {
    request.once("error", (error) => resolve({ error: error.message }));
    request.once("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.once("error", (error) => resolve({ error: error.message }));
    });
  });
  request.flushHeaders();
  return { continued, answer, send: () => request.end(body) };
}

test("SIGTERM during 50 simultaneous orders: every request is answered, every 201 order is in the database, the process exits 0", async () => {
  const databaseUrl = await bed.cluster.createDatabase("shutdown");
  // Two app processes: the primary must pass the signal on and wait for both.
  const server = await bed.start({ DATABASE_URL: databaseUrl, WEB_CONCURRENCY: "2" });
  await server.waitUntilHealthy();

  process.env.DATABASE_URL = databaseUrl;
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 1000, priceCents: 300 });
  const customers = await createUsers(50);
  const cookies = await Promise.all(customers.map((customer) => signedInCookie(customer.id)));
  const body = JSON.stringify({ distributionId: distribution.id, slotId: distribution.slotIds[0], lines: [{ offerId: offer.id, quantity: 1 }], paymentMethod: "at_pickup" });

  // A keep-alive connection left idle after one request: shutdown must not wait on it.
  const idleAgent = new http.Agent({ keepAlive: true });
  const idleClosed = new Promise<void>((resolve) => {
    http.get(`${server.url}/healthz`, { agent: idleAgent }, (response) => {
      response.resume();
      response.socket.once("close", () => resolve());
    });
  });

  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const orders = cookies.map((cookie) => orderInFlight(server.url, agent, cookie, body));
  await Promise.all(orders.map((order) => order.continued));

  const exited = server.stop("SIGTERM");
  // Both app processes have started to drain before the bodies arrive.
  await server.waitForOutput(/(arrêt demandé[\s\S]*){2}/);
  for (const order of orders) order.send();
  const answers = await Promise.all(orders.map((order) => order.answer));
  const exit = await exited;
  await idleClosed;
  agent.destroy();
  idleAgent.destroy();

  expect(answers.filter((answer) => "error" in answer)).toEqual([]);
  const statuses = answers.map((answer) => ("status" in answer ? answer.status : 0));
  expect(statuses).toEqual(Array.from({ length: 50 }, () => 201));
  const answeredIds = answers.map((answer) => ("body" in answer ? (JSON.parse(answer.body) as { id: string }).id : "")).sort();
  await disconnectDb();
  const stored = await query<{ id: string }>(databaseUrl, `SELECT id FROM "Order" WHERE "distributionId" = $1 ORDER BY id`, [distribution.id]);
  expect(stored.map((row) => row.id)).toEqual(answeredIds);
  expect(exit).toEqual({ code: 0, signal: null });
  expect(server.output()).not.toMatch(/Error|erreur/i);
});

test("a request that outlives SHUTDOWN_GRACE_SECONDS is cut, said in the log, and the exit code says so", async () => {
  const databaseUrl = await bed.cluster.createDatabase("shutdown_grace");
  const server = await bed.start({ DATABASE_URL: databaseUrl, SHUTDOWN_GRACE_SECONDS: "1" });
  await server.waitUntilHealthy();
  process.env.DATABASE_URL = databaseUrl;
  const [customer] = await createUsers(1);
  const cookie = await signedInCookie(customer!.id);
  await disconnectDb();
  // A signed-in client that announces an order and never sends its body.
  const agent = new http.Agent({ keepAlive: true });
  const stuck = orderInFlight(server.url, agent, cookie, JSON.stringify({ never: "sent" }));
  await stuck.continued;

  const exit = await server.stop("SIGTERM");
  const answer = await stuck.answer;
  agent.destroy();

  expect(exit).toEqual({ code: 1, signal: null });
  expect(server.output()).toMatch(/1 requête\(s\) coupée\(s\) après 1 s \(SHUTDOWN_GRACE_SECONDS\)/);
  expect(answer).toHaveProperty("error");
});

test("SIGTERM while the process is still starting: it finishes starting, then stops gracefully and exits 0", async () => {
  const databaseUrl = await bed.cluster.createDatabase("shutdown_starting");
  const server = await bed.start({ DATABASE_URL: databaseUrl });
  // The job queue's pool connects first; loading the build and listening come after it: the signal
  // is sent in between (an operator's Ctrl-C or a deploy's stop a second after start).
  const jobsConnected = async () =>
    (await query<{ count: number }>(databaseUrl, `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'terre-et-mer-jobs-%'`))[0]?.count ?? 0;
  await expect.poll(jobsConnected, { timeout: 30_000, interval: 10 }).toBeGreaterThan(0);
  const listeningBeforeSignal = /Terre & Mer sur/.test(server.output());
  server.child.kill("SIGTERM");
  const exit = await server.exited;

  expect(listeningBeforeSignal, "the signal must arrive before the process listens").toBe(false);
  expect(exit, server.output()).toEqual({ code: 0, signal: null });
  expect(server.output()).toMatch(/arrêt demandé \(SIGTERM\)/);
  expect(server.output()).not.toMatch(/arrêt incomplet|Error/);
});
