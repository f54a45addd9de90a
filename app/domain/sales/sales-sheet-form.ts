import { idField } from "~/domain/fields";
import { basketItemsFormSchema, formMaxPerCustomerField, formPriceField, formStockField, MAX_BASKET_ITEMS, type BasketItemInput } from "~/domain/sales/offer-fields";
import { isMessageKey, type MessageKey } from "~/i18n/messages";

/**
 * The weekly sales sheet is ONE form: every offer's row (on sale or not, stock, price, "at most N
 * per customer", a basket's composition) saved by one button. Its fields are named after the
 * offer: `stock.<offerId>`, `price.<offerId>`, `max.<offerId>`, `onSale.<offerId>` (a checkbox),
 * `composition.<offerId>` (present when the composition was editable) with its items
 * `item-label.<offerId>.<n>`, `item-quantity…`, `item-price…`, `item-labelEn…`.
 * Each row is read on its own: a wrong row is refused alone, by the name of its field.
 */

export type SheetRow = {
  offerId: string;
  /** Unticked: take it off sale. Its other fields are then not read. */
  onSale: boolean;
  stock: number;
  priceCents: number;
  /** Absent: the form did not carry it (kept); null: no limit of the producer's own. */
  maxPerCustomer?: number | null;
  /** Absent: the composition was not on the form (a product, or the cutoff had passed). */
  composition?: BasketItemInput[];
};

export type SheetRowIssue = { offerId: string; field: string; messageKey: MessageKey };

/** `ids`: every row sent, in the order of the sheet. */
export type SheetForm = { ids: string[]; rows: SheetRow[]; issues: SheetRowIssue[]; unknownIds: string[] };

/** A sheet holds far fewer rows; past this many the rest is not read. */
export const MAX_SHEET_ROWS = 300;

const ITEM_FIELDS = [
  ["label", "item-label"],
  ["labelEn", "item-labelEn"],
  ["quantityLabel", "item-quantity"],
  ["indicativePriceCents", "item-price"],
] as const;

/** The form's name for a row's field. */
export function sheetField(field: "stock" | "price" | "max" | "onSale" | "composition", offerId: string): string {
  return `${field}.${offerId}`;
}

/** The form's name for a basket item's field. */
export function itemField(field: (typeof ITEM_FIELDS)[number][1], offerId: string, index: number): string {
  return `${field}.${offerId}.${index}`;
}

function issueKey(message: string): MessageKey {
  return isMessageKey(message) ? message : "error.invalid";
}

function checked(value: string | undefined): boolean {
  return value === "on" || value === "true" || value === "1";
}

export function parseSalesSheetForm(form: Record<string, string>): SheetForm {
  const rows: SheetRow[] = [];
  const issues: SheetRowIssue[] = [];
  const unknownIds: string[] = [];
  const ids = Object.keys(form)
    .filter((key) => key.startsWith("stock."))
    .map((key) => key.slice("stock.".length))
    .slice(0, MAX_SHEET_ROWS);

  for (const offerId of ids) {
    if (!idField.safeParse(offerId).success) {
      unknownIds.push(offerId);
      continue;
    }
    const refuse = (field: string, message: string) => issues.push({ offerId, field, messageKey: issueKey(message) });
    if (!checked(form[sheetField("onSale", offerId)])) {
      rows.push({ offerId, onSale: false, stock: 0, priceCents: 0 });
      continue;
    }
    const before = issues.length;
    const stock = formStockField.safeParse(form[sheetField("stock", offerId)]);
    if (!stock.success) refuse(sheetField("stock", offerId), stock.error.issues[0]?.message ?? "");
    const price = formPriceField.safeParse(form[sheetField("price", offerId)]);
    if (!price.success) refuse(sheetField("price", offerId), price.error.issues[0]?.message ?? "");
    const max = formMaxPerCustomerField.safeParse(form[sheetField("max", offerId)]);
    if (!max.success) refuse(sheetField("max", offerId), max.error.issues[0]?.message ?? "");
    const composition = sheetField("composition", offerId) in form ? compositionOf(form, offerId) : undefined;
    if (composition && !composition.ok) refuse(composition.field, composition.message);
    if (issues.length > before || !stock.success || !price.success || !max.success) continue;
    rows.push({
      offerId,
      onSale: true,
      stock: stock.data,
      priceCents: price.data,
      ...(max.data === undefined ? {} : { maxPerCustomer: max.data }),
      ...(composition?.ok ? { composition: composition.items } : {}),
    });
  }
  return { ids, rows, issues, unknownIds };
}

/** A basket's items as typed; rows left empty are skipped. */
function compositionOf(form: Record<string, string>, offerId: string): { ok: true; items: BasketItemInput[] } | { ok: false; field: string; message: string } {
  const typed: Array<{ index: number; fields: Record<string, string> }> = [];
  for (let index = 0; index < MAX_BASKET_ITEMS + 5; index += 1) {
    const fields = Object.fromEntries(ITEM_FIELDS.map(([key, name]) => [key, form[itemField(name, offerId, index)] ?? ""]));
    if (Object.values(fields).some((value) => value.trim() !== "")) typed.push({ index, fields });
  }
  const parsed = basketItemsFormSchema.safeParse(typed.map((row) => row.fields));
  if (parsed.success) return { ok: true, items: parsed.data };
  const issue = parsed.error.issues[0]!;
  const [position, key] = issue.path.map(String);
  const row = typed[Number(position)];
  const name = ITEM_FIELDS.find(([field]) => field === key)?.[1];
  return { ok: false, field: row && name ? itemField(name, offerId, row.index) : sheetField("composition", offerId), message: issue.message };
}
