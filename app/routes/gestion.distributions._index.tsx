import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { cancelDistribution, cancelDistributionSchema } from "~/domain/distributions/cancel-distribution.server";
import { listOrganisedDistributions } from "~/domain/distributions/list-organised-distributions.server";
import { organiserOf } from "~/domain/distributions/organiser.server";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, SecondaryButton } from "~/ui/form";
import { dateTime, longDate, timeRange } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Mes distributions — Terre & Mer" }];

/** Producers, AMAP coordinators and admins: the distributions their organisation organises. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:distribution:own");
  const organiser = await organiserOf(user);
  if (!organiser) throw new Response("Forbidden", { status: 403 });
  return { organiser, ...(await listOrganisedDistributions(organiser.id, now())) };
}

type Done = { ok: true; message: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:distribution:own");
  const locale = localeOf(request, user.locale);
  const parsed = cancelDistributionSchema.safeParse(await readForm(request));
  if (!parsed.success) return invalidForm(parsed.error, locale);
  try {
    const result = await cancelDistribution({ ...parsed.data, actor: user, now: now(), appUrl: appUrl() });
    const message = result.alreadyCancelled
      ? translate(locale, "series.cancel.already")
      : translate(locale, "series.cancel.done", { orders: result.cancelledOrders, customers: result.customersTold });
    return { ok: true, message } satisfies Done;
  } catch (error) {
    return formFailure(error, locale);
  }
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export default function OrganisedDistributions() {
  const { organiser, series, distributions } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | Done>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const created = params.get("creees");
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("series.list.title")}</h1>
      <p className="mt-1 text-sm text-slate-700">{organiser.name}</p>
      <p className="mt-3">
        <Link to="/gestion/distributions/nouvelle" className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-5 py-2 font-semibold text-white hover:bg-sea-800">{t("series.list.new")}</Link>
      </p>
      <div className="mt-4">
        {created ? <FormAlert tone="success" message={t("series.create.done", { count: created })} /> : null}
        {result?.ok ? <FormAlert tone="success" message={result.message} /> : null}
        {result && !result.ok ? <FormAlert message={Object.values(result.fieldErrors)[0] ?? result.message} /> : null}
      </div>

      <section aria-labelledby="series-title" className="mt-6">
        <h2 id="series-title" className="text-xl font-bold text-sea-900">{t("series.list.series")}</h2>
        {series.length === 0 ? <p className="mt-2">{t("series.list.noSeries")}</p> : null}
        <ul className="mt-2 space-y-2">
          {series.map((item) => (
            <li key={item.id} className="rounded-xl border border-slate-300 bg-white p-3">
              {t("series.list.rule", {
                weekday: t(`series.weekday.${WEEKDAYS[item.weekday - 1] ?? 1}`),
                start: item.startTime,
                end: item.endTime,
                point: item.pointName,
                cutoffDays: item.cutoffDaysBefore,
                cutoffTime: item.cutoffTime,
              })}
              <br />
              <span className="text-sm text-slate-700">{t("series.list.range", { first: item.firstDate, last: item.lastDate })}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="dates-title" className="mt-8">
        <h2 id="dates-title" className="text-xl font-bold text-sea-900">{t("series.list.dates")}</h2>
        {distributions.length === 0 ? <p className="mt-2">{t("series.list.noDates")}</p> : null}
        <ul className="mt-2 space-y-3">
          {distributions.map((distribution) => (
            <li key={distribution.id} className="rounded-xl border border-slate-300 bg-white p-3">
              <h3 className="font-bold">
                {longDate(distribution.startsAt, locale)}, {timeRange(distribution.startsAt, distribution.endsAt)} — {distribution.pointName}
              </h3>
              {distribution.status === "CANCELLED" ? (
                <p className="mt-1 font-semibold text-red-800">{t("series.list.cancelled", { reason: distribution.cancellationReason ?? "" })}</p>
              ) : (
                <>
                  <p className="text-sm text-slate-700">
                    {t("series.list.cutoff", { date: dateTime(distribution.cutoffAt, locale) })} · {t("series.list.orders", { count: distribution.orders })}
                  </p>
                  <details className="mt-2">
                    <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-red-800">{t("series.cancel.open")}</summary>
                    <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                      <input type="hidden" name="distributionId" value={distribution.id} />
                      <div className="min-w-56 flex-1">
                        <label htmlFor={`reason-${distribution.id}`} className="block text-sm font-semibold">{t("series.cancel.reason")}</label>
                        <input id={`reason-${distribution.id}`} name="reason" required maxLength={500} className="mt-1 block w-full rounded-lg border border-slate-400 px-3 py-2" />
                      </div>
                      <SecondaryButton disabled={busy}>{t("series.cancel.submit")}</SecondaryButton>
                    </Form>
                    <p className="mt-1 text-sm text-slate-700">{t("series.cancel.warning", { count: distribution.orders })}</p>
                  </details>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
