import type { ReactNode, SelectHTMLAttributes } from "react";
import { hoursFieldName, openingHoursFormValues, RANGES_PER_DAY, readOpeningRanges, WEEK_DAYS } from "~/domain/directory/opening-hours";
import { PRODUCER_KINDS } from "~/domain/organisations/producer-kinds";
import { useT } from "~/i18n/use-t";
import { Field, TextAreaField } from "~/ui/form";

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { name: string; label: string; error?: string; children: ReactNode };

/** A labelled select whose error is announced and tied to it, like Field. */
export function SelectField({ name, label, error, children, id, ...select }: SelectProps) {
  const selectId = id ?? `field-${name}`;
  return (
    <div className="mb-4">
      <label htmlFor={selectId} className="block font-semibold text-slate-900">{label}</label>
      <select
        id={selectId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${selectId}-error` : undefined}
        className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-3 text-base aria-[invalid]:border-red-700"
        {...select}
      >
        {children}
      </select>
      {error ? <p id={`${selectId}-error`} className="mt-1 text-sm font-semibold text-red-800">{error}</p> : null}
    </div>
  );
}

export type ProfileValues = {
  name?: string | null;
  siret?: string | null;
  producerKind?: string | null;
  communeInsee?: string | null;
  address?: string | null;
  lat?: number | null;
  lon?: number | null;
  description?: string | null;
  openingHours?: string | null;
  /** The stored week table (JSON): [{ day, opens, closes }]. */
  openingHoursWeek?: unknown;
  visits?: string | null;
  visitBooking?: string | null;
  organicCertified?: boolean | null;
  organicControlBody?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
};

/**
 * The week table of opening hours: each day, up to two ranges « de … à … » as time inputs, each
 * labelled for a screen reader (« Lundi, plage 1 : ouverture ») and tied to its error. Stacked on a
 * phone: a day's name, then its ranges one per line.
 */
function OpeningHoursTable({ values, errors }: { values: Record<string, string>; errors: Record<string, string | undefined> }) {
  const t = useT();
  return (
    <fieldset className="mb-4" aria-describedby="week-hint">
      <legend className="font-semibold text-slate-900">{t("directory.field.week.legend")}</legend>
      <p id="week-hint" className="text-sm text-slate-700">{t("directory.field.week.hint")}</p>
      <div className="mt-2 divide-y divide-slate-200">
        {WEEK_DAYS.map((day) => {
          const dayName = t(`directory.field.week.day.${day}`);
          return (
            <div key={day} className="py-2 sm:grid sm:grid-cols-[7rem_1fr] sm:items-start sm:gap-3">
              <p className="font-semibold sm:pt-3">{dayName}</p>
              <div>
                {RANGES_PER_DAY.map((range) => {
                  const ends = (["opens", "closes"] as const).map((end) => {
                    const name = hoursFieldName(day, range, end);
                    return { end, name, id: `field-${name}`, error: errors[name] };
                  });
                  return (
                    <div key={range}>
                      <div className="flex items-center gap-2">
                        {ends.map(({ end, name, id, error }, index) => (
                          <span key={end} className="flex items-center gap-2">
                            {index === 1 ? <span aria-hidden="true">–</span> : null}
                            <label htmlFor={id} className="sr-only">{t(`directory.field.week.${end}`, { day: dayName, range })}</label>
                            <input
                              id={id}
                              name={name}
                              type="time"
                              defaultValue={values[name] ?? ""}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? `${id}-error` : undefined}
                              className="mt-1 block min-h-11 w-32 rounded-lg border border-slate-400 px-2 text-base aria-[invalid]:border-red-700"
                            />
                          </span>
                        ))}
                      </div>
                      {ends.map(({ end, id, error }) => (error ? <p key={end} id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">{error}</p> : null))}
                    </div>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The fields of a producer organisation's profile: creation (/devenir-producteur) and edit (/producteur/organisation). */
export function OrganisationProfileFields({
  values,
  errors,
  communes,
}: {
  values: ProfileValues;
  errors: Record<string, string | undefined>;
  communes: ReadonlyArray<{ inseeCode: string; name: string; postalCode: string }>;
}) {
  const t = useT();
  return (
    <>
      <Field name="name" label={t("organisations.form.name")} required maxLength={120} defaultValue={values.name ?? ""} error={errors.name} autoComplete="organization" />
      <Field name="siret" label={t("organisations.form.siret")} hint={t("organisations.form.siretHint")} required inputMode="numeric" maxLength={20} defaultValue={values.siret ?? ""} error={errors.siret} />
      <SelectField name="producerKind" label={t("organisations.form.kind")} required defaultValue={values.producerKind ?? ""} error={errors.producerKind}>
        <option value="">{t("organisations.form.choose")}</option>
        {PRODUCER_KINDS.map((kind) => (
          <option key={kind} value={kind}>{t(`organisations.kind.${kind}`)}</option>
        ))}
      </SelectField>
      <SelectField name="communeInsee" label={t("organisations.form.commune")} required defaultValue={values.communeInsee ?? ""} error={errors.communeInsee}>
        <option value="">{t("organisations.form.choose")}</option>
        {communes.map((commune) => (
          <option key={commune.inseeCode} value={commune.inseeCode}>{commune.name} ({commune.postalCode})</option>
        ))}
      </SelectField>
      <Field name="address" label={t("organisations.form.address")} required maxLength={200} defaultValue={values.address ?? ""} error={errors.address} autoComplete="street-address" />
      <fieldset className="mb-4">
        <legend className="font-semibold text-slate-900">{t("organisations.form.position")}</legend>
        <p className="text-sm text-slate-700">{t("organisations.form.positionHint")}</p>
        <div className="mt-2 grid grid-cols-1 gap-x-3 sm:grid-cols-2">
          <Field name="lat" label={t("organisations.form.lat")} inputMode="decimal" defaultValue={values.lat ?? ""} error={errors.lat} />
          <Field name="lon" label={t("organisations.form.lon")} inputMode="decimal" defaultValue={values.lon ?? ""} error={errors.lon} />
        </div>
      </fieldset>
      <TextAreaField name="description" label={t("organisations.form.description")} rows={4} maxLength={2000} defaultValue={values.description ?? ""} error={errors.description} />
      <fieldset className="mb-4 rounded-lg border border-slate-300 p-3">
        <legend className="px-1 font-semibold text-slate-900">{t("directory.profile.legend")}</legend>
        <p className="mb-2 text-sm text-slate-700">{t("directory.profile.hint")}</p>
        <OpeningHoursTable values={openingHoursFormValues(readOpeningRanges(values.openingHoursWeek))} errors={errors} />
        <TextAreaField name="openingHours" label={t("directory.field.openingHours")} hint={t("directory.field.openingHours.hint")} rows={2} maxLength={500} defaultValue={values.openingHours ?? ""} error={errors.openingHours} />
        <TextAreaField name="visits" label={t("directory.field.visits")} hint={t("directory.field.visits.hint")} rows={3} maxLength={1000} defaultValue={values.visits ?? ""} error={errors.visits} />
        <Field name="visitBooking" label={t("directory.field.visitBooking")} hint={t("directory.field.visitBooking.hint")} maxLength={300} defaultValue={values.visitBooking ?? ""} error={errors.visitBooking} />
      </fieldset>
      <fieldset className="mb-4 rounded-lg border border-slate-300 p-3">
        <legend className="px-1 font-semibold text-slate-900">{t("organisations.form.organicLegend")}</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="organic" defaultChecked={values.organicCertified ?? false} className="h-5 w-5" />
          {t("organisations.form.organic")}
        </label>
        <Field name="organicControlBody" label={t("organisations.form.controlBody")} hint={t("organisations.form.controlBodyHint")} maxLength={12} defaultValue={values.organicControlBody ?? ""} error={errors.organicControlBody} />
      </fieldset>
      <Field name="contactEmail" type="email" label={t("organisations.form.contactEmail")} required defaultValue={values.contactEmail ?? ""} error={errors.contactEmail} autoComplete="email" />
      <Field name="contactPhone" type="tel" label={t("organisations.form.contactPhone")} hint={t("organisations.form.contactPhoneHint")} maxLength={30} defaultValue={values.contactPhone ?? ""} error={errors.contactPhone} autoComplete="tel" />
    </>
  );
}
