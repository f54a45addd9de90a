import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireProducer } from "~/http/producer.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";

/** The producer space's frame: who you act for, and its sections. Every child checks again. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  return { producer: { name: producer.name, verified: producer.verified } };
}

const SECTIONS = [
  { to: "/producteur", key: "producer.nav.home", end: true },
  { to: "/producteur/produits", key: "producer.nav.products", end: false },
  { to: "/producteur/ventes", key: "producer.nav.sales", end: false },
  { to: "/producteur/preparation", key: "producer.nav.preparation", end: false },
  { to: "/producteur/bilan", key: "producer.nav.summary", end: false },
  { to: "/producteur/dons", key: "producer.nav.donations", end: false },
  { to: "/producteur/import", key: "producer.nav.import", end: false },
  { to: "/producteur/organisation", key: "producer.nav.organisation", end: false },
  { to: "/gestion/distributions", key: "producer.nav.distributions", end: false },
] as const;

export default function ProducerSpace() {
  const { producer } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <p className="text-sm font-semibold text-slate-700 print:hidden">{producer.name}</p>
      <nav aria-label={t("producer.nav.label")} className="-mx-4 mt-2 overflow-x-auto border-b border-slate-300 px-4 print:hidden">
        <ul className="flex gap-1 whitespace-nowrap text-sm">
          {SECTIONS.map((section) => (
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
