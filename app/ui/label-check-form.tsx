import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { Field, PrimaryButton } from "~/ui/form";

/**
 * « Vérifier un label »: a GET form to /label, which goes on to /label/:numero when the number
 * reads as one (it works without JavaScript, and the address can be shared).
 */
export function LabelCheckForm({ value, error, headingLevel = 2 }: { value?: string; error?: string | null; headingLevel?: 2 | 3 }) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="label-check" className="mt-8 rounded-xl border border-slate-300 bg-white p-4">
      <Heading id="label-check" className="text-lg font-bold text-sea-900">{t("labelPublic.check.heading")}</Heading>
      <Form method="get" action="/label" className="mt-3 sm:flex sm:items-end sm:gap-3">
        <div className="sm:flex-1">
          <Field
            name="numero"
            label={t("labelPublic.check.field")}
            hint={t("labelPublic.check.hint")}
            error={error ?? undefined}
            defaultValue={value}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            required
          />
        </div>
        <div className="mb-4">
          <PrimaryButton type="submit">{t("labelPublic.check.submit")}</PrimaryButton>
        </div>
      </Form>
    </section>
  );
}
