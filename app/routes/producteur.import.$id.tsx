import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { RowError } from "~/domain/catalog/import/catalogue-file";
import { getCatalogueImport } from "~/domain/catalog/import/get-catalogue-import.server";
import { runCatalogueImport, startCatalogueImport } from "~/domain/catalog/import/run-catalogue-import.server";
import { isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { pageError } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { isMessageKey, translate, type Locale } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";
import { dateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Import du catalogue — Terre & Mer" }];

/** Polling interval of the progress bar while an import runs. */
const REFRESH_MS = 1000;
/** Errors listed on the page; a file with thousands of bad rows is fixed from the first ones. */
const ERRORS_SHOWN = 500;

function importId(params: { id?: string }): string {
  const id = idField.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  return id.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const id = importId(params);
  const locale = localeOf(request, user.locale);
  try {
    const view = await getCatalogueImport({ importId: id, producerId: producer.id });
    // An import left RUNNING (its server restarted) goes on when its page is looked at; a runner
    // already at work keeps its batches (they are taken under the import's row lock).
    if (view.status === "RUNNING") startInBackground(id);
    return {
      ...view,
      errors: view.errors.slice(0, ERRORS_SHOWN).map((error) => errorLine(error, locale)),
      hiddenErrors: Math.max(0, view.errors.length - ERRORS_SHOWN),
    };
  } catch (error) {
    if (isDomainError(error)) throw pageError(request, error);
    throw error;
  }
}

/** "Import the N valid lines": PREVIEWED → RUNNING once, whatever the clicks; the rows are written in the background. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { producer } = await requireProducer(request);
  const id = importId(params);
  const form = await readForm(request);
  if (form.intent !== "run") throw new Response("Bad request", { status: 400 });
  try {
    const { started } = await startCatalogueImport({ importId: id, producerId: producer.id });
    if (started) startInBackground(id);
  } catch (error) {
    if (isDomainError(error)) throw pageError(request, error);
    throw error;
  }
  return redirect(`/producteur/import/${id}`);
}

function startInBackground(id: string): void {
  runCatalogueImport(id).catch((error: unknown) => console.error("[import] import du catalogue interrompu :", error));
}

/** "ligne 12, champ prix_ttc : Prix : saisissez un montant en euros (exemple : 3,20)." */
function errorLine(error: RowError, locale: Locale): string {
  const message = isMessageKey(error.message) ? translate(locale, error.message, error.params) : translate(locale, "field.unknown");
  return error.field === ""
    ? translate(locale, "import.error.lineColumnNumber", { line: error.line, column: error.column, message })
    : translate(locale, "import.error.line", { line: error.line, column: error.column, message });
}

export default function CatalogueImportView() {
  const view = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const { revalidate, state } = useRevalidator();
  const idle = useRef(true);
  idle.current = state === "idle";
  const running = view.status === "RUNNING";

  // While the import runs, its page reloads its data every second (without JS: the meta refresh).
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (idle.current && document.visibilityState === "visible") revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, revalidate]);

  const valid = view.counts.created + view.counts.updated + view.counts.unchanged;

  return (
    <div className="mx-auto max-w-3xl">
      <p>
        <Link to="/producteur/import" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("import.page.back")}</Link>
      </p>
      <h1 className="break-words text-2xl font-bold text-sea-900">{t("import.page.title", { file: view.fileName })}</h1>
      <p className="mt-1 text-slate-700">{t("import.page.uploaded", { date: dateTime(view.createdAt, locale), count: view.totalRows })}</p>

      {view.status === "PREVIEWED" && view.preview ? (
        <section aria-labelledby="preview-title" className="mt-6">
          <h2 id="preview-title" className="text-xl font-bold">{t("import.preview.title")}</h2>
          <p className="mt-1">{t("import.preview.nothingImported")}</p>
          <p role="status" className="mt-3 rounded-lg bg-sea-50 p-3 font-semibold">
            {t("import.preview.summary", { created: view.counts.created, updated: view.counts.updated, unchanged: view.counts.unchanged, errors: view.counts.errors })}
          </p>
          {valid > 0 ? (
            <Form method="post" className="mt-4">
              <PrimaryButton name="intent" value="run" disabled={busy}>{t("import.preview.run", { count: valid })}</PrimaryButton>
            </Form>
          ) : (
            <div className="mt-4">
              <FormAlert message={t("import.preview.noValid")} />
            </div>
          )}
          {view.preview.twins > 0 ? (
            <p className="mt-4 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">{t("import.preview.twins", { count: view.preview.twins })}</p>
          ) : null}
          <ErrorList errors={view.errors} rows={view.counts.errors} hidden={view.hiddenErrors} />
          {view.errors.length > 0 ? <p className="mt-2 text-sm text-slate-700">{t("import.preview.skipped")}</p> : null}

          <h3 className="mt-6 text-lg font-bold">{t("import.preview.changes")}</h3>
          {view.preview.rows.length === 0 ? (
            <p className="mt-2">{t("import.preview.noChanges")}</p>
          ) : (
            <div className="mt-2 overflow-x-auto rounded-xl border border-slate-300 bg-white">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="p-2">{t("import.column.line")}</th>
                    <th scope="col" className="p-2">{t("import.column.reference")}</th>
                    <th scope="col" className="p-2">{t("import.column.name")}</th>
                    <th scope="col" className="p-2">{t("import.column.outcome")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {view.preview.rows.map((row) => (
                    <tr key={row.line}>
                      <td className="p-2 tabular-nums">{row.line}</td>
                      <td className="p-2 font-mono">{row.reference}</td>
                      <td className="p-2">{row.name}</td>
                      <td className="p-2">
                        {t(`import.outcome.${row.outcome}`)}
                        {row.twin ? <span className="block text-amber-900">{t("import.outcome.twin")}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {view.preview.hiddenRows > 0 ? <p className="mt-2 text-sm">{t("import.preview.more", { count: view.preview.hiddenRows })}</p> : null}
          <p className="mt-6">
            <Link to="/producteur/import" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("import.preview.another")}</Link>
          </p>
        </section>
      ) : null}

      {running ? (
        <section aria-labelledby="running-title" className="mt-6">
          <noscript>
            <meta httpEquiv="refresh" content="2" />
          </noscript>
          <h2 id="running-title" className="text-xl font-bold">{t("import.running.title")}</h2>
          <progress
            className="mt-3 h-4 w-full"
            max={view.totalRows}
            value={view.processedRows}
            aria-label={t("import.running.progressLabel")}
            aria-valuetext={t("import.running.progress", { processed: view.processedRows, total: view.totalRows })}
          />
          <p role="status" className="mt-2">{t("import.running.progress", { processed: view.processedRows, total: view.totalRows })}</p>
          <a href={`/producteur/import/${view.id}`} className="mt-2 inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("import.running.refresh")}</a>
        </section>
      ) : null}

      {view.status === "DONE" ? (
        <section aria-labelledby="done-title" className="mt-6">
          <h2 id="done-title" className="text-xl font-bold">{t("import.done.title")}</h2>
          <div className="mt-3">
            <FormAlert tone="success" message={t("import.done.summary", { created: view.counts.created, updated: view.counts.updated, unchanged: view.counts.unchanged })} />
          </div>
          <ErrorList errors={view.errors} rows={view.counts.errors} hidden={view.hiddenErrors} />
          <p className="mt-4 flex flex-wrap gap-4">
            <Link to="/producteur/produits" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("import.done.products")}</Link>
            <Link to="/producteur/import" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("import.preview.another")}</Link>
          </p>
        </section>
      ) : null}

      {view.status === "FAILED" ? (
        <section aria-labelledby="failed-title" className="mt-6">
          <h2 id="failed-title" className="text-xl font-bold">{t("import.failed.title")}</h2>
          <div className="mt-3">
            <FormAlert message={t("import.failed.text", { processed: view.processedRows, total: view.totalRows })} />
          </div>
          <ErrorList errors={view.errors} rows={view.counts.errors} hidden={view.hiddenErrors} />
        </section>
      ) : null}
    </div>
  );
}

function ErrorList({ errors, rows, hidden }: { errors: string[]; rows: number; hidden: number }) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <section aria-labelledby="errors-title" className="mt-6">
      <h3 id="errors-title" className="text-lg font-bold text-red-900">{t("import.errors.title", { count: rows })}</h3>
      <ul className="mt-2 space-y-1 rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-950">
        {errors.map((error, index) => (
          <li key={index} className="break-words">{error}</li>
        ))}
      </ul>
      {hidden > 0 ? <p className="mt-2 text-sm">{t("import.errors.more", { count: hidden })}</p> : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
