import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { db } from "~/db.server";
import { parseCharitySettings, WEEKDAYS } from "~/domain/donations/charity-settings-input";
import { getCharitySettings, updateCharitySettings } from "~/domain/donations/update-charity-settings.server";
import { FORM_MAX_BYTES, readFormData } from "~/http/body.server";
import { requireCharity } from "~/http/charity.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { Field, FormAlert, PrimaryButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Réglages de l'association — Terre & Mer" }];

/** The settings of the charity the member acts for (from the session, never from the URL or the form). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { charity } = await requireCharity(request);
  const [settings, categories] = await Promise.all([
    getCharitySettings(charity.id),
    db().category.findMany({ select: { id: true, nameFr: true, nameEn: true }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
  ]);
  return { settings, categories };
}

/** What the form sends; the two lists are repeated checkboxes. */
type Submitted = {
  acceptedCategoryIds: string[];
  collectionWeekdays: string[];
} & Partial<Record<"storesAmbient" | "storesChilled" | "storesFrozen" | "minQuantity" | "maxQuantity" | "collectionFrom" | "collectionTo" | "redistributesSameDay" | "inDirectory" | "publicContact", string>>;

async function readSettingsForm(request: Request): Promise<Submitted> {
  const form = await readFormData(request, FORM_MAX_BYTES);
  const one = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const all = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
  return {
    acceptedCategoryIds: all("acceptedCategoryIds"),
    collectionWeekdays: all("collectionWeekdays"),
    storesAmbient: one("storesAmbient"),
    storesChilled: one("storesChilled"),
    storesFrozen: one("storesFrozen"),
    minQuantity: one("minQuantity"),
    maxQuantity: one("maxQuantity"),
    collectionFrom: one("collectionFrom"),
    collectionTo: one("collectionTo"),
    redistributesSameDay: one("redistributesSameDay"),
    inDirectory: one("inDirectory"),
    publicContact: one("publicContact"),
  };
}

type Saved = { ok: true; message: string };

export async function action({ request }: ActionFunctionArgs) {
  const { user, charity } = await requireCharity(request);
  const locale = localeOf(request, user.locale);
  const submitted = await readSettingsForm(request);
  const parsed = parseCharitySettings(submitted);
  // A refusal sends back what was typed, so the form shows it with the messages.
  if (!parsed.success) {
    const failure = invalidForm(parsed.error, locale);
    return data({ ...failure.data, values: submitted }, { status: failure.init?.status ?? 400 });
  }
  try {
    await updateCharitySettings({ charityId: charity.id, userId: user.id, settings: parsed.data, now: now() });
    return { ok: true, message: translate(locale, "charity.settings.saved") } satisfies Saved;
  } catch (error) {
    const failure = formFailure(error, locale);
    return data({ ...failure.data, values: submitted }, { status: failure.init?.status ?? 400 });
  }
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className="mt-1 text-sm font-semibold text-red-800">{message}</p> : null;
}

function Checkbox({ name, value, label, checked, describedBy }: { name: string; value?: string; label: ReactNode; checked: boolean; describedBy?: string }) {
  return (
    <label className="flex min-h-11 items-center gap-3">
      <input type="checkbox" name={name} value={value ?? "on"} defaultChecked={checked} aria-describedby={describedBy} className="h-5 w-5 shrink-0" />
      <span>{label}</span>
    </label>
  );
}

