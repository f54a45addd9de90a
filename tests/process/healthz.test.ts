import { expect, test } from "vitest";
import { processTestBed, type ServerProcess } from "./server-process";

const bed = processTestBed({ stopServers: "afterAll" });
let server: ServerProcess | undefined;

async function healthz(url: string) {
  const response = await fetch(`${url}/healthz`, { headers: { "X-Forwarded-For": "203.0.113.7" } });
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
}

test("/healthz answers 200 {status: ok} while the database answers, 503 while it is away, and 200 again once it is back", async () => {
  server = await bed.start({ DATABASE_URL: await bed.cluster.createDatabase("healthz") });
  await server.waitUntilHealthy();

  const up = await healthz(server.url);
  expect(up.status).toBe(200);
  expect(up.body).toEqual({ status: "ok" });
  expect(up.headers.get("content-type")).toMatch(/^application\/json/);
  expect(up.headers.get("set-cookie")).toBeNull();
  expect(up.headers.get("cache-control")).toBe("no-store");

  await bed.cluster.embedded.stop();
  const down = await healthz(server.url);
  expect(down.status).toBe(503);
  expect(down.body).toEqual({ status: "unavailable", database: "down" });

  await bed.cluster.restart();
  let again = await healthz(server.url);
  // The pool may hand out a connection broken by the restart once; a load balancer asks again.
  for (let attempt = 0; attempt < 20 && again.status !== 200; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    again = await healthz(server.url);
  }
  expect(again).toMatchObject({ status: 200, body: { status: "ok" } });
});

test("/healthz is never refused by the same-origin guard and does not depend on a session or a language", async () => {
  server ??= await bed.start({ DATABASE_URL: await bed.cluster.createDatabase("healthz") });
  await server.waitUntilHealthy();
  const response = await fetch(`${server.url}/healthz`, {
    headers: { Origin: "https://elsewhere.example", Cookie: "tm_session=not-a-session; tm_locale=%E0%A4%A", "Accept-Language": "en" },
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers.get("set-cookie")).toBeNull();
});
