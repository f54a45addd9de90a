import { photoUrl, photoVariantWidths } from "~/domain/catalog/product-photo";
import { CategoryPictogram, OrganisationPictogram } from "~/ui/category-pictogram";

/** A stored photo as pages receive it: its id and the pixel size of its largest stored width. */
export type PictureRef = { id: string; width: number; height: number };

type PictureProps = {
  photo: PictureRef | null | undefined;
  /** What the photo shows, for screen readers ("" when the name is written right beside it). */
  alt: string;
  /** How wide the picture is drawn, as the `sizes` attribute: "(min-width: 640px) 33vw, 100vw". */
  sizes: string;
  /** Above the fold (the product page's photo, the first cards): loaded at once and first. */
  eager?: boolean;
  className?: string;
};

/**
 * A product's photo at the width the screen needs (srcset of the widths stored at upload), with
 * its width and height so the page does not shift while it loads; lazy below the fold. Without a
 * photo, the category's pictogram in a 4:3 box.
 */
export function ProductPicture({ photo, category, alt, sizes, eager, className }: PictureProps & { category: string | null | undefined }) {
  if (!photo) return <CategoryPictogram category={category} eager={eager} className={className} />;
  return <Picture photo={photo} alt={alt} sizes={sizes} eager={eager} className={className} />;
}

/** A producer's (or any organisation's) photo; without one, a barn pictogram. */
export function OrganisationPicture({ photo, alt, sizes, eager, className }: PictureProps) {
  if (!photo) return <OrganisationPictogram eager={eager} className={className} />;
  return <Picture photo={photo} alt={alt} sizes={sizes} eager={eager} className={className} />;
}

function Picture({ photo, alt, sizes, eager, className }: PictureProps & { photo: PictureRef }) {
  const widths = photoVariantWidths(photo.width);
  const fallbackWidth = widths.find((width) => width >= 640) ?? photo.width;
  return (
    <img
      src={photoUrl(photo.id, fallbackWidth)}
      srcSet={widths.map((width) => `${photoUrl(photo.id, width)} ${width}w`).join(", ")}
      sizes={sizes}
      width={photo.width}
      height={photo.height}
      alt={alt}
      loading={eager ? "eager" : "lazy"}
      decoding={eager ? "auto" : "async"}
      {...(eager ? { fetchpriority: "high" } : {})}
      className={`h-auto w-full object-cover ${className ?? ""}`}
    />
  );
}
