import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listLabelQueue, type QueueSection } from "~/domain/label/list-labels.server";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { longDate } from "~/ui/format";
import { labelKey } from "~/ui/label-file";

export const meta: MetaFunction = () => [{ title: "Label local : file d'examen — Terre & Mer" }];

const SECTIONS: QueueSection[] = ["toDecide", "waiting", "inForce", "ended"];

/** The reviewers' queue: applications and renewals to decide first (oldest first), then the others by state. */
export async function loader({ request }: LoaderFunctionArgs) {
  const reviewer = await requirePermission(request, "decide:label:any");
  return { labels: await listLabelQueue({ actor: reviewer, now: now() }) };
}

export default function LabelQueuePage() {
  const { labels } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("label.review.title")}</h1>
      <p className="mt-1">{t("label.review.intro")}</p>
      {SECTIONS.map((section) => {
        const rows = labels.filter((label) => label.section === section);
        return (
          <section key={section} aria-labelledby={`file-${section}`} className="mt-5">
            <h2 id={`file-${section}`} className="text-lg font-bold text-sea-900">
              {t(labelKey(`label.review.section.${section}`))} ({rows.length})
            </h2>
            {rows.length === 0 ? <p>{t("label.review.empty")}</p> : null}
            <ul className="mt-2 space-y-2">
              {rows.map((label) => (
                <li key={label.labelId} className="rounded-xl border border-slate-300 bg-white p-3" data-label={label.labelId}>
                  <p className="font-bold">{label.productName}</p>
                  <p>
                    {label.producerName} · <span data-status={label.status}>{t(labelKey(`label.status.${label.status}`))}</span>
                    {label.renewalPending ? ` · ${t("label.status.RENEWAL_PENDING")}` : null}
                    {label.changesRequested && label.status === "GRANTED" ? ` · ${t("label.status.RENEWAL_CHANGES")}` : null}
                    {label.number ? ` · ${label.number}` : null}
                  </p>
                  <p className="text-sm text-slate-700">{t("label.review.submittedAt", { date: longDate(label.submittedAt, locale) })}</p>
                  <Link to={`/admin/label/${label.labelId}`} className="mt-1 inline-flex min-h-11 items-center font-semibold text-sea-700 underline">
                    {t("label.review.open")}<span className="sr-only"> : {label.productName}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
