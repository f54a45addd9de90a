// Behind a reverse proxy without TRUST_PROXY, every visitor has the proxy's address and the
// rate limits count them all together: the server says so once, and never trusts the headers.
import { expect, test } from "vitest";
import { processTestBed, type ServerProcess } from "./server-process";

const bed = processTestBed({ stopServers: "afterEach" });

async function started(env: Record<string, string | undefined>): Promise<ServerProcess> {
  return bed.start({ DATABASE_URL: await bed.cluster.createDatabase("proxy"), ...env });
}

const occurrences = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, "g"))?.length ?? 0;

test("forwarded requests without TRUST_PROXY: one warning that says what to set, however many requests", async () => {
  const server = await started({});
  await server.waitUntilHealthy();
  expect(server.output()).not.toMatch(/TRUST_PROXY/);
  const forwarded: Array<Record<string, string>> = [{ "X-Forwarded-For": "203.0.113.7" }, { Forwarded: "for=203.0.113.8" }, { "X-Forwarded-For": "203.0.113.9" }];
  for (const headers of forwarded) {
    const response = await fetch(`${server.url}/connexion`, { headers });
    expect(response.status).toBe(200);
  }
  await server.waitForOutput(/TRUST_PROXY n'est pas défini/);
  expect(occurrences(server.output(), /TRUST_PROXY n'est pas défini/)).toBe(1);
  expect(server.output()).toMatch(/TRUST_PROXY=1/);
});

test("TRUST_PROXY=1: forwarded requests are expected, no warning", async () => {
  const server = await started({ TRUST_PROXY: "1" });
  await server.waitUntilHealthy();
  const response = await fetch(`${server.url}/connexion`, { headers: { "X-Forwarded-For": "203.0.113.7" } });
  expect(response.status).toBe(200);
  expect(server.output()).not.toMatch(/TRUST_PROXY/);
});

test("TRUST_PROXY=true is refused at start with the value to write instead", async () => {
  const server = await started({ TRUST_PROXY: "true" });
  const exit = await server.exited;
  expect(exit.code).toBe(1);
  expect(server.output()).toMatch(/TRUST_PROXY=1 pour un seul reverse proxy/);
});
