import { UNSAFE_RemixContext } from "@remix-run/react";
import type { ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import type { Locale } from "~/i18n/messages";

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
    if (typeof result === "object" && result !== null && "init" in result && "data" in result) {
      const typed = result as { data: unknown; init: { status?: number } | null };
      return new Response(JSON.stringify(typed.data), { status: typed.init?.status ?? 200, headers: { "content-type": "application/json" } });
    }
    return result;
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
