import { Form } from "@remix-run/react";
import { EVENT_KINDS } from "~/domain/ess/event-kinds";
import { useT } from "~/i18n/use-t";
import { Field, FormAlert, TextAreaField } from "~/ui/form";
import { SubmitButton } from "~/ui/submit-button";

export type EventFormValues = Record<
  "title" | "kind" | "description" | "startDay" | "startTime" | "endDay" | "endTime" | "placeName" | "address" | "communeInsee" | "lat" | "lon" | "registrationUrl" | "registrationText" | "holder",
  string
>;

export const EMPTY_EVENT: EventFormValues = {
  title: "", kind: "", description: "", startDay: "", startTime: "", endDay: "", endTime: "", placeName: "", address: "", communeInsee: "", lat: "", lon: "", registrationUrl: "", registrationText: "", holder: "",
};

/** What the form shows: what was typed when a submit was refused, else the given values. */
export function eventValues(typed: Record<string, string> | undefined, fallback: EventFormValues): EventFormValues {
  if (!typed) return fallback;
  return Object.fromEntries(Object.keys(EMPTY_EVENT).map((key) => [key, typed[key] ?? ""])) as EventFormValues;
}

type Holders = { organisations: ReadonlyArray<{ id: string; name: string }>; essActors: ReadonlyArray<{ id: string; name: string }> };

/**
 * The event form of the producer space and of the admin: the day and times are Paris wall-clock
 * times; the admin also chooses who holds the event. A refused submit keeps what was typed.
 */
export function EventForm(props: {
  values: EventFormValues;
  communes: ReadonlyArray<{ inseeCode: string; name: string }>;
  errors: Record<string, string>;
  failure?: string;
  submitLabel: string;
  holders?: Holders;
  intent?: string;
}) {
  const t = useT();
  const { values, errors } = props;
  const selectClass = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 aria-[invalid]:border-red-700";
  const select = (name: keyof EventFormValues, label: string, options: React.ReactNode) => (
    <div className="mb-4">
      <label htmlFor={`field-${name}`} className="block font-semibold">{label}</label>
      <select id={`field-${name}`} name={name} defaultValue={values[name]} className={selectClass} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `field-${name}-error` : undefined}>
        <option value="">{t("essActors.form.choose")}</option>
        {options}
      </select>
      {errors[name] ? <p id={`field-${name}-error`} className="mt-1 text-sm font-semibold text-red-800">{errors[name]}</p> : null}
    </div>
  );
  return (
    <Form method="post" className="mt-4 rounded-xl border border-slate-300 bg-white p-4" noValidate>
      <FormAlert message={props.failure} />
      {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
      {props.holders
        ? select(
            "holder",
            t("essEvents.form.holder"),
            <>
              <optgroup label={t("essEvents.form.holderOrganisations")}>
                {props.holders.organisations.map((holder) => (
                  <option key={holder.id} value={`org:${holder.id}`}>{holder.name}</option>
                ))}
              </optgroup>
              <optgroup label={t("essEvents.form.holderEss")}>
                {props.holders.essActors.map((holder) => (
                  <option key={holder.id} value={`ess:${holder.id}`}>{holder.name}</option>
                ))}
              </optgroup>
            </>,
          )
        : null}
      <Field name="title" label={t("essEvents.form.title")} defaultValue={values.title} error={errors.title} required maxLength={120} />
      {select("kind", t("essEvents.form.kind"), EVENT_KINDS.map((kind) => <option key={kind} value={kind}>{t(`agenda.kind.${kind}`)}</option>))}
      <div className="grid grid-cols-1 gap-x-3 sm:grid-cols-3">
        <Field name="startDay" type="date" label={t("essEvents.form.startDay")} defaultValue={values.startDay} error={errors.startDay} required />
        <Field name="startTime" type="time" label={t("essEvents.form.startTime")} defaultValue={values.startTime} error={errors.startTime} required />
        <Field name="endTime" type="time" label={t("essEvents.form.endTime")} defaultValue={values.endTime} error={errors.endTime} required />
      </div>
      <Field name="endDay" type="date" label={t("essEvents.form.endDay")} defaultValue={values.endDay} error={errors.endDay} />
      <Field name="placeName" label={t("essEvents.form.placeName")} defaultValue={values.placeName} error={errors.placeName} required maxLength={120} />
      <Field name="address" label={t("essEvents.form.address")} defaultValue={values.address} error={errors.address} maxLength={200} />
      {select("communeInsee", t("essEvents.form.commune"), props.communes.map((commune) => <option key={commune.inseeCode} value={commune.inseeCode}>{commune.name}</option>))}
      <fieldset className="mb-4 rounded-lg border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{t("essActors.form.position")}</legend>
        <p className="text-sm text-slate-700">{t("essEvents.form.positionHint")}</p>
        <div className="mt-2 grid grid-cols-1 gap-x-3 sm:grid-cols-2">
          <Field name="lat" label={t("essActors.form.lat")} defaultValue={values.lat} error={errors.lat} inputMode="decimal" />
          <Field name="lon" label={t("essActors.form.lon")} defaultValue={values.lon} error={errors.lon} inputMode="decimal" />
        </div>
      </fieldset>
      <Field name="registrationUrl" type="url" label={t("essEvents.form.registrationUrl")} defaultValue={values.registrationUrl} error={errors.registrationUrl} placeholder="https://" />
      <Field name="registrationText" label={t("essEvents.form.registrationText")} hint={t("essEvents.form.registrationHint")} defaultValue={values.registrationText} error={errors.registrationText} maxLength={300} />
      <TextAreaField name="description" label={t("essEvents.form.description")} defaultValue={values.description} error={errors.description} rows={3} maxLength={2000} />
      <SubmitButton busyLabel={t("essActors.saving")}>{props.submitLabel}</SubmitButton>
    </Form>
  );
}
