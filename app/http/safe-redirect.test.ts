import { expect, test } from "vitest";
import { safeRedirect } from "~/http/safe-redirect";

const SITE = "https://terre-et-mer.example";

/** Where a browser lands when it follows `Location: target` from a page of this site. */
function landing(target: string): URL {
  // The WHATWG URL parser is the browsers' own: it strips tabs and newlines and reads "\" as "/".
  return new URL(target, `${SITE}/connexion`);
}

const bypasses = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "//evil.example",
  "///evil.example",
  "////evil.example",
  "/.//evil.example",
  "/%2e//evil.example",
  "/a/..//evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%5cevil.example",
  "/%2F%2Fevil.example",
  "/%2f%2fevil.example",
  "%2f%2fevil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "http://evil.example",
  "https://evil.example/connexion",
  "http:/evil.example",
  "http:evil.example",
  " /commandes",
  " //evil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "\uff0f\uff0fevil.example",
  "/\uff0fevil.example",
  "/\u2215evil.example",
  "",
];

test.each(bypasses)("%j never leads a browser to another site", (candidate) => {
  const target = safeRedirect(candidate);
  expect(landing(target).origin).toBe(SITE);
  expect(target.startsWith("/")).toBe(true);
  expect(target).not.toMatch(/^\/\/|[\\\u0000-\u001f\u007f]/);
});

test("the known tricks are refused outright: the visitor goes to the fallback", () => {
  for (const candidate of bypasses.filter((value) => !value.startsWith("/\uff0f") && !value.startsWith("/\u2215"))) {
    expect(safeRedirect(candidate, "/commandes"), JSON.stringify(candidate)).toBe("/commandes");
  }
});

test("look-alike slashes stay a path of this site, written percent-encoded", () => {
  expect(safeRedirect("/\uff0fevil.example")).toBe("/%EF%BC%8Fevil.example");
  expect(safeRedirect("/\u2215evil.example")).toBe("/%E2%88%95evil.example");
});

test("paths of this site are kept with their query and fragment", () => {
  expect(safeRedirect("/admin/outbox")).toBe("/admin/outbox");
  expect(safeRedirect("/distributions/abc?categorie=legumes&q=cr%C3%A8me#offres")).toBe("/distributions/abc?categorie=legumes&q=cr%C3%A8me#offres");
  expect(safeRedirect("/invitation/tok_EN-123")).toBe("/invitation/tok_EN-123");
  expect(safeRedirect("/")).toBe("/");
});

test("anything that is not a string goes to the fallback", () => {
  expect(safeRedirect(null)).toBe("/");
  expect(safeRedirect(undefined, "/commandes")).toBe("/commandes");
  expect(safeRedirect(new File(["x"], "x.txt"))).toBe("/");
  expect(safeRedirect(`/${"a".repeat(5000)}`)).toBe("/");
});
