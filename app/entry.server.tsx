/**
 * Remix's server entry (its default for Node), plus what turns two failures around a page into
 * clear answers (docs/decisions/017):
 * - the database does not answer: the page is a 503 with Retry-After and a sentence in the
 *   visitor's language, not a 500 "unexpected error", and the failure is a warning in the log;
 * - a body refused as too large (app/http/body.server.ts): its connection is closed after the
 *   answer, rather than kept waiting for the rest of the body.
 */
import { PassThrough } from "node:stream";
import type { EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { bodyWasLeftUnread } from "~/http/body.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "~/infra/database-unavailable";

const ABORT_DELAY = 5_000;

// Requests whose loaders or actions failed because the database did not answer, and those whose
// page was already turned into the 503 page (the second rendering pass must not turn it again).
const databaseUnavailable = new WeakSet<Request>();
const answered503 = new WeakSet<Request>();

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (error instanceof Response) return;
  if (isDatabaseUnavailable(error)) {
    databaseUnavailable.add(request);
    console.warn(`[db] base de données injoignable (${request.method} ${new URL(request.url).pathname}) :`, lastLine(error));
    return;
  }
  if (request.signal.aborted) return;
  console.error(error);
};

/** Client-side navigations and submissions (single fetch): the same statuses as the pages. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  if (bodyWasLeftUnread(request)) response.headers.set("Connection", "close");
  if (!databaseUnavailable.has(request)) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
  return new Response(response.body, { status: 503, statusText: "Service Unavailable", headers });
};

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  if (databaseUnavailable.has(request) && !answered503.has(request)) {
    answered503.add(request);
    // Thrown, this Response becomes the error of the page's boundary in a second rendering pass
    // (status 503, its data shown by app/ui/error-page.tsx), instead of Remix's sanitised 500.
    // The root's loader may have failed too: the page's language comes from the request itself.
    const locale = localeOf(request);
    const body = { error: "database_unavailable", title: translate(locale, "error.database_unavailable.title"), message: translate(locale, "error.database_unavailable") };
    throw Response.json(body, { status: 503 });
  }
  if (answered503.has(request)) responseHeaders.set("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
  if (bodyWasLeftUnread(request)) responseHeaders.set("Connection", "close");

  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    // Bots get the whole page at once; browsers get the shell as soon as it is ready.
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />, {
      onAllReady: waitForAll ? ready : undefined,
      onShellReady: waitForAll ? undefined : ready,
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors of the shell itself are logged by Remix when the promise rejects.
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}

function lastLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().split("\n").pop() ?? text;
}
