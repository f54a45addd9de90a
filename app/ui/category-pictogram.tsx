import type { ReactNode } from "react";

/**
 * One drawing per product category, shown where a product has no photo: simple shapes that read
 * at 40 px, on the category's soft colour. Decorative (aria-hidden): the product's name is always
 * written beside it. Unknown categories get a generic leaf.
 */

type Pictogram = { background: string; drawing: ReactNode };

const ink = "#3b3b3b";

const pictograms: Record<string, Pictogram> = {
  paniers: {
    background: "#f3ead8",
    drawing: (
      <>
        <path d="M20 28 C20 14 44 14 44 28" fill="none" stroke="#8a5a2b" strokeWidth="3" />
        <circle cx="26" cy="26" r="5" fill="#d9481c" />
        <circle cx="36" cy="25" r="5" fill="#5a8f29" />
        <path d="M12 28 H52 L47 50 H17 Z" fill="#c68a45" stroke="#8a5a2b" strokeWidth="2" />
        <path d="M15 36 H49 M16 43 H48" stroke="#8a5a2b" strokeWidth="2" />
      </>
    ),
  },
  legumes: {
    background: "#e8f1dc",
    drawing: (
      <>
        <path d="M30 18 C26 10 22 9 18 10 M32 18 C32 10 34 7 38 6 M34 19 C38 13 43 12 47 14" fill="none" stroke="#3f7d20" strokeWidth="3" strokeLinecap="round" />
        <path d="M25 20 C30 16 38 18 40 23 L22 54 C20 57 17 55 18 52 Z" fill="#ef7d1a" stroke="#b85a0c" strokeWidth="2" />
        <path d="M27 30 L32 31 M24 38 L29 39 M21 46 L25 47" stroke="#b85a0c" strokeWidth="2" strokeLinecap="round" />
      </>
    ),
  },
  fruits: {
    background: "#fbe6e1",
    drawing: (
      <>
        <path d="M32 22 C24 14 12 20 14 34 C16 48 26 54 32 50 C38 54 48 48 50 34 C52 20 40 14 32 22 Z" fill="#d83a2e" stroke="#9e2219" strokeWidth="2" />
        <path d="M32 22 C32 16 33 12 35 9" fill="none" stroke="#6b4423" strokeWidth="3" strokeLinecap="round" />
        <path d="M35 14 C40 8 47 9 48 12 C44 16 39 16 35 14 Z" fill="#4f9a2a" />
      </>
    ),
  },
  cremerie: {
    background: "#fdf4d7",
    drawing: (
      <>
        <path d="M10 44 L50 30 L54 44 Z" fill="#f6c945" stroke="#b88a12" strokeWidth="2" strokeLinejoin="round" />
        <path d="M10 44 H54 V52 H10 Z" fill="#f2b824" stroke="#b88a12" strokeWidth="2" strokeLinejoin="round" />
        <circle cx="38" cy="39" r="2.5" fill="#b88a12" />
        <circle cx="28" cy="48" r="2" fill="#b88a12" />
        <ellipse cx="22" cy="24" rx="8" ry="10" fill="#fffaf0" stroke="#b8a27a" strokeWidth="2" />
      </>
    ),
  },
  viandes: {
    background: "#f8e3e0",
    drawing: (
      <>
        <path d="M40 12 C52 12 56 26 46 34 C40 39 32 38 28 34 C24 30 24 22 28 17 C31 14 35 12 40 12 Z" fill="#b5543c" stroke="#7d3322" strokeWidth="2" />
        <path d="M29 35 L18 46" stroke="#efe4d2" strokeWidth="6" strokeLinecap="round" />
        <circle cx="15" cy="46" r="4" fill="#efe4d2" />
        <circle cx="18" cy="50" r="4" fill="#efe4d2" />
      </>
    ),
  },
  poissons: {
    background: "#dcecf5",
    drawing: (
      <>
        <path d="M8 32 C16 20 34 18 46 32 C34 46 16 44 8 32 Z" fill="#5b8fb0" stroke="#2f5f7d" strokeWidth="2" />
        <path d="M46 32 L58 22 L56 32 L58 42 Z" fill="#5b8fb0" stroke="#2f5f7d" strokeWidth="2" strokeLinejoin="round" />
        <circle cx="17" cy="30" r="2.5" fill={ink} />
        <path d="M26 25 C29 29 29 35 26 39" fill="none" stroke="#2f5f7d" strokeWidth="2" />
      </>
    ),
  },
  coquillages: {
    background: "#e4eef3",
    drawing: (
      <>
        <path d="M32 50 L12 28 C16 14 48 14 52 28 Z" fill="#f0a98a" stroke="#a8573a" strokeWidth="2" strokeLinejoin="round" />
        <path d="M32 50 L20 21 M32 50 L27 17 M32 50 L37 17 M32 50 L44 21" stroke="#a8573a" strokeWidth="2" />
        <path d="M26 50 H38 L36 55 H28 Z" fill="#f0a98a" stroke="#a8573a" strokeWidth="2" strokeLinejoin="round" />
      </>
    ),
  },
  boulangerie: {
    background: "#f5e9d6",
    drawing: (
      <>
        <path d="M8 40 C8 26 20 20 32 20 C44 20 56 26 56 40 C56 46 50 48 32 48 C14 48 8 46 8 40 Z" fill="#d69a4a" stroke="#8f5b1c" strokeWidth="2" />
        <path d="M20 30 L26 38 M30 27 L36 36 M40 28 L45 36" stroke="#8f5b1c" strokeWidth="2.5" strokeLinecap="round" />
      </>
    ),
  },
  boissons: {
    background: "#e6f0de",
    drawing: (
      <>
        <path d="M28 8 H36 V18 C36 22 42 24 42 30 V54 C42 56 40 57 38 57 H26 C24 57 22 56 22 54 V30 C22 24 28 22 28 18 Z" fill="#4f8a3a" stroke="#2d5520" strokeWidth="2" strokeLinejoin="round" />
        <path d="M22 36 H42 V46 H22 Z" fill="#f5ecd0" />
        <path d="M28 8 H36 V12 H28 Z" fill="#b88a12" />
      </>
    ),
  },
  epicerie: {
    background: "#fdf0d2",
    drawing: (
      <>
        <path d="M20 12 H44 V19 H20 Z" fill="#8a5a2b" stroke="#5e3a17" strokeWidth="2" />
        <path d="M18 20 H46 C48 20 50 22 50 24 V50 C50 54 47 56 44 56 H20 C17 56 14 54 14 50 V24 C14 22 16 20 18 20 Z" fill="#f0b429" stroke="#b88a12" strokeWidth="2" />
        <path d="M20 32 H44 V44 H20 Z" fill="#fffaf0" />
      </>
    ),
  },
};

