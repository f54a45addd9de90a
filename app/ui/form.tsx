import { useActionData, useLocation } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type MouseEvent, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useT } from "~/i18n/use-t";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
};

/** The label, hint and error around one form control, tied to it by `aria-describedby` (WCAG 3.3.1). */
function FieldFrame({ inputId, label, hint, error, children }: { inputId: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="mb-4">
      <label htmlFor={inputId} className="block font-semibold text-slate-900">{label}</label>
      {hint ? <p id={`${inputId}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      {children}
      {error ? <p id={`${inputId}-error`} className="mt-1 text-sm font-semibold text-red-800">{error}</p> : null}
    </div>
  );
}

function describedBy(inputId: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A labelled input whose error is announced and tied to it (WCAG 3.3.1). */
export function Field({ name, label, error, hint, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} error={error}>
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        className="mt-1 block w-full rounded-lg border border-slate-400 px-3 py-3 text-base aria-[invalid]:border-red-700"
        {...input}
      />
    </FieldFrame>
  );
}

/** The same for a text of several lines. */
export function TextAreaField({ name, label, error, hint, id, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; error?: string; hint?: string }) {
  const inputId = id ?? `field-${name}`;
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} error={error}>
      <textarea
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        className="mt-1 block w-full rounded-lg border border-slate-400 px-3 py-3 text-base"
        {...textarea}
      />
    </FieldFrame>
  );
}

/** What a page action answered when it refused a submit: its reason and the fields to correct. */
type Refusal = { message: string; fieldErrors: Record<string, string> };

function refusalOf(data: unknown): Refusal | null {
  if (typeof data !== "object" || data === null) return null;
  if ("ok" in data && data.ok !== false) return null;
  if (!("message" in data) || typeof data.message !== "string" || data.message === "") return null;
  const fieldErrors: Record<string, string> = {};
  if ("fieldErrors" in data && typeof data.fieldErrors === "object" && data.fieldErrors !== null) {
    for (const [field, error] of Object.entries(data.fieldErrors)) if (typeof error === "string" && error !== "") fieldErrors[field] = error;
  }
  return { message: data.message, fieldErrors };
}

/**
 * The control a field error is about: the `Field` convention `field-<name>`, else the only control
 * of that name in the summary's own form (or the page), or the first box of a group of radios or
 * checkboxes. Where several rows each have a control of that name (a cart, a sales page) there is
 * no telling which: no link.
 */
function controlFor(field: string, summary: HTMLElement | null): HTMLElement | null {
  const byId = document.getElementById(`field-${field}`);
  if (byId) return byId;
  const scope: ParentNode = summary?.closest("form") ?? document;
  const named = [...scope.querySelectorAll<HTMLElement>(`[name="${CSS.escape(field)}"]`)].filter((element) => !(element instanceof HTMLInputElement && element.type === "hidden"));
  const isBox = (element: HTMLElement) => element instanceof HTMLInputElement && (element.type === "radio" || element.type === "checkbox");
  if (named.length === 1 || (named.length > 1 && named.every(isBox))) return named[0] ?? null;
  return null;
}

function scrollBehaviour(): ScrollBehavior {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
}

/**
 * A message above a form. An error that answers the submit just refused (the page action's
 * `{ ok: false, message, fieldErrors }`, or `refused` for a form whose answer comes from the
 * loader) is the form's error summary: a heading, the reason, a link to each field to correct, and
 * it comes into view and takes the focus after every refused submit — on a phone the submit button
 * is screens below it (issue 10; WCAG 3.3.1, the GOV.UK error summary pattern).
 */
export function FormAlert({ message, tone = "error", refused = false }: { message?: string | null; tone?: "error" | "success"; refused?: boolean }) {
  const t = useT();
  const actionData = useActionData();
  const { key: navigationKey } = useLocation();
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const refusal = refusalOf(actionData);
  const answersAction = refusal !== null && !!message && (message === refusal.message || Object.values(refusal.fieldErrors).includes(message));
  const isSummary = tone === "error" && !!message && (refused || answersAction);
  const fieldErrors = answersAction && refusal ? Object.entries(refusal.fieldErrors) : [];
  const fieldNames = fieldErrors.map(([field]) => field).join(" ");
  // Before scripts run every field error is a link; after, only those whose field is on the page.
  const [presentFields, setPresentFields] = useState<ReadonlySet<string> | null>(null);

  useEffect(() => {
    const summary = summaryRef.current;
    if (!isSummary || !summary) return;
    setPresentFields(new Set(fieldNames.split(" ").filter((field) => field !== "" && controlFor(field, summary) !== null)));
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: "start", behavior: scrollBehaviour() });
    // Keyed on the answer itself: a second refused submit brings the summary back into view.
  }, [actionData, navigationKey, isSummary, fieldNames]);

  if (!message) return null;
  const colours = tone === "error" ? "border-red-700 bg-red-50 text-red-900" : "border-earth-600 bg-earth-50 text-earth-700";
  if (!isSummary) {
    return (
      <div role={tone === "error" ? "alert" : "status"} className={`mb-4 rounded-lg border-l-4 p-3 font-medium ${colours}`}>
        {message}
      </div>
    );
  }

  function goToField(event: MouseEvent<HTMLAnchorElement>, field: string) {
    const control = controlFor(field, summaryRef.current);
    if (!control) return;
    // The router would treat the fragment as a navigation and forget the refused answer.
    event.preventDefault();
    control.focus({ preventScroll: true });
    control.scrollIntoView({ block: "center", behavior: scrollBehaviour() });
  }

  // The GOV.UK error summary's shape: the box that takes the focus is named by its heading, and the
  // reason inside it is the live alert, read out as soon as it appears.
  return (
    <div
      ref={summaryRef}
      role="group"
      tabIndex={-1}
      aria-labelledby={titleId}
      className={`mb-4 scroll-mt-24 rounded-lg border-l-4 p-3 font-medium focus:outline focus:outline-4 focus:outline-offset-2 focus:outline-red-700 ${colours}`}
    >
      <h2 id={titleId} className="text-lg font-bold">{t("forms.summary.title")}</h2>
      <p role="alert" className="mt-1">{message}</p>
      {fieldErrors.length > 0 ? (
        <>
          <p className="mt-2">{t("forms.summary.fields")}</p>
          <ul className="mt-1 list-disc pl-6">
            {fieldErrors.map(([field, error]) => (
              <li key={field}>
                {presentFields === null || presentFields.has(field) ? (
                  <a href={`#field-${field}`} onClick={(event) => goToField(event, field)} className="inline-flex min-h-11 items-center font-semibold text-red-900 underline">
                    {error}
                  </a>
                ) : (
                  error
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function PrimaryButton({ children, ...props }: { children: ReactNode } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="submit"
      className="inline-flex min-h-11 items-center justify-center rounded-lg bg-sea-700 px-5 py-2 font-semibold text-white hover:bg-sea-800 disabled:opacity-60"
      {...props}
    >
      {children}
    </button>
  );
}

export function SecondaryButton({ children, ...props }: { children: ReactNode } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="submit"
      className="inline-flex min-h-11 items-center justify-center rounded-lg border border-sea-700 bg-white px-4 py-2 font-semibold text-sea-800 hover:bg-sea-50"
      {...props}
    >
      {children}
    </button>
  );
}
