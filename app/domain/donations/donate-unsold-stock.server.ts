import { db, type Tx } from "~/db.server";
import type { SaleUnit } from "~/domain/catalog/units";
import { toMilli, toUnits } from "~/domain/donations/donation-quantity";
import { formFieldOf, parseLotForm, UNSOLD_COMMON_FIELDS, type UnsoldForm } from "~/domain/donations/lot-form";
import { checkLotPublication, publishLotIn, type PublishedLot } from "~/domain/donations/publish-lot.server";
import { donationQuantityOf, UNSOLD_DAYS } from "~/domain/donations/unsold-stock";
import { DomainError, isDomainError } from "~/domain/errors";

export type DonateUnsoldStockOptions = {
  form: UnsoldForm;
  /** The verified producer giving its unsold stock (the route checks who acts for it). */
  donor: { id: string; name: string };
  createdById: string;
  now: Date;
  appUrl: string;
};

export type DonatedUnsoldStock = {
  published: Array<Pick<PublishedLot, "id" | "productName" | "quantityMilli" | "unit">>;
  /** Checked rows already given by an earlier submit: nothing was made twice. */
  alreadyDonated: string[];
};

type OfferRow = {
  offerId: string;
  productName: string;
  categoryId: string;
  saleUnit: SaleUnit;
  photoId: string | null;
  unsoldCount: number;
  givable: boolean;
};

const DAY_MS = 86_400_000;
const COMMON = new Set<string>(UNSOLD_COMMON_FIELDS);

/**
 * After a distribution closes, the producer turns its unsold stock into lots in one action, in
 * ONE transaction: the checked offers are locked (the producer's own only: anything else is a
 * 404), each row is read into the API's lot schema and checked against the publication rules and
 * what is unsold — broken rows are a 400 naming each product and its rule (UnsoldRowsRefused), and
 * nothing is written — then every lot is published (charities alerted) with its offer as origin. A lot per
 * offer at most (unique DonationLot.offerId): a second submit makes nothing twice and says so.
 */
export async function donateUnsoldStock(options: DonateUnsoldStockOptions): Promise<DonatedUnsoldStock> {
  try {
    return await db().$transaction((tx) => donateIn(tx, options), { maxWait: 20_000, timeout: 30_000 });
  } catch (error) {
    // Two submits at once: the one that waited meets the unique offerId of the lots just made.
    if (isUniqueViolation(error)) throw alreadyDonated([]);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

function alreadyDonated(products: string[]): DomainError {
  if (products.length === 0) return new DomainError("lot_closed", { messageKey: "donor.unsold.already_donated_unnamed" });
  return new DomainError("lot_closed", { messageKey: "donor.unsold.already_donated", messageParams: { products: products.join(", ") } });
}

async function donateIn(tx: Tx, options: DonateUnsoldStockOptions): Promise<DonatedUnsoldStock> {
  const { form, donor, now } = options;
  const ids = form.rows.map((row) => row.offerId);
  // Locked first, so that a second submit waits here and then sees the lots the first one made.
  const offers = await tx.$queryRaw<OfferRow[]>`
    SELECT o.id AS "offerId", p.name AS "productName", p."categoryId", p.unit::text AS "saleUnit", p."photoId",
      o.stock - o.ordered AS "unsoldCount",
      (d.status = 'SCHEDULED' AND d."endsAt" <= ${now} AND d."endsAt" > ${new Date(now.getTime() - UNSOLD_DAYS * DAY_MS)}) AS givable
    FROM "Offer" o JOIN "Product" p ON p.id = o."productId" JOIN "Distribution" d ON d.id = o."distributionId"
    WHERE o.id = ANY(${ids}::text[]) AND p."producerId" = ${donor.id}
    ORDER BY o.id
    FOR UPDATE OF o`;
  const byId = new Map(offers.map((offer) => [offer.offerId, offer]));
  if (ids.some((id) => !byId.has(id))) throw new DomainError("not_found");

  const given = await tx.donationLot.findMany({ where: { offerId: { in: ids } }, select: { offerId: true } });
  const givenIds = new Set(given.map((lot) => lot.offerId));
  const toGive = form.rows.filter((row) => !givenIds.has(row.offerId));
  const alreadyNames = form.rows.filter((row) => givenIds.has(row.offerId)).map((row) => byId.get(row.offerId)!.productName);
  if (toGive.length === 0) throw alreadyDonated(alreadyNames);

  // Every row checked before anything is written; every broken row is named, not only the first.
  const refusals: DomainError[] = [];
  const checked = toGive.flatMap((row) => {
    try {
      return [checkRow(row, byId.get(row.offerId)!, form, now)];
    } catch (error) {
      if (!isDomainError(error)) throw error;
      refusals.push(error);
      return [];
    }
  });
  if (refusals.length > 0) throw new UnsoldRowsRefused(refusals);

  const published: DonatedUnsoldStock["published"] = [];
  for (const { offer, input, facts } of checked) {
    const lot = await publishLotIn(
      tx,
      { input, donor, createdById: options.createdById, now, appUrl: options.appUrl, origin: { offerId: offer.offerId, photoId: offer.photoId ?? undefined } },
      facts,
    );
    published.push({ id: lot.id, productName: lot.productName, quantityMilli: lot.quantityMilli, unit: lot.unit });
  }
  return { published, alreadyDonated: alreadyNames };
}

/**
 * The rows of an unsold submit that break a rule, each a DomainError naming its field
 * (`quantity.<offerId>`…) and its product. It reads as the first of them, so a caller that knows
 * only DomainError still answers with one of the reasons.
 */
export class UnsoldRowsRefused extends DomainError {
  readonly rows: DomainError[];

  constructor(rows: DomainError[]) {
    const [first] = rows;
    super(first?.code ?? "invalid", first?.details ?? {});
    this.rows = rows;
  }
}

/** One ticked row read into the lot schema and checked against what is unsold and the publication rules. */
function checkRow(row: UnsoldForm["rows"][number], offer: OfferRow, form: UnsoldForm, now: Date) {
  const rowError = (field: string, messageKey: string, params: Record<string, string | number> = {}) =>
    new DomainError("invalid", {
      field: COMMON.has(field) ? field : `${field}.${offer.offerId}`,
      messageKey,
      messageParams: { ...params, product: offer.productName },
    });
  if (!offer.givable) throw rowError("give", "donor.unsold.not_givable");
  const unsold = donationQuantityOf(offer.saleUnit, offer.unsoldCount);
  const parsed = parseLotForm({ ...row.values, ...form.common, productName: offer.productName, unit: unsold.unit, categoryId: offer.categoryId });
  if (!parsed.ok) {
    const [issue] = parsed.issues;
    throw rowError(issue!.field, issue!.messageKey);
  }
  const quantityMilli = toMilli(parsed.input.quantity) ?? Number.POSITIVE_INFINITY;
  if (quantityMilli > unsold.quantityMilli) {
    throw rowError("quantity", "donor.unsold.quantity_above", { unsold: toUnits(unsold.quantityMilli) });
  }
  try {
    return { offer, input: parsed.input, facts: checkLotPublication(parsed.input, now) };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw rowError(formFieldOf(error.details.field ?? "give"), error.details.messageKey ?? "error.invalid", error.details.messageParams);
  }
}
