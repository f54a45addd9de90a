import { Form } from "@remix-run/react";
import { ESS_ACTOR_KINDS } from "~/domain/ess/ess-actor-kinds";
import { useT } from "~/i18n/use-t";
import { Field, FormAlert, TextAreaField } from "~/ui/form";
import { SubmitButton } from "~/ui/submit-button";

export type EssActorFormValues = {
  name: string;
  kind: string;
  communeInsee: string;
  address: string;
  lat: string;
  lon: string;
  offer: string;
  contactEmail: string;
  contactPhone: string;
  website: string;
  published: boolean;
};

export const EMPTY_ESS_ACTOR: EssActorFormValues = { name: "", kind: "", communeInsee: "", address: "", lat: "", lon: "", offer: "", contactEmail: "", contactPhone: "", website: "", published: false };

/** What the form shows: what was typed when a submit was refused, else the stored values. */
export function typedValues(values: Record<string, string> | undefined, fallback: EssActorFormValues): EssActorFormValues {
  if (!values) return fallback;
  return {
    name: values.name ?? "",
    kind: values.kind ?? "",
    communeInsee: values.communeInsee ?? "",
    address: values.address ?? "",
    lat: values.lat ?? "",
    lon: values.lon ?? "",
    offer: values.offer ?? "",
    contactEmail: values.contactEmail ?? "",
    contactPhone: values.contactPhone ?? "",
    website: values.website ?? "",
    published: values.published === "on",
  };
}

/** The admin's form for one ESS actor: a refused submit keeps what was typed and names each field to correct. */
export function EssActorForm(props: {
  values: EssActorFormValues;
  communes: ReadonlyArray<{ inseeCode: string; name: string }>;
  errors: Record<string, string>;
  failure?: string;
  submitLabel: string;
}) {
  const t = useT();
  const { values, errors } = props;
  const selectClass = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 aria-[invalid]:border-red-700";
  return (
    <Form method="post" className="mt-4 rounded-xl border border-slate-300 bg-white p-4" noValidate>
      <FormAlert message={props.failure} />
      <Field name="name" label={t("essActors.form.name")} defaultValue={values.name} error={errors.name} required maxLength={120} />
      <div className="mb-4">
        <label htmlFor="field-kind" className="block font-semibold">{t("essActors.form.kind")}</label>
        <select id="field-kind" name="kind" defaultValue={values.kind} className={selectClass} aria-invalid={errors.kind ? true : undefined} aria-describedby={errors.kind ? "field-kind-error" : undefined}>
          <option value="">{t("essActors.form.choose")}</option>
          {ESS_ACTOR_KINDS.map((kind) => (
            <option key={kind} value={kind}>{t(`essKind.${kind}`)}</option>
          ))}
        </select>
        {errors.kind ? <p id="field-kind-error" className="mt-1 text-sm font-semibold text-red-800">{errors.kind}</p> : null}
      </div>
      <div className="mb-4">
        <label htmlFor="field-communeInsee" className="block font-semibold">{t("essActors.form.commune")}</label>
        <select id="field-communeInsee" name="communeInsee" defaultValue={values.communeInsee} className={selectClass} aria-invalid={errors.communeInsee ? true : undefined} aria-describedby={errors.communeInsee ? "field-communeInsee-error" : undefined}>
          <option value="">{t("essActors.form.choose")}</option>
          {props.communes.map((commune) => (
            <option key={commune.inseeCode} value={commune.inseeCode}>{commune.name}</option>
          ))}
        </select>
        {errors.communeInsee ? <p id="field-communeInsee-error" className="mt-1 text-sm font-semibold text-red-800">{errors.communeInsee}</p> : null}
      </div>
      <Field name="address" label={t("essActors.form.address")} defaultValue={values.address} error={errors.address} maxLength={200} />
      <fieldset className="mb-4 rounded-lg border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{t("essActors.form.position")}</legend>
        <p className="text-sm text-slate-700">{t("essActors.form.positionHint")}</p>
        <div className="mt-2 grid grid-cols-1 gap-x-3 sm:grid-cols-2">
          <Field name="lat" label={t("essActors.form.lat")} defaultValue={values.lat} error={errors.lat} inputMode="decimal" />
          <Field name="lon" label={t("essActors.form.lon")} defaultValue={values.lon} error={errors.lon} inputMode="decimal" />
        </div>
      </fieldset>
      <TextAreaField name="offer" label={t("essActors.form.offer")} defaultValue={values.offer} error={errors.offer} rows={4} maxLength={2000} />
      <p className="mb-2 text-sm text-slate-700">{t("essActors.form.contactHint")}</p>
      <Field name="contactEmail" type="email" label={t("essActors.form.contactEmail")} defaultValue={values.contactEmail} error={errors.contactEmail} autoComplete="off" />
      <Field name="contactPhone" type="tel" label={t("essActors.form.contactPhone")} defaultValue={values.contactPhone} error={errors.contactPhone} />
      <Field name="website" type="url" label={t("essActors.form.website")} defaultValue={values.website} error={errors.website} placeholder="https://" />
      <label className="mb-4 flex min-h-11 items-center gap-2">
        <input type="checkbox" name="published" defaultChecked={values.published} className="h-5 w-5" />
        <span>{t("essActors.form.published")}</span>
      </label>
      <SubmitButton busyLabel={t("essActors.saving")}>{props.submitLabel}</SubmitButton>
    </Form>
  );
}
