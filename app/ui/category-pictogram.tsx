/**
 * One drawing per product category (public/pictograms/<category>.svg), shown where a product has
 * no photo: simple shapes that read at 40 px, on the category's soft colour. Files rather than
 * inline SVG, so a catalogue page of 48 cards carries 48 short <img> tags and the browser fetches
 * each drawing once. Decorative (aria-hidden, empty alt): the product's name is always written
 * beside it. Unknown categories get a generic leaf.
 */

const backgrounds: Record<string, string> = {
  paniers: "#f3ead8",
  legumes: "#e8f1dc",
  fruits: "#fbe6e1",
  cremerie: "#fdf4d7",
  viandes: "#f8e3e0",
  poissons: "#dcecf5",
  coquillages: "#e4eef3",
  boulangerie: "#f5e9d6",
  boissons: "#e6f0de",
  epicerie: "#fdf0d2",
};

/** The categories that have their own drawing (others get the generic leaf). */
export const CATEGORIES_WITH_PICTOGRAM = Object.keys(backgrounds);

/** The category's pictogram, in a 4:3 box (the demo photos' ratio), filling the width it is given. */
export function CategoryPictogram({ category, eager, className }: { category: string | null | undefined; eager?: boolean; className?: string }) {
  const known = category && backgrounds[category] ? category : null;
  return <PictogramBox file={known ?? "generique"} name={known ?? "generic"} background={known ? backgrounds[known]! : "#eef2ea"} eager={eager} className={className} />;
}

/** A producer (or any organisation) without a photo: a barn. */
export function OrganisationPictogram({ eager, className }: { eager?: boolean; className?: string }) {
  return <PictogramBox file="producteur" name="organisation" background="#eaf1f4" eager={eager} className={className} />;
}

function PictogramBox({ file, name, background, eager, className }: { file: string; name: string; background: string; eager?: boolean; className?: string }) {
  return (
    <span aria-hidden="true" data-pictogram={name} className={`flex aspect-[4/3] w-full items-center justify-center overflow-hidden ${className ?? ""}`} style={{ backgroundColor: background }}>
      <img src={`/pictograms/${file}.svg`} alt="" width={64} height={64} className="h-3/5 w-auto" loading={eager ? "eager" : "lazy"} decoding="async" />
    </span>
  );
}