/** A group of checkboxes under one legend, its error announced and tied to it. */
function CheckboxGroup({ id, legend, hint, error, children }: { id: string; legend: string; hint?: string; error?: string; children: ReactNode }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={id} aria-describedby={described} className={`mb-4 rounded-lg border p-3 ${error ? "border-red-700" : "border-slate-300"}`}>
      <legend className="px-1 font-semibold text-slate-900">{legend}</legend>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

function unitsText(milli: number | null, locale: "fr" | "en"): string {
  if (milli === null) return "";
  const units = milli / 1000;
  return locale === "fr" ? String(units).replace(".", ",") : String(units);
}

export default function CharitySettingsPage() {
  const { settings, categories } = useLoaderData<typeof loader>();
  const result = useActionData<(FormFailure & { values?: Submitted }) | Saved>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const locale = useLocale();
  const failure = result && !result.ok ? result : undefined;
  const errors = failure?.fieldErrors ?? {};
  const typed = failure?.values;
  const ticked = (name: "storesAmbient" | "storesChilled" | "storesFrozen" | "redistributesSameDay" | "inDirectory" | "publicContact") => (typed ? typed[name] !== undefined : settings[name]);
  const categoryIds = typed ? typed.acceptedCategoryIds : settings.acceptedCategoryIds;
  const weekdays = typed ? typed.collectionWeekdays : settings.collectionWeekdays.map(String);
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("charity.settings.title")}</h1>
      <p className="mt-2">{t("charity.settings.intro")}</p>
      <div className="mt-4">
        {result?.ok ? <FormAlert tone="success" message={result.message} /> : null}
        {failure ? <FormAlert message={failure.message} /> : null}
      </div>
      <Form method="post" noValidate className="mt-2">
        <CheckboxGroup id="field-acceptedCategoryIds" legend={t("charity.settings.categories")} hint={t("charity.settings.categoriesHint")} error={errors.acceptedCategoryIds}>
          <div className="grid grid-cols-1 sm:grid-cols-2">
            {categories.map((category) => (
              <Checkbox key={category.id} name="acceptedCategoryIds" value={category.id} label={locale === "fr" ? category.nameFr : category.nameEn} checked={categoryIds.includes(category.id)} />
            ))}
          </div>
        </CheckboxGroup>

        <CheckboxGroup id="field-storage" legend={t("charity.settings.storage")} error={errors.storage ?? errors.storesAmbient ?? errors.storesChilled ?? errors.storesFrozen}>
          <Checkbox name="storesAmbient" label={t("charity.settings.storesAmbient")} checked={ticked("storesAmbient")} />
          <Checkbox name="storesChilled" label={t("charity.settings.storesChilled")} checked={ticked("storesChilled")} />
          <Checkbox name="storesFrozen" label={t("charity.settings.storesFrozen")} checked={ticked("storesFrozen")} />
        </CheckboxGroup>

        <fieldset className="mb-4 rounded-lg border border-slate-300 p-3">
          <legend className="px-1 font-semibold text-slate-900">{t("charity.settings.quantities")}</legend>
          <p className="mb-2 text-sm text-slate-700">{t("charity.settings.quantitiesHint")}</p>
          <div className="grid grid-cols-1 gap-x-3 sm:grid-cols-2">
            <Field name="minQuantity" label={t("charity.settings.minQuantity")} inputMode="decimal" maxLength={20} defaultValue={typed ? (typed.minQuantity ?? "") : unitsText(settings.minQuantityMilli, locale)} error={errors.minQuantity} />
            <Field name="maxQuantity" label={t("charity.settings.maxQuantity")} inputMode="decimal" maxLength={20} defaultValue={typed ? (typed.maxQuantity ?? "") : unitsText(settings.maxQuantityMilli, locale)} error={errors.maxQuantity} />
          </div>
        </fieldset>

        <CheckboxGroup id="field-collectionWeekdays" legend={t("charity.settings.collection")} error={errors.collectionWeekdays}>
          <div className="grid grid-cols-2 sm:grid-cols-4">
            {WEEKDAYS.map((day) => (
              <Checkbox key={day} name="collectionWeekdays" value={String(day)} label={t(`charity.weekday.${day}`)} checked={weekdays.includes(String(day))} />
            ))}
          </div>
        </CheckboxGroup>

        <fieldset className="mb-4 rounded-lg border border-slate-300 p-3">
          <legend className="px-1 font-semibold text-slate-900">{t("charity.settings.hours")}</legend>
          <div className="grid grid-cols-1 gap-x-3 sm:grid-cols-2">
            <Field name="collectionFrom" type="time" label={t("charity.settings.collectionFrom")} required defaultValue={typed ? (typed.collectionFrom ?? "") : settings.collectionFrom} error={errors.collectionFrom} />
            <Field name="collectionTo" type="time" label={t("charity.settings.collectionTo")} required defaultValue={typed ? (typed.collectionTo ?? "") : settings.collectionTo} error={errors.collectionTo} />
          </div>
        </fieldset>

        <div className="mb-4 rounded-lg border border-slate-300 p-3">
          <Checkbox name="redistributesSameDay" label={t("charity.settings.redistributesSameDay")} checked={ticked("redistributesSameDay")} describedBy="same-day-hint" />
          <p id="same-day-hint" className="text-sm text-slate-700">{t("charity.settings.redistributesSameDayHint")}</p>
          <FieldError id="field-redistributesSameDay-error" message={errors.redistributesSameDay} />
          <Checkbox name="inDirectory" label={t("charity.settings.inDirectory")} checked={ticked("inDirectory")} />
          <FieldError id="field-inDirectory-error" message={errors.inDirectory} />
          <Checkbox name="publicContact" label={t("charity.settings.publicContact")} checked={ticked("publicContact")} describedBy="public-contact-hint" />
          <p id="public-contact-hint" className="text-sm text-slate-700">{t("charity.settings.publicContactHint")}</p>
          <FieldError id="field-publicContact-error" message={errors.publicContact} />
        </div>

        <PrimaryButton disabled={busy}>{t("charity.settings.save")}</PrimaryButton>
      </Form>

      <section aria-labelledby="approvals-title" className="mt-8 rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="approvals-title" className="text-lg font-bold text-sea-900">{t("charity.settings.approvals")}</h2>
        <p className="text-sm text-slate-700">{t("charity.settings.approvalsHint")}</p>
        <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
          <dt>{t("charity.approvals.rawFishery")}</dt>
          <dd className="font-semibold">{settings.approvedRawFishery ? t("charity.settings.yes") : t("charity.settings.no")}</dd>
          <dt>{t("charity.approvals.workshop")}</dt>
          <dd className="font-semibold">{settings.processingWorkshop ? t("charity.settings.yes") : t("charity.settings.no")}</dd>
        </dl>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
