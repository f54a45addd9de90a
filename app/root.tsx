import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Fragment } from "react";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { useState } from "react";
import { can } from "~/domain/accounts/permissions";
import { keptArticlesOf, type CartSummaryView } from "~/domain/ordering/cart-summary";
import { getCurrentUser } from "~/http/auth.server";
import { headerCart, KEPT_CART_PARAM } from "~/http/cart-owner.server";
import { now } from "~/http/clock.server";
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
  const locale = localeOf(request, user?.locale);
  return {
    locale,
    // The header's cart, one entry per distribution, for a person or a visitor: one statement (decision 024).
    cart: await headerCart(request, now(), locale),
    // After a login or sign-up that kept the visitor's cart: how many articles, said on the page landed on.
    keptCart: keptArticlesOf(new URL(request.url).searchParams.get(KEPT_CART_PARAM)),
    // The version of the dictionary files a browser fetches for its pages (docs/decisions/025).
    messages: { version: messagesVersion },
    user: user
      ? {
          name: user.name,
          canReadOutbox: can(user, "read:outbox:any"),
          canVerify: can(user, "verify:organisation:any"),
          canReadAllSales: can(user, "read:order:any"),
          canRefundAny: can(user, "refund:order:any"),
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
  cart: CartSummaryView[];
  keptCart: number | null;
  messages: { version: string };
  user: { name: string; canReadOutbox: boolean; canVerify: boolean; canReadAllSales: boolean; canRefundAny: boolean; isProducer: boolean; isCharity: boolean; organisesDistributions: boolean } | null;
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
  return (
    <header className="relative bg-sea-900 text-white print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-30 focus:bg-white focus:p-2 focus:text-sea-900">
        {t("nav.skip")}
      </a>
      {/* A phone's header is one line: brand, cart, menu. From lg up the links sit in the line. */}
      <div className="mx-auto flex max-w-5xl items-center gap-1 px-3 py-1 sm:gap-2 sm:px-4 sm:py-2">
        <Link to="/" className="mr-auto flex min-h-11 shrink-0 items-center text-lg font-bold tracking-tight sm:text-xl">
          {t("brand.name")} <span className="ml-1 hidden text-sm font-normal text-sea-100 xl:inline">— {t("brand.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="hidden flex-wrap items-center justify-end gap-1 text-sm lg:flex">
          <SiteLinks variant="bar" />
        </nav>
        <HeaderCart entries={data?.cart ?? []} />
        {/* A disclosure that works before (or without) JavaScript; it closes on every new page (key). */}
        <details key={location.pathname} className="lg:hidden">
          <summary className="flex min-h-11 min-w-11 cursor-pointer list-none items-center justify-center gap-1 rounded-lg px-2 text-sm font-semibold hover:bg-sea-800 [&::-webkit-details-marker]:hidden">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              <path d="M4 7h16M4 12h16M4 17h16" />
            </svg>
            {/* Below 380 px the word goes (still read aloud): brand, a full cart and the menu keep to one line at 360 px. */}
            <span className="max-[379px]:sr-only">{t("nav.cart.menu")}</span>
          </summary>
          <nav aria-label={t("nav.main")} className="absolute inset-x-0 top-full z-20 border-t border-sea-800 bg-sea-900 px-3 pb-3 shadow-lg">
            <SiteLinks variant="menu" />
          </nav>
        </details>
      </div>
    </header>
  );
}

/** The site's links: inline in a desktop's header, one per line (each a 44 px target) in a phone's menu. */
function SiteLinks({ variant }: { variant: "bar" | "menu" }) {
  const data = useRouteLoaderData<RootData>("root");
  const t = useT();
  const location = useLocation();
  const user = data?.user;
  const here = encodeURIComponent(location.pathname + location.search);
  const linkClass = variant === "bar"
    ? ({ isActive }: { isActive: boolean }) => `rounded px-2 py-2 underline-offset-4 hover:underline ${isActive ? "font-bold underline" : ""}`
    : ({ isActive }: { isActive: boolean }) => `flex min-h-11 w-full items-center rounded px-2 underline-offset-4 hover:bg-sea-800 hover:underline ${isActive ? "font-bold underline" : ""}`;
  const buttonClass = variant === "bar" ? "rounded px-2 py-2 hover:underline" : "flex min-h-11 w-full items-center rounded px-2 text-left hover:bg-sea-800 hover:underline";
  const Item = variant === "bar" ? Fragment : "li";
  const items = (
    <>
      <Item><NavLink to="/" end className={linkClass}>{t("nav.home")}</NavLink></Item>
      <Item><NavLink to="/annuaire" className={linkClass}>{t("nav.directory")}</NavLink></Item>
      <Item><NavLink to="/agenda" className={linkClass}>{t("nav.agenda")}</NavLink></Item>
      {user ? (
        <>
          <Item><NavLink to="/commandes" className={linkClass}>{t("nav.orders")}</NavLink></Item>
          {user.isProducer ? <Item><NavLink to="/producteur" className={linkClass}>{t("nav.producer")}</NavLink></Item> : null}
          {user.isCharity ? <Item><NavLink to="/association" className={linkClass}>{t("nav.charity")}</NavLink></Item> : null}
          {user.organisesDistributions ? <Item><NavLink to="/gestion/distributions" className={linkClass}>{t("nav.distributions")}</NavLink></Item> : null}
          {user.canVerify ? <Item><NavLink to="/admin/organisations" className={linkClass}>{t("nav.organisations")}</NavLink></Item> : null}
          {user.canReadAllSales ? <Item><NavLink to="/admin/bilan" className={linkClass}>{t("producer.nav.summary")}</NavLink></Item> : null}
          {user.canVerify ? <Item><NavLink to="/admin/impact" className={linkClass}>{t("nav.impact")}</NavLink></Item> : null}
          {user.canVerify ? <Item><NavLink to="/admin/points-de-retrait" className={linkClass}>{t("nav.pickupPoints")}</NavLink></Item> : null}
          {user.canVerify ? <Item><NavLink to="/admin/label" className={linkClass}>{t("nav.labelReview")}</NavLink></Item> : null}
          {user.canVerify ? <Item><NavLink to="/admin/acteurs" className={linkClass}>{t("nav.essActors")}</NavLink></Item> : null}
          {user.canReadOutbox ? <Item><NavLink to="/admin/outbox" className={linkClass}>{t("nav.outbox")}</NavLink></Item> : null}
          {user.canRefundAny ? <Item><NavLink to="/admin/remboursements" className={linkClass}>{t("nav.refunds")}</NavLink></Item> : null}
          <Item>
            <Form method="post" action="/deconnexion">
              <button type="submit" className={buttonClass}>{t("nav.logout")}</button>
            </Form>
          </Item>
        </>
      ) : (
        <>
          {/* Both come back here afterwards: a visitor's cart is kept through either. */}
          <Item><NavLink to={`/connexion?redirectTo=${here}`} className={linkClass}>{t("nav.login")}</NavLink></Item>
          <Item><NavLink to={`/inscription?redirectTo=${here}`} className={linkClass}>{t("nav.signup")}</NavLink></Item>
        </>
      )}
      <Item>
        <Form method="post" action="/langue">
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <input type="hidden" name="locale" value={data?.locale === "en" ? "fr" : "en"} />
          <button type="submit" className={variant === "bar" ? "rounded border border-sea-100 px-2 py-1" : buttonClass} lang={data?.locale === "en" ? "fr" : "en"}>
            {t("nav.language")}
          </button>
        </Form>
      </Item>
    </>
  );
  return variant === "bar" ? items : <ul className="flex flex-col gap-1 pt-2 text-base">{items}</ul>;
}

function CartIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2" />
      <circle cx="9.5" cy="19" r="1.5" />
      <circle cx="17" cy="19" r="1.5" />
    </svg>
  );
}

/**
 * The cart, once one exists: its count and total for each distribution it is for (decision 024).
 * One distribution: a link to its cart. Several: a disclosure naming each date.
 */
function HeaderCart({ entries }: { entries: CartSummaryView[] }) {
  const t = useT();
  const location = useLocation();
  const [only] = entries;
  if (!only) return null;
  const chip = "flex min-h-11 items-center gap-1 whitespace-nowrap rounded-lg bg-sea-700 px-2 text-sm font-semibold hover:bg-sea-800";
  if (entries.length === 1) {
    return (
      // The name read aloud starts with what is shown (« 2 · ≈ 32,30 € » on a phone), then says the rest.
      <Link to={only.href} className={chip}>
        <CartIcon />
        <span className="sr-only sm:not-sr-only">{t("nav.cart.label")} · </span>
        {only.articles} · <span className="hidden sm:inline">{only.total}</span>
        <span className="sm:hidden">{only.shortTotal}</span>
        <span className="sr-only"> — {t("nav.cart.for", { date: only.date, point: only.pointName })}</span>
      </Link>
    );
  }
  return (
    // On a phone the list spans the header's width (the header is its frame): a panel hung from the chip would leave the screen at 360 px.
    <details key={location.pathname} className="sm:relative">
      <summary className={`${chip} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        <CartIcon />
        <span className="sr-only sm:not-sr-only">{t("nav.cart.labelSeveral")} · </span>
        {entries.length}
      </summary>
      <ul className="absolute inset-x-2 top-full z-20 mt-1 rounded-lg bg-white p-1 text-slate-900 shadow-lg ring-1 ring-slate-300 sm:inset-x-auto sm:right-0 sm:w-72">
        {entries.map((entry) => (
          <li key={entry.href}>
            <Link to={entry.href} className="flex min-h-11 flex-col justify-center rounded px-3 py-1 text-sm hover:bg-sea-50">
              <span className="font-semibold">{entry.date} · {entry.pointName}</span>
              <span>{t("nav.cart.entry", { count: entry.articles, total: entry.total })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** After a login or sign-up that kept a visitor's cart: said once, on the page landed on. */
function KeptCartNotice() {
  const data = useRouteLoaderData<RootData>("root");
  const t = useT();
  const kept = data?.keptCart;
  if (!kept) return null;
  return (
    <p role="status" className="mb-4 rounded-lg border border-sea-700 bg-sea-50 p-3 font-semibold text-sea-900">
      {kept === 1 ? t("nav.cartKept.one") : t("nav.cartKept.many", { count: kept })}
    </p>
  );
}

export default function App() {
  return (
    <>
      <Header />
      {/* break-words: a long word (an email address, a reference) wraps instead of pushing a phone's page sideways. */}
      <main id="main" className="mx-auto max-w-5xl break-words px-4 py-6">
        <KeptCartNotice />
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
        <Link to="/annuaire" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("nav.directoryFooter")}</Link>
        <Link to="/label" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("nav.labelFooter")}</Link>
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
