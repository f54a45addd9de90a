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
      // "$claimId.pdf": the parameter, then a literal suffix; "$id_": the trailing "_" only unnests the route.
      const [, name, suffix] = /^\$([A-Za-z0-9-]+)_?(.*)$/.exec(segment)!;
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

/** What a cell expects: an exact status, "login" (the redirect to the login page), or null (this role is not probed). */
export type Expected = number | "login" | null;

export function statusMatches(expected: Exclude<Expected, null>, outcome: Outcome): boolean {
  if (expected === "login") return (outcome.status === 302 || outcome.status === 303) && outcome.body.includes("/connexion");
  return outcome.status === expected;
}

/** A cell's request as the forms or the API send it: the method defaults to GET for a loader, POST for an action. */
export type CellRequest = Omit<MatrixRequest, "method"> & { method?: string; query?: Record<string, string> };

/** A matrix's entry for one route: its loader's cell and its action's cells, by intent ("" without one; API: the method). */
export type RouteCells<Cell> = { loader?: Cell; actions?: Record<string, Cell> };

/** Every route file matching `pattern` has an entry in `specs`, and every route named in `specs` has a file. */
export function coverageProblems(pattern: RegExp, specs: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const route of routesMatching(pattern)) if (!specs[route]) problems.push(`${route} : route absente de la matrice (ajoutez-la à SPECS)`);
  for (const route of Object.keys(specs)) if (!routeFileExists(route)) problems.push(`${route} : la matrice nomme une route dont le fichier n'existe pas`);
  return problems;
}

/** The entry describes the module as it is: a loader if and only if it has one, the same for the action, and (pages) a cell for every intent its forms send. */
export function entryProblems(route: string, module: RouteModule, spec: RouteCells<unknown>): string[] {
  const problems: string[] = [];
  if (Boolean(module.loader) !== Boolean(spec.loader)) problems.push(`${route} : loader ${module.loader ? "non décrit" : "décrit mais absent"}`);
  if (Boolean(module.action) !== Boolean(spec.actions)) problems.push(`${route} : action ${module.action ? "non décrite" : "décrite mais absente"}`);
  if (module.action && spec.actions && !route.startsWith("api.")) {
    for (const intent of intentsOf(route)) if (!(intent in spec.actions)) problems.push(`${route} : l'intent « ${intent} » n'a pas de cellule`);
  }
  return problems;
}

/** The cells of an entry, each with its label in the problems ("lecture", the intent, or "envoi") and what it calls. */
export function cellsOf<Cell>(spec: RouteCells<Cell>): Array<{ label: string; cell: Cell; kind: "loader" | "action" }> {
  return [
    ...(spec.loader ? [{ label: "lecture", cell: spec.loader, kind: "loader" as const }] : []),
    ...Object.entries(spec.actions ?? {}).map(([intent, cell]) => ({ label: intent || "envoi", cell, kind: "action" as const })),
  ];
}

/** Sends a cell's request to the route's loader or action as `actor`, and reads what it answered. */
export function callRoute(module: RouteModule, kind: "loader" | "action", at: { path: string; params: Record<string, string> }, cellRequest: CellRequest, actor: Actor): Promise<Outcome> {
  const { method, query, ...body } = cellRequest;
  const url = `http://localhost${at.path}${query ? `?${new URLSearchParams(query)}` : ""}`;
  const request = requestFor(actor, url, { method: method ?? (kind === "loader" ? "GET" : "POST"), ...body });
  const handler = kind === "loader" ? module.loader! : module.action!;
  return outcomeOf(() => handler({ request, params: at.params, context: {} }));
}

/** A `$param` of a route that the matrix's entry does not give: the entry must say which of the owner's things it names. */
export function missingParameter(matrix: string, route: string, name: string): never {
  throw new Error(`La matrice ${matrix} ne sait pas ce que désigne le paramètre « ${name} » de la route ${route} : ajoutez-le à son entrée params.`);
}

/**
 * Sends a cell's request as an outsider and checks the status against the table: a role the table
 * forgot (undefined) is a problem, a role not probed (null) is not sent. Returns the answer, to be
 * searched for the owners' secrets, or null when nothing was sent.
 */
export async function probeOutsider(where: string, actor: Actor, expected: Expected | undefined, call: (actor: Actor) => Promise<Outcome>, problems: string[]): Promise<Outcome | null> {
  if (expected === undefined) {
    problems.push(`${where} : aucun statut attendu pour ${actor.name}`);
    return null;
  }
  if (expected === null) return null;
  const outcome = await call(actor);
  if (!statusMatches(expected, outcome)) problems.push(`${where} par ${actor.name} : ${outcome.status} au lieu de ${expected} — ${outcome.body.slice(0, 200)}`);
  return outcome;
}
