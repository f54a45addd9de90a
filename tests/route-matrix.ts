import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pdfText } from "./pdf-text";

/*
 * What the permission matrices share: every route module found by its file name, called through
 * its loader and action as a given person, and what it answered (status and body). The matrices
 * (producer space, donations) say which routes, which ids and what must be refused.
 */

const ROUTES_DIR = fileURLToPath(new URL("../app/routes/", import.meta.url));
const routeModules = import.meta.glob<RouteModule>("../app/routes/*.{ts,tsx}");

export type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
};

export type Outcome = { status: number; body: string };

export type Actor = { name: string; cookie: string | null; kind: string };

/** The route names (file names without extension) that match, sorted. */
export function routesMatching(pattern: RegExp): string[] {
  return Object.keys(routeModules)
    .map((key) => key.slice(key.lastIndexOf("/") + 1).replace(/[.]tsx?$/, ""))
    .filter((route) => pattern.test(route))
    .sort();
}

/** Whether the matrix's named route has a file (a named route that does not exist is a test that tests nothing). */
export function routeFileExists(route: string): boolean {
  return Object.keys(routeModules).some((candidate) => candidate.endsWith(`/${route}.ts`) || candidate.endsWith(`/${route}.tsx`));
}

export function loadRoute(route: string): Promise<RouteModule> {
  const key = Object.keys(routeModules).find((candidate) => candidate.endsWith(`/${route}.ts`) || candidate.endsWith(`/${route}.tsx`));
  if (!key) throw new Error(`Route inconnue : ${route}`);
  return routeModules[key]!();
}

/**
 * The URL and params of a route, each `$param` given by `valueOf` ("retrait[.]csv" is one segment
 * with a dot in it: Remix's escape). `owned` is true when any parameter names a thing of the
 * matrix's owner.
 */
export function routeUrl(route: string, valueOf: (name: string) => { value: string; owned: boolean }) {
  const params: Record<string, string> = {};
  let owned = false;
  const segments = route.replaceAll("[.]", "\u0000").split(".").map((segment) => segment.replaceAll("\u0000", "."));
  const path: string[] = [];
  for (const segment of segments) {
    if (segment.startsWith("_")) continue;
    if (segment.startsWith("$")) {
      // "$claimId.pdf": the parameter, then a literal suffix.
      const [, name, suffix] = /^\$([\w-]+)(.*)$/.exec(segment)!;
      const parameter = valueOf(name!);
      params[name!] = parameter.value;
      owned ||= parameter.owned;
      path.push(parameter.value + suffix);
    } else {
      path.push(segment);
    }
  }
  return { path: `/${path.join("/")}`, params, owned };
}

/** Intents a route's forms send (`name="intent" value="…"` or `intent === "…"`), read from its source. */
export function intentsOf(route: string): string[] {
  const file = [`${route}.tsx`, `${route}.ts`].find((name) => {
    try {
      readFileSync(`${ROUTES_DIR}${name}`);
      return true;
    } catch {
      return false;
    }
  })!;
  const source = readFileSync(`${ROUTES_DIR}${file}`, "utf8");
  const found = new Set<string>();
  for (const match of source.matchAll(/name="intent"\s+value="([a-z0-9_-]+)"/gi)) found.add(match[1]!);
  for (const match of source.matchAll(/intent\s*===\s*"([a-z0-9_-]+)"/gi)) found.add(match[1]!);
  for (const match of source.matchAll(/case\s+"([a-z0-9_-]+)"\s*:/gi)) found.add(match[1]!);
  return found.size > 0 ? [...found] : [""];
}

export type MatrixRequest = { method: string; fields?: Record<string, string>; json?: Record<string, unknown>; files?: Record<string, File> };

/** A request as `actor`: form fields (pages), a multipart form with files (uploads) or a JSON body (the API). */
export function requestFor(actor: Actor, url: string, init: MatrixRequest): Request {
  const headers: Record<string, string> = {};
  if (actor.cookie) headers.cookie = actor.cookie;
  let body: BodyInit | undefined;
  if (init.json) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  } else if (init.files) {
    const multipart = new FormData();
    for (const [name, value] of Object.entries(init.fields ?? {})) multipart.append(name, value);
    for (const [name, file] of Object.entries(init.files)) multipart.append(name, file);
    body = multipart;
  } else if (init.fields) {
    body = new URLSearchParams(init.fields);
  }
  return new Request(url, { method: init.method, headers, body });
}

/** Calls a loader or action and reads what it answered, thrown or returned. */
export async function outcomeOf(call: () => unknown): Promise<Outcome> {
  try {
    return await describeResult(await call());
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return describeResult(thrown);
    throw thrown;
  }
}

function isDataWithInit(value: unknown): value is { init: { status?: number; headers?: HeadersInit } | null; data: unknown } {
  return typeof value === "object" && value !== null && "init" in value && "data" in value;
}

async function describeResult(result: unknown): Promise<Outcome> {
  if (result instanceof Response) {
    const location = result.headers.get("location");
    if (location) return { status: result.status, body: `location: ${location}` };
    // A PDF is read as the text a reader sees in it, so secrets are searched in documents too.
    const isPdf = result.headers.get("content-type")?.startsWith("application/pdf");
    return { status: result.status, body: isPdf ? pdfText(new Uint8Array(await result.arrayBuffer())) : await result.text() };
  }
  if (isDataWithInit(result)) return { status: result.init?.status ?? 200, body: JSON.stringify(result.data) };
  return { status: 200, body: JSON.stringify(result ?? null) };
}

/** Anonymous: 401 (API) or the login page; anyone else: 403 or 404. */
export function isRefusal(actor: Actor, outcome: Outcome, isApi: boolean): boolean {
  if (actor.kind === "anonymous") {
    return isApi ? outcome.status === 401 : (outcome.status === 302 || outcome.status === 303) && outcome.body.includes("/connexion");
  }
  return outcome.status === 403 || outcome.status === 404;
}
