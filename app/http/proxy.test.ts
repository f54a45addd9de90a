import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { expect, test } from "vitest";
import { carriesForwardedHeaders, parseTrustProxy } from "./proxy";

/** The client address Express sees behind one proxy (the proxy appends the client's address to X-Forwarded-For). */
async function addressSeen(trustProxy: number | string | undefined, forwardedFor: string): Promise<string | undefined> {
  const app = express();
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);
  app.get("/", (request, response) => {
    response.send(request.ip);
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": forwardedFor } });
    return await response.text();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

test("TRUST_PROXY=1 behind one proxy: each visitor has the address the proxy saw, not the one a client wrote itself", async () => {
  // A client forged "6.6.6.6"; the proxy appended the real address 203.0.113.9.
  expect(await addressSeen(parseTrustProxy("1"), "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
});

test("TRUST_PROXY=loopback trusts a proxy on the same machine; absent, forwarded headers are never trusted", async () => {
  expect(await addressSeen(parseTrustProxy("loopback"), "203.0.113.9")).toBe("203.0.113.9");
  expect(await addressSeen(parseTrustProxy(undefined), "203.0.113.9")).toBe("127.0.0.1");
  expect(await addressSeen(parseTrustProxy(""), "203.0.113.9")).toBe("127.0.0.1");
});

test("TRUST_PROXY=true is refused with what to write instead: it would let any client choose its address", () => {
  expect(() => parseTrustProxy("true")).toThrow(/TRUST_PROXY=1/);
  expect(() => parseTrustProxy("TRUE")).toThrow(/TRUST_PROXY=TRUE/);
});

test("a request forwarded by a proxy is recognised by X-Forwarded-For or Forwarded", () => {
  expect(carriesForwardedHeaders(new Headers({ "X-Forwarded-For": "203.0.113.9" }))).toBe(true);
  expect(carriesForwardedHeaders(new Headers({ Forwarded: "for=203.0.113.9;proto=https" }))).toBe(true);
  expect(carriesForwardedHeaders(new Headers({ Host: "example.test" }))).toBe(false);
});
