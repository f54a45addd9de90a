import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { readRows } from "~/db.server";
import { requireCharity } from "~/http/charity.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";

/** The charity space's frame: who you act for, and its sections. Every child checks again. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { charity } = await requireCharity(request);
  const [settings] = await readRows<{ processingWorkshop: boolean }>(
    `SELECT "processingWorkshop" FROM "CharitySettings" WHERE "organisationId" = $1`,
    [charity.id],
  );
  return { charity: { name: charity.name, verified: charity.verified, processingWorkshop: settings?.processingWorkshop ?? false } };
}

const SECTIONS = [
  { to: "/association", key: "donations.nav.home", end: true, workshop: false },
  { to: "/association/lots", key: "donations.nav.lots", end: false, workshop: false },
  { to: "/association/retraits", key: "donations.nav.claims", end: false, workshop: false },
  { to: "/association/recus", key: "donations.nav.received", end: false, workshop: false },
  { to: "/association/atelier", key: "donations.nav.workshop", end: false, workshop: true },
  { to: "/association/factures", key: "donations.nav.invoices", end: false, workshop: false },
  { to: "/association/reglages", key: "donations.nav.settings", end: false, workshop: false },
] as const;

export default function CharitySpace() {
  const { charity } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <p className="text-sm font-semibold text-slate-700 print:hidden">{charity.name}</p>
      <nav aria-label={t("donations.nav.label")} className="-mx-4 mt-2 overflow-x-auto border-b border-slate-300 px-4 print:hidden">
        <ul className="flex gap-1 whitespace-nowrap text-sm">
          {SECTIONS.filter((section) => !section.workshop || charity.processingWorkshop).map((section) => (
            <li key={section.to}>
              <NavLink
                to={section.to}
                end={section.end}
                className={({ isActive }) =>
                  `inline-block min-h-11 rounded-t-lg px-3 py-3 font-semibold ${isActive ? "bg-sea-800 text-white" : "text-sea-800 hover:bg-sea-100"}`
                }
              >
                {t(section.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-4">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
