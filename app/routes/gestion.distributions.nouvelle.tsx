import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createDistributionSeries, distributionSeriesSchema } from "~/domain/distributions/create-distribution-series.server";
import { listPickupPoints } from "~/domain/distributions/list-organised-distributions.server";
import { organiserOf } from "~/domain/distributions/organiser.server";
import { addCalendarDays, seriesOccurrences } from "~/domain/distributions/series-dates";
import { isDomainError } from "~/domain/errors";
import { parisIsoDate } from "~/domain/time/paris";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { Field, FormAlert, PrimaryButton, SecondaryButton } from "~/ui/form";
import { dateTime, longDate, timeRange } from "~/ui/format";
import { SelectField } from "~/ui/organisation-profile-fields";

export const meta: MetaFunction = () => [{ title: "Nouvelle série de distributions — Terre & Mer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:distribution:own");
  const organiser = await organiserOf(user);
  if (!organiser) throw new Response("Forbidden", { status: 403 });
  const today = parisIsoDate(now());
  return { organiser, pickupPoints: await listPickupPoints(), today, defaultLast: addCalendarDays(today, 91) };
}

type Preview = {
  ok: true;
  preview: Array<{ date: string; startsAt: Date; endsAt: Date; cutoffAt: Date; slots: number }>;
  total: number;
  /** What was typed, so that the form (even without JavaScript) keeps it under the preview. */
  values: Record<string, string>;
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:distribution:own");
  const locale = localeOf(request, user.locale);
  const form = await readForm(request);
  const parsed = distributionSeriesSchema(parisIsoDate(now())).safeParse(form);
  if (!parsed.success) return invalidForm(parsed.error, locale);
  try {
    if (form.intent === "preview") {
      const occurrences = seriesOccurrences(parsed.data);
      return {
        ok: true,
        total: occurrences.length,
        values: form,
        preview: occurrences.slice(0, 6).map(({ date, startsAt, endsAt, cutoffAt, slots }) => ({ date, startsAt, endsAt, cutoffAt, slots: slots.length })),
      } satisfies Preview;
    }
    const organiser = await organiserOf(user);
    if (!organiser) throw new Response("Forbidden", { status: 403 });
    const created = await createDistributionSeries({ organiserId: organiser.id, actor: user, rule: parsed.data, now: now() });
    return redirect(`/gestion/distributions?creees=${created.created.length}`);
  } catch (error) {
    // The two refusals only the database can make, said in the words of their field.
    if (isDomainError(error) && error.code === "invalid" && (error.details.field === "pickupPointId" || error.details.field === "firstDate")) {
      const key = error.details.field === "pickupPointId" ? "series.field.pickupPoint.unknown" : "series.field.firstDate.noneLeft";
      const body: FormFailure = { ok: false, message: translate(locale, "error.invalid"), fieldErrors: { [error.details.field]: translate(locale, key) } };
      return data(body, { status: 400 });
    }
    return formFailure(error, locale);
  }
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export default function NewSeries() {
  const { pickupPoints, today, defaultLast } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | Preview>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const failure = result && !result.ok ? result : undefined;
  const errors = failure?.fieldErrors ?? {};
  const typed = result?.ok ? result.values : {};
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("series.create.title")}</h1>
      <p className="mt-2">{t("series.create.intro")}</p>
      <div className="mt-4">
        <FormAlert message={failure?.message} />
      </div>
      <Form method="post" noValidate className="mt-2">
        <SelectField name="pickupPointId" label={t("series.field.pickupPoint")} required defaultValue={typed.pickupPointId ?? ""} error={errors.pickupPointId}>
          <option value="">{t("series.field.choose")}</option>
          {pickupPoints.map((point) => (
            <option key={point.id} value={point.id}>{point.name} ({point.communeName})</option>
          ))}
        </SelectField>
        <SelectField name="weekday" label={t("series.field.weekday")} required defaultValue={typed.weekday ?? "5"} error={errors.weekday}>
          {WEEKDAYS.map((day) => (
            <option key={day} value={day}>{t(`series.weekday.${day}`)}</option>
          ))}
        </SelectField>
        <div className="grid grid-cols-2 gap-x-3">
          <Field name="startTime" type="time" label={t("series.field.startTime")} required defaultValue={typed.startTime ?? "17:00"} error={errors.startTime} />
          <Field name="endTime" type="time" label={t("series.field.endTime")} required defaultValue={typed.endTime ?? "19:00"} error={errors.endTime} />
        </div>
        <fieldset className="mb-4 rounded-lg border border-slate-300 p-3">
          <legend className="px-1 font-semibold">{t("series.field.cutoffLegend")}</legend>
          <div className="grid grid-cols-2 gap-x-3">
            <Field name="cutoffDaysBefore" type="number" min={0} max={14} inputMode="numeric" label={t("series.field.cutoffDaysBefore")} required defaultValue={typed.cutoffDaysBefore ?? "2"} error={errors.cutoffDaysBefore} />
            <Field name="cutoffTime" type="time" label={t("series.field.cutoffTime")} required defaultValue={typed.cutoffTime ?? "20:00"} error={errors.cutoffTime} />
          </div>
          <Field name="opensDaysBefore" type="number" min={0} max={60} inputMode="numeric" label={t("series.field.opensDaysBefore")} hint={t("series.field.opensHint")} required defaultValue={typed.opensDaysBefore ?? "7"} error={errors.opensDaysBefore} />
        </fieldset>
        <div className="grid grid-cols-2 gap-x-3">
          <Field name="firstDate" type="date" label={t("series.field.firstDate")} required min={today} defaultValue={typed.firstDate ?? today} error={errors.firstDate} />
          <Field name="lastDate" type="date" label={t("series.field.lastDate")} hint={t("series.field.lastDateHint")} required min={today} defaultValue={typed.lastDate ?? defaultLast} error={errors.lastDate} />
        </div>
        <div className="grid grid-cols-2 gap-x-3">
          <Field name="slotMinutes" type="number" min={5} max={240} inputMode="numeric" label={t("series.field.slotMinutes")} required defaultValue={typed.slotMinutes ?? "30"} error={errors.slotMinutes} />
          <Field name="slotCapacity" type="number" min={1} max={1000} inputMode="numeric" label={t("series.field.slotCapacity")} required defaultValue={typed.slotCapacity ?? "20"} error={errors.slotCapacity} />
        </div>
        <div className="flex flex-wrap gap-3">
          <SecondaryButton name="intent" value="preview" disabled={busy}>{t("series.create.preview")}</SecondaryButton>
          <PrimaryButton name="intent" value="create" disabled={busy}>{t("series.create.submit")}</PrimaryButton>
        </div>
      </Form>
      {result?.ok ? (
        <section aria-labelledby="preview-title" aria-live="polite" className="mt-6 rounded-xl border border-slate-300 bg-white p-4">
          <h2 id="preview-title" className="text-lg font-bold">{t("series.preview.title", { count: result.total })}</h2>
          <ul className="mt-2 space-y-2">
            {result.preview.map((occurrence) => (
              <li key={occurrence.date}>
                <strong>{longDate(occurrence.startsAt, locale)}</strong>, {timeRange(occurrence.startsAt, occurrence.endsAt)} · {t("series.preview.slots", { count: occurrence.slots })}
                <br />
                <span className="text-sm text-slate-700">{t("series.list.cutoff", { date: dateTime(occurrence.cutoffAt, locale) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mt-6"><Link to="/gestion/distributions" className="text-sea-700 underline">{t("series.create.back")}</Link></p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
