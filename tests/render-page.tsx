import { UNSAFE_RemixContext } from "@remix-run/react";
import type { ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect } from "vitest";
import type { Locale } from "~/i18n/messages";
import { dataAsResponse } from "./route-requests";

/**
 * Pages rendered on the server with their real loaders and actions, as the first HTML a phone
 * receives: the root reduced to the language, the caller's cookie on every request.
 */

type Handler = (args: { request: Request; params: Record<string, string | undefined>; context: Record<string, unknown> }) => unknown;

export type PageRoute = { path: string; loader: Handler; action?: Handler; Component: ComponentType };

const remixContext = { manifest: { routes: {}, entry: { imports: [], module: "" }, url: "", version: "" }, routeModules: {}, future: {}, isSpaMode: false };

export async function renderPage(pages: readonly PageRoute[], locale: Locale, cookie: string, url: string, init?: RequestInit) {
  const call = (handler: Handler) => async ({ request, params }: { request: Request; params: Record<string, string | undefined> }) => {
    const headers = new Headers(request.headers);
    headers.set("cookie", `${cookie}; tm_lang=${locale}`);
    const result = await handler({ request: new Request(request.url, { method: request.method, headers, body: request.body, duplex: "half" } as RequestInit), params, context: {} });
    // Remix's data(value, init) is what the page receives as its value.
    return dataAsResponse(result);
  };
  const routes = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      children: pages.map((page) => ({
        path: page.path,
        loader: call(page.loader),
        ...(page.action ? { action: call(page.action) } : {}),
        Component: page.Component,
      })),
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${url}`, init));
  if (context instanceof Response) throw new Error(`redirection inattendue : ${context.status} ${context.headers.get("location")}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <UNSAFE_RemixContext.Provider value={remixContext as never}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </UNSAFE_RemixContext.Provider>,
  );
  // React's text separators say nothing a reader sees.
  return { html: html.replaceAll("<!-- -->", ""), status: context.statusCode };
}

/** The form fields announced without a name: an id no label points at, or no id and no label around. */
export function unlabelledFields(html: string): string[] {
  const ids = [...html.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map((match) => match[1] ?? "");
  const labelled = new Set([...html.matchAll(/<label\b[^>]*\bfor="([^"]+)"/g)].map((match) => match[1]));
  const bare = [...html.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")(?![^>]*\bid=)[^>]*>/g)].filter((match) => !/<label\b[^>]*>\s*$/.test(html.slice(0, match.index)));
  return [...ids.filter((id) => !labelled.has(id)), ...bare.map((match) => match[0])];
}

/** One h1, every field labelled, and no message key of the page's areas (`untranslatedKey`) left in the text. */
export function expectWellFormed(html: string, untranslatedKey: RegExp) {
  expect(html.match(/<h1\b/g)).toHaveLength(1);
  expect(unlabelledFields(html)).toEqual([]);
  expect(html).not.toMatch(untranslatedKey);
}

/** A rendered page's text as a reader sees it: tags dropped, entities and no-break spaces read, spaces folded. */
export function readableText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");
}
