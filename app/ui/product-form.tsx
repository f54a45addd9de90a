import { Form } from "@remix-run/react";
import { useEffect, useState, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { PRODUCTION_METHODS, SALE_UNITS, type ProductField } from "~/domain/catalog/product-input";
import { unitLabel } from "~/domain/catalog/units";
import { allergens, faoAreas, fishSpecies, gearCategories, vatRates } from "~/domain/reference/reference-data";
import { useLocale, useT } from "~/i18n/use-t";
import { Field, PrimaryButton } from "~/ui/form";

export type ProductFormValues = Partial<Record<ProductField, string>>;
export type CategoryOption = { id: string; nameFr: string; nameEn: string; sea: boolean };

const inputClass = "mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-3 text-base aria-[invalid]:border-red-700";

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-semibold text-slate-900">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      {children}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">{error}</p> : null}
    </div>
  );
}

function Select({ name, label, hint, error, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { name: string; label: string; hint?: string; error?: string }) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`${inputClass} min-h-11`} {...rest}>
        {children}
      </select>
    </FieldFrame>
  );
}

function TextArea({ name, label, hint, error, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; hint?: string; error?: string }) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea id={id} name={name} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={inputClass} {...rest} />
    </FieldFrame>
  );
}

function Checkbox({ name, label, hint, error, defaultChecked }: { name: string; label: string; hint?: string; error?: string; defaultChecked: boolean }) {
  const id = `field-${name}`;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="flex min-h-11 items-center gap-3 font-semibold text-slate-900">
        <input
          id={id}
          type="checkbox"
          name={name}
          value="oui"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className="h-6 w-6 shrink-0"
        />
        {label}
      </label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">{error}</p> : null}
    </div>
  );
}

function isYes(value: string | undefined): boolean {
  return ["oui", "yes", "1", "true", "on"].includes((value ?? "").trim().toLowerCase());
}

/** VAT as typed in the form ("5,5") and as stored (550) meet on the basis points. */
function vatValue(value: string | undefined): string {
  const percent = Number((value ?? "").replace(",", ".").replace("%", "").trim());
  return Number.isFinite(percent) && value?.trim() ? String(Math.round(percent * 100)) : "";
}

/**
 * The product form, shared by the new and edit pages. Every field has its label and its error tied
 * to it; the sea-product fields are always there (no script needed) in their own fieldset.
 */
