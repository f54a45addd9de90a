import { expect, test } from "vitest";
import { isCrossOriginWrite, originsFor } from "~/http/same-origin";

function request(method: string, headers: Record<string, string>) {
  return { method, headers: new Headers(headers) };
}

const origins = originsFor("https://terre-et-mer.fr", "terre-et-mer.fr", "https");

test("a form posted from another site is refused", () => {
  expect(isCrossOriginWrite(request("POST", { origin: "https://evil.example" }), origins)).toBe(true);
  expect(isCrossOriginWrite(request("POST", { "sec-fetch-site": "cross-site" }), origins)).toBe(true);
  expect(isCrossOriginWrite(request("DELETE", { origin: "null" }), origins)).toBe(true);
});

test("the site's own forms and non-browser API clients are accepted", () => {
  expect(isCrossOriginWrite(request("POST", { origin: "https://terre-et-mer.fr", "sec-fetch-site": "same-origin" }), origins)).toBe(false);
  expect(isCrossOriginWrite(request("POST", {}), origins)).toBe(false);
});

test("reading is never refused", () => {
  expect(isCrossOriginWrite(request("GET", { origin: "https://evil.example" }), origins)).toBe(false);
});
