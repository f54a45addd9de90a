import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** Every route's ErrorBoundary: a clear message, never a stack trace. */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  let message = t("error.unexpected");
  let title = t("error.title");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) message = t("error.not_found");
    else if (error.status === 403) message = t("error.forbidden");
    else if (error.status === 401) message = t("error.unauthenticated");
    else if (error.status === 400) message = t("error.invalid");
    else if (error.status === 413) title = t("error.body_too_large.title");
    else if (error.status === 503) {
      // The database is away (app/entry.server.tsx): say so, and that trying again shortly will do.
      title = t("error.database_unavailable.title");
      message = t("error.database_unavailable");
    }
    // A page that explains its refusal (app/http/errors.server.ts pageError) says it in its words.
    if (typeof error.data === "object" && error.data !== null && "message" in error.data && typeof error.data.message === "string") message = error.data.message;
    if (typeof error.data === "object" && error.data !== null && "title" in error.data && typeof error.data.title === "string") title = error.data.title;
  }
  return (
    <div className="mx-auto max-w-xl py-10">
      <h1 className="text-2xl font-bold text-sea-900">{title}</h1>
      <p role="alert" className="mt-4 text-lg">{message}</p>
      <p className="mt-6">
        <Link to="/" className="font-semibold text-sea-700 underline">{t("error.back_home")}</Link>
      </p>
    </div>
  );
}
