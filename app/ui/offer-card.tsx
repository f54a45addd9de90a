import { useFetcher } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { LabelBadge } from "~/ui/label-badge";
import { ProductPicture, type PictureRef } from "~/ui/product-picture";
import { SubmitButton } from "~/ui/submit-button";

/** What one card of the catalogue shows: formatted once by the loader, nothing computed here. */
export type OfferCardData = {
  id: string;
  name: string;
  categoryId: string;
  /** The one price rule's words (price-label.ts): unit price and the price per kg or litre. */
  price: string;
  quantityUnit: string | null;
  remaining: number;
  organic: boolean;
  producer: string;
  photo: PictureRef | null;
  /** The number of the label « Produit local Dieppe Maritime » valid at the request's instant, or null. */
  label: string | null;
};

/**
 * How wide a card's picture is drawn: a thumbnail beside the text on a phone, a third (then a
 * half) of the page's 64rem column from `sm` up. Keeps the phone from fetching desktop widths.
 */
export const OFFER_CARD_SIZES = "(min-width: 1024px) 310px, (min-width: 640px) 46vw, 112px";

/**
 * One product of the catalogue: photo, name, producer, price with its unit and its price per kg
 * or litre, quantity and "add". The add goes through a fetcher: the shopper stays where they are
 * in the list, the card says it is adding, then that it is in the cart, and a double tap sends it once.
 */
export function OfferCard(props: {
  offer: OfferCardData;
  distributionId: string;
  /** How many are in the cart already (0 when none). */
  inCart: number;
  /** Whether orders are open: a closed distribution shows no quantity nor button. */
  open: boolean;
  /** Above the fold: its picture loads at once. */
  eager: boolean;
  max: number;
  lowStock: number;
}) {
  const { offer } = props;
  const t = useT();
  const fetcher = useFetcher<{ ok: true; offerId: string } | { ok: false; message: string }>();
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const href = `/offres/${offer.id}`;

  return (
    <li className="grid grid-cols-[7rem_minmax(0,1fr)] gap-3 rounded-xl border border-slate-300 bg-white p-3 sm:grid-cols-1 sm:content-start" data-testid="offer-card">
      {/* The name below is the link a reader hears; the picture is a second way in for a thumb. */}
      <a href={href} tabIndex={-1} aria-hidden="true" className="block self-start overflow-hidden rounded-lg">
        <ProductPicture photo={offer.photo} category={offer.categoryId} alt="" sizes={OFFER_CARD_SIZES} eager={props.eager} className="aspect-[4/3] rounded-lg" />
      </a>
      <div className="flex min-w-0 flex-col gap-1">
        <h3 className="text-base font-semibold leading-snug">
          {/* Vertical padding on an inline link grows what a thumb can hit (44 px) without moving the lines. */}
          <a href={href} className="py-3 text-sea-800 underline-offset-4 hover:underline focus-visible:underline">{offer.name}</a>
          {offer.organic ? <span className="ml-2 inline-block rounded bg-earth-600 px-1.5 py-0.5 align-middle text-xs font-bold text-white">{t("catalogue.organicBadge")}</span> : null}
        </h3>
        <p className="text-sm text-slate-700">{offer.producer}</p>
        {offer.label ? <p><LabelBadge number={offer.label} /></p> : null}
        <p className="text-sm font-semibold text-slate-900" data-testid="offer-price">{offer.price}</p>
        {offer.remaining <= 0 ? (
          <p className="text-sm font-bold text-red-800">{t("catalogue.soldOut")}</p>
        ) : offer.remaining <= props.lowStock ? (
          <p className="text-sm font-semibold text-amber-800">{t("catalogue.remaining", { count: offer.remaining })}</p>
        ) : null}
        {props.open && offer.remaining > 0 ? (
          <fetcher.Form method="post" action={`/distributions/${props.distributionId}`} className="mt-auto flex flex-wrap items-center gap-2 pt-1">
            <input type="hidden" name="offerId" value={offer.id} />
            <span className="inline-flex items-center gap-1">
              <input
                type="number"
                name="quantity"
                inputMode="numeric"
                defaultValue={props.inCart || 1}
                min={1}
                max={Math.min(props.max, offer.remaining)}
                aria-label={t("catalogue.quantityFor", { name: offer.name })}
                className="min-h-11 w-16 rounded-lg border border-slate-400 px-2 text-base"
              />
              {offer.quantityUnit ? <span className="whitespace-nowrap text-sm">{offer.quantityUnit}</span> : null}
            </span>
            <SubmitButton state={fetcher.state} busyLabel={t("shop.busy.adding")} aria-label={`${t("catalogue.add")} ${offer.name}`} className="px-3">
              {props.inCart ? t("catalogue.inCart", { count: props.inCart }) : t("catalogue.add")}
            </SubmitButton>
          </fetcher.Form>
        ) : null}
        <p role="status" className="text-sm font-semibold text-earth-700">{answer?.ok ? t("catalogue.added") : null}</p>
        {answer && !answer.ok ? <p role="alert" className="text-sm font-semibold text-red-800">{answer.message}</p> : null}
      </div>
    </li>
  );
}