const generic: Pictogram = {
  background: "#eef2ea",
  drawing: (
    <>
      <path d="M14 50 C12 28 28 12 52 12 C52 36 38 52 14 50 Z" fill="#6aa84f" stroke="#3f7d20" strokeWidth="2" />
      <path d="M14 50 C24 38 34 28 44 20" fill="none" stroke="#3f7d20" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
};

const producer: Pictogram = {
  background: "#eaf1f4",
  drawing: (
    <>
      <path d="M10 30 L32 12 L54 30 V54 H10 Z" fill="#c0392b" stroke="#7d2219" strokeWidth="2" strokeLinejoin="round" />
      <path d="M24 54 V38 H40 V54 Z" fill="#fff4e0" stroke="#7d2219" strokeWidth="2" />
      <path d="M24 38 L40 54 M40 38 L24 54" stroke="#7d2219" strokeWidth="2" />
      <circle cx="32" cy="27" r="4" fill="#fff4e0" stroke="#7d2219" strokeWidth="2" />
    </>
  ),
};

/** The category's pictogram, in a 4:3 box (the demo photos' ratio), filling the width it is given. */
export function CategoryPictogram({ category, className }: { category: string | null | undefined; className?: string }) {
  const pictogram = (category ? pictograms[category] : undefined) ?? generic;
  return <PictogramBox pictogram={pictogram} name={category && pictograms[category] ? category : "generic"} className={className} />;
}

/** A producer (or any organisation) without a photo: a barn. */
export function OrganisationPictogram({ className }: { className?: string }) {
  return <PictogramBox pictogram={producer} name="organisation" className={className} />;
}

function PictogramBox({ pictogram, name, className }: { pictogram: Pictogram; name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      data-pictogram={name}
      className={`flex aspect-[4/3] w-full items-center justify-center overflow-hidden ${className ?? ""}`}
      style={{ backgroundColor: pictogram.background }}
    >
      <svg viewBox="0 0 64 64" className="h-3/5 w-auto" focusable="false">
        {pictogram.drawing}
      </svg>
    </span>
  );
}

/** The categories that have their own drawing (others get the generic leaf). */
export const CATEGORIES_WITH_PICTOGRAM = Object.keys(pictograms);
