import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { GROUP_CONTENTS } from "~/i18n/group-contents";
import { MESSAGE_GROUPS, messageGroupOf, type MessageGroup } from "~/i18n/groups";
import { fr } from "~/i18n/messages";

/*
 * Every page shows only its group's messages (docs/decisions/025). Read from the sources: each
 * page (a route file with a component), the modules it imports that may reach a browser (not
 * `.server`, not type-only), and every string literal among them that is a message key; a key
 * built at run time (`error.${code}`) needs every key of its prefix.
 */

const APP = path.resolve(__dirname, "..");
const keys = Object.keys(fr);
const keySet = new Set(keys);

function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(APP, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return undefined;
}

/** Files whose keys are the catalogue itself, not a use of it. */
function isCatalogue(file: string): boolean {
  return file.startsWith(path.join(APP, "i18n"));
}

function keysUsedFrom(entry: string): { keys: Set<string>; prefixes: Set<string>; files: string[] } {
  const used = new Set<string>();
  const prefixes = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)) {
      const target = resolveImport(file, match[1]!);
      if (target && !/\.server\.tsx?$/.test(target) && !isCatalogue(target) && !/\.test\.tsx?$/.test(target)) queue.push(target);
    }
    for (const match of source.matchAll(/"([A-Za-z]+(?:\.[\w-]+)+)"/g)) if (keySet.has(match[1]!)) used.add(match[1]!);
    for (const match of source.matchAll(/`([A-Za-z]+(?:\.[\w-]+)*\.)\$\{/g)) prefixes.add(match[1]!);
  }
  return { keys: used, prefixes, files: [...seen] };
}

/** "/producteur/ventes/$distributionId" from "producteur.ventes.$distributionId" (flat routes). */
function pathOfRoute(name: string): string {
  const segments = name.replaceAll("[.]", "\u0000").split(".").map((segment) => segment.replaceAll("\u0000", "."));
  return `/${segments.filter((segment) => !segment.startsWith("_")).map((segment) => segment.replace(/_$/, "")).join("/")}`;
}

function inGroup(group: MessageGroup, key: string): boolean {
  return GROUP_CONTENTS[group].some((prefix) => key.startsWith(prefix));
}

function missingFrom(group: MessageGroup, entry: string): string[] {
  const { keys: used, prefixes } = keysUsedFrom(entry);
  const needed = new Set(used);
  for (const prefix of prefixes) for (const key of keys) if (key.startsWith(prefix)) needed.add(key);
  return [...needed].filter((key) => !inGroup(group, key)).sort();
}

const ROUTES = path.join(APP, "routes");
const pages = readdirSync(ROUTES)
  .filter((file) => /\.tsx$/.test(file) && !file.endsWith(".test.tsx"))
  .filter((file) => /export default function/.test(readFileSync(path.join(ROUTES, file), "utf8")))
  .map((file) => ({ file, group: messageGroupOf(pathOfRoute(file.replace(/\.tsx$/, ""))) }));

test("every page's messages, and those of the components it imports, are in its group's dictionary", () => {
  expect(pages.length).toBeGreaterThan(40);
  const missing = pages.flatMap(({ file, group }) => missingFrom(group, path.join(ROUTES, file)).map((key) => `${group} ${file}: ${key}`));
  expect(missing).toEqual([]);
});

test("the root's header, footer and error page read only messages every group holds", () => {
  const missing = MESSAGE_GROUPS.flatMap((group) => missingFrom(group, path.join(APP, "root.tsx")).map((key) => `${group}: ${key}`));
  expect(missing).toEqual([]);
});

test("the analysis sees a key used only through a component it imports", () => {
  // The error page's 503 title comes from app/ui/error-page.tsx, imported by the root.
  expect(keysUsedFrom(path.join(APP, "root.tsx")).keys).toContain("error.database_unavailable.title");
});

test("a shopper's pages carry none of the producer's, charity's or admin's messages", () => {
  for (const key of ["offers.sheet.title", "charity.home.title", "outbox.title", "import.title", "sea.workshop.title"].filter((key) => keySet.has(key))) {
    expect(inGroup("shopper", key), key).toBe(false);
  }
});

test("pages belong to the group of their URL", () => {
  expect(messageGroupOf("/")).toBe("shopper");
  expect(messageGroupOf("/distributions/3")).toBe("shopper");
  expect(messageGroupOf("/commandes/7")).toBe("shopper");
  expect(messageGroupOf("/connexion")).toBe("accounts");
  expect(messageGroupOf("/producteur/ventes/3")).toBe("producer");
  expect(messageGroupOf("/association/lots")).toBe("charity");
  expect(messageGroupOf("/admin/outbox")).toBe("admin");
});
