import { readRows } from "~/db.server";
import { DomainError, isDomainError } from "~/domain/errors";
import type { BasketItemInput } from "~/domain/sales/offer-fields";
import { removeOffer } from "~/domain/sales/remove-offer.server";
import { sheetField, type SheetForm, type SheetRow } from "~/domain/sales/sales-sheet-form";
import { setBasketComposition } from "~/domain/sales/set-basket-composition.server";
import { updateOffer } from "~/domain/sales/update-offer.server";

export type SheetRefusal = { offerId: string; product: string; field: string; error: DomainError };

export type SavedSalesSheet = {
  /** The producer's offers on sale at this distribution once saved. */
  onSale: number;
  /** Rows that changed (their product names), rows taken off sale, rows refused (unchanged). */
  changed: string[];
  removed: string[];
  refused: SheetRefusal[];
};

type Current = {
  id: string;
  name: string;
  stock: number;
  priceCents: number;
  maxPerCustomer: number | null;
  basketItems: BasketItemInput[];
};

/**
 * One save of the weekly sales sheet: every row the producer sent, each applied on its own by the
 * use case that owns it (updateOffer's conditional UPDATE, removeOffer, setBasketComposition), so
 * a refused row — stock below what is ordered, an offer with orders taken off sale, a bad price —
 * is named and left as it was while the others are saved. Rows that did not change are not
 * written. An offer that is not the producer's at this distribution is a 404 before any write.
 */
export async function saveSalesSheet(input: { producerId: string; distributionId: string; form: SheetForm; now: Date }): Promise<SavedSalesSheet> {
  const current = await readRows<Current>(
    `SELECT o.id, p.name, o.stock, o."priceCents", o."maxPerCustomer",
            coalesce((SELECT json_agg(json_build_object('label', b.label, 'labelEn', b."labelEn", 'quantityLabel', b."quantityLabel",
                                                        'indicativePriceCents', b."indicativePriceCents") ORDER BY b.position)
                      FROM "BasketItem" b WHERE b."offerId" = o.id), '[]'::json) AS "basketItems"
     FROM "Offer" o JOIN "Product" p ON p.id = o."productId"
     WHERE o."distributionId" = $1 AND p."producerId" = $2`,
    [input.distributionId, input.producerId],
  );
  const byId = new Map(current.map((offer) => [offer.id, offer]));
  if (input.form.unknownIds.length > 0 || input.form.ids.some((id) => !byId.has(id))) throw new DomainError("not_found");

  const refused: SheetRefusal[] = input.form.issues.map((issue) => ({
    offerId: issue.offerId,
    product: byId.get(issue.offerId)!.name,
    field: issue.field,
    error: new DomainError("invalid", { field: issue.field, messageKey: issue.messageKey }),
  }));
  const changed: string[] = [];
  const removed: string[] = [];
  const base = { producerId: input.producerId, distributionId: input.distributionId, now: input.now };

  for (const row of input.form.rows) {
    const offer = byId.get(row.offerId)!;
    let field = sheetField(row.onSale ? "stock" : "onSale", row.offerId);
    try {
      if (!row.onSale) {
        await removeOffer({ ...base, offerId: row.offerId });
        removed.push(offer.name);
        continue;
      }
      let touched = false;
      if (offerChanged(offer, row)) {
        await updateOffer({ ...base, offerId: row.offerId, stock: row.stock, priceCents: row.priceCents, maxPerCustomer: row.maxPerCustomer });
        touched = true;
      }
      if (row.composition && !sameItems(offer.basketItems, row.composition)) {
        field = sheetField("composition", row.offerId);
        await setBasketComposition({ ...base, offerId: row.offerId, items: row.composition });
        touched = true;
      }
      if (touched) changed.push(offer.name);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      refused.push({ offerId: row.offerId, product: offer.name, field, error });
    }
  }
  return { onSale: current.length - removed.length, changed, removed, refused: ordered(refused, input.form.ids) };
}

function offerChanged(offer: Current, row: SheetRow): boolean {
  return (
    offer.stock !== row.stock ||
    offer.priceCents !== row.priceCents ||
    (row.maxPerCustomer !== undefined && offer.maxPerCustomer !== row.maxPerCustomer)
  );
}

function sameItems(before: BasketItemInput[], after: BasketItemInput[]): boolean {
  const plain = (items: BasketItemInput[]) =>
    JSON.stringify(items.map((item) => [item.label, item.labelEn ?? null, item.quantityLabel, item.indicativePriceCents]));
  return plain(before) === plain(after);
}

/** Refusals in the order of the sheet's rows, as the producer reads them. */
function ordered(refused: SheetRefusal[], ids: string[]): SheetRefusal[] {
  const rank = new Map(ids.map((id, index) => [id, index] as const));
  return [...refused].sort((a, b) => (rank.get(a.offerId) ?? 0) - (rank.get(b.offerId) ?? 0));
}