export function ProductForm({
  values,
  errors,
  categories,
  organicControlBody,
  submitLabel,
  busy,
  children,
}: {
  values: ProductFormValues;
  errors: Record<string, string>;
  categories: readonly CategoryOption[];
  organicControlBody: string | null;
  submitLabel: string;
  busy: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const chosenAllergens = new Set((values.allergens ?? "").split(/[,|;]/).map((code) => code.trim()));
  const vat = vatValue(values.vatRate);
  const thawed = (values.thawed ?? "").trim() === "" ? null : isYes(values.thawed);
  const legend = "text-lg font-bold text-sea-900";

  // Without script the sea fieldset is always there; with it, it steps aside for land products.
  const [categoryId, setCategoryId] = useState(values.categoryId ?? "");
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const seaFields = ["commercialName", "scientificName", "productionMethod", "faoArea", "gearCategory"] as const;
  const seaTyped = seaFields.some((field) => (values[field] ?? "").trim() !== "") || [...seaFields, "thawed"].some((field) => errors[field]);
  const seaChosen = categories.some((category) => category.sea && category.id === categoryId);
  const hideSea = enhanced && !seaChosen && !seaTyped;
  const box = "mt-6 rounded-xl border border-slate-300 bg-white p-4";

  return (
    <Form method="post" noValidate className="mt-4">
      <input type="hidden" name="intent" value="save" />
      {children}
      <fieldset className={box}>
        <legend className={legend}>{t("products.section.main")}</legend>
        <Field name="name" label={t("products.field.name")} defaultValue={values.name} error={errors.name} maxLength={120} required autoComplete="off" />
        <Field name="nameEn" label={t("products.field.nameEn")} defaultValue={values.nameEn} error={errors.nameEn} maxLength={120} lang="en" autoComplete="off" />
        <Select
          name="categoryId"
          label={t("products.field.category")}
          defaultValue={values.categoryId ?? ""}
          error={errors.categoryId}
          required
          onChange={(event) => setCategoryId(event.currentTarget.value)}
        >
          <option value="">{t("products.choose")}</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>{locale === "fr" ? category.nameFr : category.nameEn}</option>
          ))}
        </Select>
        <Select name="kind" label={t("products.field.kind")} defaultValue={values.kind || "PRODUCT"} error={errors.kind}>
          <option value="PRODUCT">{t("products.kind.PRODUCT")}</option>
          <option value="BASKET">{t("products.kind.BASKET")}</option>
        </Select>
        <TextArea name="description" label={t("products.field.description")} defaultValue={values.description} error={errors.description} maxLength={2000} />
        <Field
          name="reference"
          label={t("products.field.reference")}
          hint={t("products.field.reference.hint")}
          defaultValue={values.reference}
          error={errors.reference}
          maxLength={64}
          autoComplete="off"
        />
      </fieldset>

      <fieldset className={box}>
        <legend className={legend}>{t("products.section.price")}</legend>
        <Field
          name="price"
          label={t("products.field.price")}
          hint={t("products.field.price.hint")}
          defaultValue={values.price}
          error={errors.price}
          inputMode="decimal"
          required
          autoComplete="off"
        />
        <Select name="unit" label={t("products.field.unit")} defaultValue={values.unit ?? ""} error={errors.unit} required>
          <option value="">{t("products.choose")}</option>
          {SALE_UNITS.map((unit) => (
            <option key={unit} value={unit}>{unitLabel(unit, locale)}</option>
          ))}
        </Select>
        <Select name="vatRate" label={t("products.field.vat")} defaultValue={vat ? String(Number(vat) / 100) : "5.5"} error={errors.vatRate} required>
          {vatRates.map((rate) => (
            <option key={rate.code} value={String(rate.ratePercent)}>{locale === "fr" ? rate.labelFr : rate.labelEn}</option>
          ))}
        </Select>
        <Field
          name="netQuantityGrams"
          label={t("products.field.netQuantity")}
          hint={t("products.field.netQuantity.hint")}
          defaultValue={values.netQuantityGrams}
          error={errors.netQuantityGrams}
          inputMode="numeric"
          autoComplete="off"
        />
        <Checkbox name="variableWeight" label={t("products.field.variableWeight")} defaultChecked={isYes(values.variableWeight)} error={errors.variableWeight} />
        <Field
          name="estimatedWeightGrams"
          label={t("products.field.estimatedWeight")}
          hint={t("products.field.estimatedWeight.hint")}
          defaultValue={values.estimatedWeightGrams}
          error={errors.estimatedWeightGrams}
          inputMode="numeric"
          autoComplete="off"
        />
      </fieldset>

      <fieldset className={box}>
        <legend className={legend}>{t("products.section.food")}</legend>
        <Checkbox
          name="organic"
          label={t("products.field.organic")}
          hint={organicControlBody ? t("products.field.organic.body", { body: organicControlBody }) : t("products.field.organic.noBody")}
          defaultChecked={isYes(values.organic)}
          error={errors.organic}
        />
        <fieldset className="mb-4" aria-describedby={`allergens-hint${errors.allergens ? " field-allergens-error" : ""}`}>
          <legend className="font-semibold text-slate-900">{t("products.field.allergens")}</legend>
          <p id="allergens-hint" className="text-sm text-slate-700">{t("products.field.allergens.hint")}</p>
          <div className="mt-1 grid grid-cols-1 gap-x-4 sm:grid-cols-2">
            {allergens.map((allergen) => (
              <label key={allergen.code} className="flex min-h-11 items-center gap-3">
                <input type="checkbox" name="allergens" value={allergen.code} defaultChecked={chosenAllergens.has(allergen.code)} className="h-6 w-6 shrink-0" />
                {locale === "fr" ? allergen.labelFr : allergen.labelEn}
              </label>
            ))}
          </div>
          {errors.allergens ? <p id="field-allergens-error" className="mt-1 text-sm font-semibold text-red-800">{errors.allergens}</p> : null}
        </fieldset>
        <TextArea name="ingredients" label={t("products.field.ingredients")} defaultValue={values.ingredients} error={errors.ingredients} maxLength={2000} />
      </fieldset>

      <fieldset className={box} aria-describedby="sea-hint" hidden={hideSea}>
        <legend className={legend}>{t("products.sea.legend")}</legend>
        <p id="sea-hint" className="mb-3 text-sm text-slate-700">{t("products.sea.hint")}</p>
        <Field
          name="commercialName"
          label={t("products.field.commercialName")}
          defaultValue={values.commercialName}
          error={errors.commercialName}
          list="commercial-names"
          maxLength={200}
          autoComplete="off"
        />
        <datalist id="commercial-names">
          {fishSpecies.map((species) => (
            <option key={species.id} value={locale === "fr" ? species.commercialNameFr : species.commercialNameEn} />
          ))}
        </datalist>
        <Field
          name="scientificName"
          label={t("products.field.scientificName")}
          hint={t("products.field.scientificName.hint")}
          defaultValue={values.scientificName}
          error={errors.scientificName}
          list="scientific-names"
          maxLength={200}
          autoComplete="off"
          lang="la"
        />
        <datalist id="scientific-names">
          {fishSpecies.map((species) => (
            <option key={species.id} value={species.scientificName}>{locale === "fr" ? species.commercialNameFr : species.commercialNameEn}</option>
          ))}
        </datalist>
        <Select name="productionMethod" label={t("products.field.productionMethod")} defaultValue={values.productionMethod ?? ""} error={errors.productionMethod}>
          <option value="">{t("products.choose")}</option>
          {PRODUCTION_METHODS.map((method) => (
            <option key={method} value={method}>{t(`products.method.${method}`)}</option>
          ))}
        </Select>
        <Select name="faoArea" label={t("products.field.faoArea")} defaultValue={values.faoArea ?? ""} error={errors.faoArea}>
          <option value="">{t("products.choose")}</option>
          {faoAreas.map((area) => (
            <option key={area.code} value={area.code}>{(locale === "fr" ? area.labelFr : null) ?? area.labelEn}</option>
          ))}
        </Select>
        <Select name="gearCategory" label={t("products.field.gear")} defaultValue={values.gearCategory ?? ""} error={errors.gearCategory}>
          <option value="">{t("products.choose")}</option>
          {gearCategories.map((gear) => (
            <option key={gear.code} value={gear.code}>{locale === "fr" ? gear.nameFr : gear.nameEn}</option>
          ))}
        </Select>
        <fieldset aria-describedby={errors.thawed ? "field-thawed-error" : undefined}>
          <legend className="font-semibold text-slate-900">{t("products.field.thawed")}</legend>
          <div className="flex gap-6">
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="thawed" value="oui" defaultChecked={thawed === true} className="h-6 w-6" />
              {t("products.yes")}
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="thawed" value="non" defaultChecked={thawed === false} className="h-6 w-6" />
              {t("products.no")}
            </label>
          </div>
          {errors.thawed ? <p id="field-thawed-error" className="mt-1 text-sm font-semibold text-red-800">{errors.thawed}</p> : null}
        </fieldset>
      </fieldset>

      <div className="sticky bottom-0 -mx-4 mt-6 border-t border-slate-300 bg-white/95 px-4 py-3">
        <PrimaryButton disabled={busy}>{submitLabel}</PrimaryButton>
      </div>
    </Form>
  );
}
