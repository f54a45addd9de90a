import { NavLink, Outlet } from "@remix-run/react";
import type { MessageKey } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";

export type SpaceSection = { to: string; key: MessageKey; end: boolean };

/** A space's frame around its pages (producer, charity): who you act for, its sections as tabs, then the page. */
export function SpaceFrame({ name, label, sections }: { name: string; label: MessageKey; sections: readonly SpaceSection[] }) {
  const t = useT();
  return (
    <div>
      <p className="text-sm font-semibold text-slate-700 print:hidden">{name}</p>
      <nav aria-label={t(label)} className="-mx-4 mt-2 overflow-x-auto border-b border-slate-300 px-4 print:hidden">
        <ul className="flex gap-1 whitespace-nowrap text-sm">
          {sections.map((section) => (
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
