import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import { FormAlert, PrimaryButton } from "~/ui/form";

/**
 * The period a sales summary or a statement covers (`?du=…&au=…`, a GET form): two dates, each with
 * its own error, the first error announced above, « Afficher », then what the page offers for that
 * period (its CSV, its PDF).
 */
export function PeriodForm({
  idPrefix,
  period,
  errors,
  children,
}: {
  idPrefix: string;
  period: { from: string; to: string };
  errors: Partial<Record<"from" | "to", string>>;
  children?: ReactNode;
}) {
  const t = useT();
  const messages = Object.values(errors).filter((message): message is string => Boolean(message));
  return (
    <Form method="get" className="mt-4 rounded-xl border border-slate-300 bg-white p-4 print:hidden">
      <fieldset>
        <legend className="font-bold">{t("preparation.summary.period")}</legend>
        {messages.length > 0 ? <FormAlert message={messages[0]!} refused /> : null}
        <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2">
          {(["from", "to"] as const).map((field) => (
            <div key={field}>
              <label htmlFor={`${idPrefix}-${field}`} className="block font-semibold">{t(field === "from" ? "preparation.summary.from" : "preparation.summary.to")}</label>
              <input
                id={`${idPrefix}-${field}`}
                type="date"
                name={field === "from" ? "du" : "au"}
                defaultValue={period[field]}
                required
                aria-invalid={errors[field] ? true : undefined}
                aria-describedby={errors[field] ? `${idPrefix}-${field}-error` : undefined}
                className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 px-3 py-2 aria-[invalid]:border-red-700"
              />
              {errors[field] ? <p id={`${idPrefix}-${field}-error`} className="mt-1 text-sm font-semibold text-red-800">{errors[field]}</p> : null}
            </div>
          ))}
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1">
          <PrimaryButton>{t("preparation.summary.show")}</PrimaryButton>
          {children}
        </div>
      </fieldset>
    </Form>
  );
}
