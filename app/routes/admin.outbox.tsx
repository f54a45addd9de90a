import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { fillLinkToken } from "~/domain/mail/email-links.server";
import { listOutbox } from "~/domain/mail/list-outbox.server";
import { requirePermission } from "~/http/auth.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Courriels — Terre & Mer" }];

/**
 * For territory admins: the outbox, which is where emails wait when no SMTP server is set. The
 * one-time links are not in it (their token is made when the email is sent, decision 015): where
 * one goes, the page says so.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:outbox:any");
  const hidden = translate(localeOf(request, user.locale), "accountsEmail.outbox.hiddenLink");
  const emails = await listOutbox({ limit: 100 });
  return {
    emails: emails.map(({ id, to, subject, text, status, attempts, lastError, createdAt }) => ({
      id,
      to,
      subject,
      // Where the link goes, the page names it instead of a token (none exists before sending).
      text: fillLinkToken(text, hidden),
      status,
      attempts,
      lastError,
      createdAt,
    })),
  };
}

export default function Outbox() {
  const { emails } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <h1 className="text-2xl font-bold text-sea-900">{t("outbox.title")}</h1>
      <p className="mt-2 max-w-2xl">{t("outbox.intro")}</p>
      <p className="mt-2 max-w-2xl">{t("accountsEmail.outbox.secrets")}</p>
      {emails.length === 0 ? <p className="mt-4">{t("outbox.empty")}</p> : null}
      <ul className="mt-4 space-y-3">
        {emails.map((email) => (
          <li key={email.id} className="rounded-xl border border-slate-300 bg-white p-4">
            <details>
              <summary className="cursor-pointer">
                <strong>{email.subject}</strong>
                <br />
                <span className="text-sm text-slate-700">
                  {t("outbox.to")} : {email.to} · {dateTime(email.createdAt, locale)} · {t("outbox.status")} : {email.status} ({email.attempts})
                </span>
              </summary>
              <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">{email.text}</pre>
              {email.lastError ? <p className="mt-2 text-sm text-red-800">{email.lastError}</p> : null}
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
