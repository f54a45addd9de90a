import { NavLink, Outlet, useLocation } from "@remix-run/react";
import type { MessageKey } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";

export type SpaceSection = { to: string; key: MessageKey; end: boolean };

/** The section a path belongs to: the longest one that holds it (`end` ones only on their own path). */
export function currentSection(sections: readonly SpaceSection[], pathname: string): SpaceSection | undefined {
  const path = pathname.replace(/\/+$/, "") || "/";
  return sections
    .filter((section) => (section.end ? path === section.to : path === section.to || path.startsWith(`${section.to}/`)))
    .sort((a, b) => b.to.length - a.to.length)[0];
}

/**
 * A space's frame around its pages (producer, charity): who you act for, its sections, then the
 * page. On a phone the sections are a menu that opens in place, every one of them a full-width
 * line (a sideways strip hid half of them off-screen); from the `sm` width up, tabs that wrap.
 */
export function SpaceFrame({ name, label, sections }: { name: string; label: MessageKey; sections: readonly SpaceSection[] }) {
  const t = useT();
  const location = useLocation();
  const current = currentSection(sections, location.pathname);
  return (
    <div>
      <p className="text-sm font-semibold text-slate-700 print:hidden">{name}</p>
      <nav aria-label={t(label)} className="mt-2 border-b border-slate-300 print:hidden">
        {/* A new page closes the menu: keyed on the path, it opens again only when asked. */}
        <details key={location.pathname} className="group mb-2 sm:hidden">
          <summary className="flex min-h-11 cursor-pointer items-center justify-between rounded-lg border border-sea-800 px-3 py-2 font-semibold text-sea-800">
            <span>{current ? t("space.menuCurrent", { section: t(current.key) }) : t("space.menu")}</span>
            <span aria-hidden="true" className="transition-transform group-open:rotate-180">▾</span>
          </summary>
          <SectionLinks
            sections={sections}
            listClassName="mt-1 grid gap-1"
            linkClassName="flex min-h-11 items-center rounded-lg px-3 py-2 font-semibold"
          />
        </details>
        <SectionLinks sections={sections} listClassName="hidden flex-wrap gap-1 text-sm sm:flex" linkClassName="inline-block min-h-11 rounded-t-lg px-3 py-3 font-semibold" />
      </nav>
      <div className="mt-4">
        <Outlet />
      </div>
    </div>
  );
}

/** The sections' links, the current one marked (aria-current and colours), in the menu or as tabs. */
function SectionLinks({ sections, listClassName, linkClassName }: { sections: readonly SpaceSection[]; listClassName: string; linkClassName: string }) {
  const t = useT();
  return (
    <ul className={listClassName}>
      {sections.map((section) => (
        <li key={section.to}>
          <NavLink
            to={section.to}
            end={section.end}
            className={({ isActive }) => `${linkClassName} ${isActive ? "bg-sea-800 text-white" : "text-sea-800 hover:bg-sea-100"}`}
          >
            {t(section.key)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
