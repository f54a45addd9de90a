import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { useState } from "react";
import { can } from "~/domain/accounts/permissions";
import { getCurrentUser } from "~/http/auth.server";
import { localeOf } from "~/http/locale.server";
import { messagesVersion } from "~/i18n/dictionaries.server";
import { dictionaryHref, heldDictionary, loadDictionary } from "~/i18n/dictionary";
import { messageGroupOf } from "~/i18n/groups";
import type { Locale } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import stylesheet from "~/tailwind.css?url";
import { ErrorPage } from "~/ui/error-page";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  // Home-screen install (decision 020): icons made by `npm run icons` from public/favicon.svg.
  { rel: "icon", href: "/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export const meta: MetaFunction = () => [{ title: "Terre & Mer — circuits courts de Dieppe-Maritime" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return {
    locale: localeOf(request, user?.locale),
    // The version of the dictionary files a browser fetches for its pages (docs/decisions/025).
    messages: { version: messagesVersion },
    user: user
      ? {
          name: user.name,
          canReadOutbox: can(user, "read:outbox:any"),
          canVerify: can(user, "verify:organisation:any"),
          canReadAllSales: can(user, "read:order:any"),
          isProducer: user.memberships.some((membership) => membership.role === "PRODUCER"),
          isCharity: user.memberships.some((membership) => membership.role === "CHARITY"),
          // Producers reach their distributions from their space; coordinators and admins from the header.
          organisesDistributions: can(user, "manage:distribution:own") && !user.memberships.some((membership) => membership.role === "PRODUCER"),
        }
      : null,
  };
}

/**
 * A browser enters another group of pages, or another language, through this loader: that
 * dictionary is fetched before the page shows (docs/decisions/025); otherwise it is the server's
 * data and nothing more. It runs on every navigation and submission, since single fetch
 * revalidates the root every time: a `shouldRevalidate` added here must still return true when
 * messageGroupOf(pathname) or the language changes. A dictionary that cannot be had: the page is
 * asked of the server as a whole, which renders it with its words.
 */
export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  const group = messageGroupOf(new URL(request.url).pathname);
  if (!heldDictionary(group, data.locale)) {
    try {
      await loadDictionary(dictionaryHref(data.messages.version, group, data.locale));
    } catch {
      window.location.assign(request.url);
      await new Promise(() => {});
    }
  }
  return data;
}

type RootData = {
  locale: Locale;
  messages: { version: string };
  user: { name: string; canReadOutbox: boolean; canVerify: boolean; canReadAllSales: boolean; isProducer: boolean; isCharity: boolean; organisesDistributions: boolean } | null;
};

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const locale = data?.locale ?? "fr";
  const { pathname } = useLocation();
  // The first page's messages; later pages' are fetched by clientLoader, not preloaded again.
  const [firstMessages] = useState(() => dictionaryHref(data?.messages.version ?? "latest", messageGroupOf(pathname), locale));
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* sea-900, the header's colour (app/tailwind.css), also in public/manifest.webmanifest */}
        <meta name="theme-color" content="#062f3f" />
        <Meta />
        <Links />
        {/* This page's messages, fetched beside the scripts; app/entry.client.tsx waits for them before hydrating. */}
        <link rel="preload" as="fetch" crossOrigin="anonymous" href={firstMessages} data-messages="" />
      </head>
      <body className="min-h-screen bg-sand-50 text-slate-900 antialiased">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function Header() {
  const data = useRouteLoaderData<RootData>("root");
  const t = useT();
  const location = useLocation();
  const user = data?.user;
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `rounded px-2 py-2 underline-offset-4 hover:underline ${isActive ? "font-bold underline" : ""}`;
  return (
    <header className="bg-sea-900 text-white print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 focus:text-sea-900">
        {t("nav.skip")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link to="/" className="text-xl font-bold tracking-tight">
          {t("brand.name")} <span className="hidden text-sm font-normal text-sea-100 sm:inline">— {t("brand.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="flex flex-wrap items-center gap-1 text-sm">
          <NavLink to="/" end className={linkClass}>{t("nav.home")}</NavLink>
          {user ? (
            <>
              <NavLink to="/commandes" className={linkClass}>{t("nav.orders")}</NavLink>
              {user.isProducer ? <NavLink to="/producteur" className={linkClass}>{t("nav.producer")}</NavLink> : null}
              {user.isCharity ? <NavLink to="/association" className={linkClass}>{t("nav.charity")}</NavLink> : null}
              {user.organisesDistributions ? <NavLink to="/gestion/distributions" className={linkClass}>{t("nav.distributions")}</NavLink> : null}
              {user.canVerify ? <NavLink to="/admin/organisations" className={linkClass}>{t("nav.organisations")}</NavLink> : null}
              {user.canReadAllSales ? <NavLink to="/admin/bilan" className={linkClass}>{t("producer.nav.summary")}</NavLink> : null}
              {user.canVerify ? <NavLink to="/admin/impact" className={linkClass}>{t("nav.impact")}</NavLink> : null}
              {user.canReadOutbox ? <NavLink to="/admin/outbox" className={linkClass}>{t("nav.outbox")}</NavLink> : null}
              <Form method="post" action="/deconnexion">
                <button type="submit" className="rounded px-2 py-2 hover:underline">{t("nav.logout")}</button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to={`/connexion?redirectTo=${encodeURIComponent(location.pathname)}`} className={linkClass}>{t("nav.login")}</NavLink>
              <NavLink to="/inscription" className={linkClass}>{t("nav.signup")}</NavLink>
            </>
          )}
          <Form method="post" action="/langue">
            <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            <input type="hidden" name="locale" value={data?.locale === "en" ? "fr" : "en"} />
            <button type="submit" className="rounded border border-sea-100 px-2 py-1" lang={data?.locale === "en" ? "fr" : "en"}>
              {t("nav.language")}
            </button>
          </Form>
        </nav>
      </div>
    </header>
  );
}

export default function App() {
  return (
    <>
      <Header />
      {/* break-words: a long word (an email address, a reference) wraps instead of pushing a phone's page sideways. */}
      <main id="main" className="mx-auto max-w-5xl break-words px-4 py-6">
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

function Footer() {
  const t = useT();
  const data = useRouteLoaderData<RootData>("root");
  return (
    <footer className="mx-auto flex max-w-5xl flex-wrap justify-between gap-2 px-4 py-8 text-sm text-slate-700 print:hidden">
      <span>{t("brand.name")} — {t("brand.tagline")}</span>
      <span className="flex flex-wrap gap-4">
        {data?.user?.isProducer ? null : (
          <Link to="/devenir-producteur" className="font-semibold text-sea-700 underline">{t("nav.becomeProducer")}</Link>
        )}
        {data?.user?.isCharity ? null : (
          <Link to="/devenir-association" className="font-semibold text-sea-700 underline">{t("nav.becomeCharity")}</Link>
        )}
      </span>
    </footer>
  );
}

export function ErrorBoundary() {
  return (
    <>
      <Header />
      <main id="main" className="mx-auto max-w-5xl break-words px-4 py-6">
        <ErrorPage />
      </main>
    </>
  );
}
