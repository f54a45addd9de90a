/**
 * A number as a person types it on a phone, as forms receive it: "2,5" or "2.5", spaces between
 * thousands ("1 000", no-break spaces too), a true minus sign or a dash ("−18"), and, where the
 * field allows it, its unit after the number ("2,5 kg", "1,50 €", "3 °C"). A blank value is
 * undefined (not given); anything else comes back as typed, so that the field's schema refuses it
 * with the message that names the field.
 */
export function typedNumber(value: unknown, units: readonly string[] = []): unknown {
  if (typeof value !== "string") return value;
  let text = value.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  const lower = text.toLowerCase();
  const unit = units.find((candidate) => lower.endsWith(candidate.toLowerCase()));
  if (unit && text.length > unit.length) text = text.slice(0, -unit.length);
  text = text.replace(/ /g, "").replace(/^[\u2212\u2013]/, "-");
  if (text === "") return undefined;
  return /^-?\d{1,20}(?:[.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : value;
}

/** The units a quantity of donated food may be typed with, longest first. */
export const QUANTITY_UNITS = ["pièces", "pièce", "litres", "litre", "kg", "l"] as const;
