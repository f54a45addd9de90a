/**
 * Requests for calling a page module's loader or action directly, and reading what it answers:
 * a refusal as Remix's data(value, { status }), a success as its value, a 403/404 as a Response.
 */

export type Failure = { init: { status: number } | null; data: { ok: false; message: string; fieldErrors: Record<string, string> } };
export type Done = { ok: true; message: string };

/** A form POST; a URLSearchParams keeps repeated fields (checkboxes). */
export function post(path: string, fields: Record<string, string> | URLSearchParams, cookie?: string) {
  return new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { cookie } : {} });
}

export function get(path: string, cookie?: string, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
}

export function asFailure(result: unknown): Failure {
  return result as Failure;
}

/** Remix's data(value, { status }) as the JSON Response the framework sends; anything else as it is. */
export function dataAsResponse(result: unknown): unknown {
  if (typeof result === "object" && result !== null && "init" in result && "data" in result) {
    const typed = result as { data: unknown; init: { status?: number } | null };
    return Response.json(typed.data, { status: typed.init?.status ?? 200 });
  }
  return result;
}

/** What a route threw or returned as a Response: its status. */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    return result instanceof Response ? result.status : 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

/** The Response a loader or action threw (a redirect, a 403, a 404); anything else thrown is rethrown, nothing thrown fails. */
export async function thrownResponse(call: Promise<unknown>): Promise<Response> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}
