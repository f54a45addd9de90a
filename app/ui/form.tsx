import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

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

export function FormAlert({ message, tone = "error" }: { message?: string | null; tone?: "error" | "success" }) {
  if (!message) return null;
  const colours = tone === "error" ? "border-red-700 bg-red-50 text-red-900" : "border-earth-600 bg-earth-50 text-earth-700";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`mb-4 rounded-lg border-l-4 p-3 font-medium ${colours}`}>
      {message}
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
