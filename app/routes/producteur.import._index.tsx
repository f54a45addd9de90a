import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { exportHeaders, FRENCH_HEADERS, REQUIRED_FIELDS } from "~/domain/catalog/import/columns";
import { MAX_FILE_BYTES, MAX_ROWS } from "~/domain/catalog/import/csv";
import { listCatalogueImports } from "~/domain/catalog/import/list-catalogue-imports.server";
import { uploadCatalogue } from "~/domain/catalog/import/upload-catalogue.server";
import { isDomainError } from "~/domain/errors";
import { boundedRequest, markBodyLeftUnread } from "~/http/body.server";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { translate, type MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";
import { dateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Import et export du catalogue — Terre & Mer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  return { imports: await listCatalogueImports(producer.id) };
}

/** Room for the multipart boundaries and part headers around the file. */
const UPLOAD_ENVELOPE_BYTES = 64 * 1024;

type UploadFailure = { ok: false; message: string; fieldErrors: { file: string } };

/** Upload: the file is checked as a whole and kept; its preview is the next page. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const fail = (key: MessageKey, params: Record<string, string | number> | undefined, status: number) => {
    const message = translate(locale, key, params);
    return data<UploadFailure>({ ok: false, message, fieldErrors: { file: message } }, { status });
  };

  // Only a file sent by the form counts; any other body is a form without a file.
  if (!/^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "")) return fail("import.file.missing", undefined, 400);
  let form: FormData;
  try {
    // The whole body is bounded too, not only the file part: many parts would add up unbounded.
    const bounded = boundedRequest(request, MAX_FILE_BYTES + UPLOAD_ENVELOPE_BYTES);
    form = await unstable_parseMultipartFormData(bounded, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || (isDomainError(error) && error.code === "body_too_large")) {
      markBodyLeftUnread(request);
      return fail("import.file.too_large", { megabytes: MAX_FILE_BYTES / (1024 * 1024) }, 413);
    }
    // A body cut short or without its boundary: nothing readable was sent.
    if (error instanceof TypeError) return fail("import.file.missing", undefined, 400);
    throw error;
  }
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return fail("import.file.missing", undefined, 400);

  const result = await uploadCatalogue({
    producerId: producer.id,
    userId: user.id,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    now: now(),
  });
  if (!result.ok) return fail(result.problem.message, result.problem.params, result.problem.message === "import.file.too_large" ? 413 : 400);
  return redirect(`/producteur/import/${result.id}`);
}

export default function CatalogueImportPage() {
  const { imports } = useLoaderData<typeof loader>();
  const failure = useActionData<UploadFailure>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const required = REQUIRED_FIELDS.map((field) => FRENCH_HEADERS[field]).join(", ");

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("import.title")}</h1>
      <p className="mt-2">{t("import.intro")}</p>

      <section aria-labelledby="export-title" className="mt-6 rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="export-title" className="text-lg font-bold">{t("import.export.title")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("import.export.hint")}</p>
        <a
          href="/producteur/export.csv"
          download
          className="mt-3 inline-flex min-h-11 items-center rounded-lg border border-sea-700 bg-white px-4 py-2 font-semibold text-sea-800 hover:bg-sea-50"
        >
          {t("import.export.link")}
        </a>
      </section>

      <section aria-labelledby="upload-title" className="mt-6 rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="upload-title" className="text-lg font-bold">{t("import.upload.title")}</h2>
        {failure && !failure.ok ? <div className="mt-3"><FormAlert message={failure.message} /></div> : null}
        <Form method="post" encType="multipart/form-data" className="mt-3">
          <label htmlFor="import-file" className="block font-semibold text-slate-900">{t("import.upload.label")}</label>
          <p id="import-file-hint" className="text-sm text-slate-700">
            {t("import.upload.hint", { megabytes: MAX_FILE_BYTES / (1024 * 1024), rows: MAX_ROWS.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB"), required })}
          </p>
          <input
            id="import-file"
            type="file"
            name="file"
            required
            accept=".csv,text/csv"
            aria-describedby={failure && !failure.ok ? "import-file-hint import-file-error" : "import-file-hint"}
            aria-invalid={failure && !failure.ok ? true : undefined}
            className="mt-2 block min-h-11 w-full rounded-lg border border-slate-400 p-2 text-base"
          />
          {failure && !failure.ok ? <p id="import-file-error" className="mt-1 text-sm font-semibold text-red-800">{failure.fieldErrors.file}</p> : null}
          <details className="mt-2 text-sm">
            <summary className="min-h-11 cursor-pointer py-3 font-semibold text-sea-800">{t("import.upload.columns")}</summary>
            <p className="break-words font-mono">{exportHeaders().join(" ; ")}</p>
          </details>
          <div className="mt-3">
            <PrimaryButton disabled={busy}>{t("import.upload.submit")}</PrimaryButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="history-title" className="mt-6">
        <h2 id="history-title" className="text-lg font-bold">{t("import.history.title")}</h2>
        {imports.length === 0 ? (
          <p className="mt-2">{t("import.history.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white">
            {imports.map((item) => (
              <li key={item.id}>
                <Link to={`/producteur/import/${item.id}`} className="block min-h-11 p-3 hover:bg-sea-50">
                  <span className="font-semibold text-sea-800 underline">{item.fileName}</span>
                  <span className="block text-sm text-slate-700">
                    {dateTime(item.createdAt, locale)} · {t("import.history.rows", { count: item.totalRows })} · {t(`import.status.${item.status}`)}
                    {item.status === "DONE"
                      ? ` · ${t("import.history.result", { created: item.createdCount, updated: item.updatedCount, unchanged: item.unchangedCount })}`
                      : null}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
