import { Form } from "@remix-run/react";
import { SubmitButton } from "~/ui/submit-button";

type StepperProps = {
  /** Names the product in every label: « Un de moins : Cidre brut ». */
  name: string;
  quantity: number;
  max: number;
  /** « × 100 g », « kg », or null for pieces. */
  unit: string | null;
  /** The fields each of its forms sends besides the quantity (the offer, the intent…). */
  fields: Record<string, string>;
  labels: { less: string; more: string; typed: string; update: string; busy: string };
};

/**
 * A quantity a thumb can change: − and + (44 px each, one request each, a double tap sends once),
 * and the number itself, typed and sent with Enter or when the field is left. Each button is its own
 * small form setting the whole quantity, so the same tap twice never adds twice; without scripts
 * the typed quantity has its own button.
 */
export function QuantityStepper({ name, quantity, max, unit, fields, labels }: StepperProps) {
  const hidden = Object.entries(fields).map(([field, value]) => <input key={field} type="hidden" name={field} value={value} />);
  const inputId = `quantity-${fields.offerId ?? name}`;
  return (
    <div className="flex items-center gap-1">
      <Form method="post" preventScrollReset>
        {hidden}
        <input type="hidden" name="quantity" value={quantity - 1} />
        <SubmitButton variant="secondary" iconOnly busyLabel={labels.busy} aria-label={labels.less} className="w-11 px-0 text-xl leading-none">−</SubmitButton>
      </Form>
      <Form method="post" preventScrollReset className="flex items-center gap-1">
        {hidden}
        <label htmlFor={inputId} className="sr-only">{labels.typed}</label>
        <input
          // A new quantity from the server replaces what was typed.
          key={quantity}
          id={inputId}
          type="number"
          name="quantity"
          inputMode="numeric"
          min={0}
          max={max}
          defaultValue={quantity}
          onBlur={(event) => {
            if (event.currentTarget.value !== String(quantity) && event.currentTarget.checkValidity()) event.currentTarget.form?.requestSubmit();
          }}
          className="min-h-11 w-14 rounded-lg border border-slate-400 px-1 text-center text-base"
        />
        <noscript>
          <button type="submit" className="min-h-11 rounded-lg border border-sea-700 px-3 font-semibold text-sea-800">{labels.update}</button>
        </noscript>
      </Form>
      <Form method="post" preventScrollReset>
        {hidden}
        <input type="hidden" name="quantity" value={quantity + 1} />
        <SubmitButton variant="secondary" iconOnly busyLabel={labels.busy} aria-label={labels.more} disabled={quantity >= max} className="w-11 px-0 text-xl leading-none">+</SubmitButton>
      </Form>
      {unit ? <span className="whitespace-nowrap text-sm">{unit}</span> : null}
    </div>
  );
}
