/**
 * Stripe's request bodies are `application/x-www-form-urlencoded` with brackets for nesting, as
 * the SDK writes them (`metadata[orderId]=…`, `line_items[0][price_data][unit_amount]=…`,
 * `expand[]=…`). Read back into nested objects and arrays; every leaf stays a string, as Stripe
 * receives it, and each endpoint of the double reads its own types (integerParam, …).
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const KEY = /^([^[\]]+)((?:\[[^\]]*\])*)$/;

export function decodeStripeForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const match = KEY.exec(rawKey);
    if (!match) throw new MalformedParameter(rawKey);
    const segments = [match[1]!, ...[...match[2]!.matchAll(/\[([^\]]*)\]/g)].map((part) => part[1]!)];
    let node: FormObject = root;
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      // `expand[]=a&expand[]=b`: an empty segment appends.
      const name = segment === "" ? String(Object.keys(node).length) : segment;
      if (last) {
        node[name] = value;
        return;
      }
      const next = node[name];
      if (typeof next === "object" && !Array.isArray(next)) {
        node = next;
      } else {
        const created: FormObject = {};
        node[name] = created;
        node = created;
      }
    });
  }
  return arraysFromIndices(root) as FormObject;
}

/** `{ "0": a, "1": b }` → `[a, b]`, at every depth. */
function arraysFromIndices(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted = Object.fromEntries(keys.map((key) => [key, arraysFromIndices(value[key]!)]));
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => converted[key]!);
  }
  return converted;
}

export class MalformedParameter extends Error {
  constructor(readonly parameter: string) {
    super(`Invalid parameter name: ${parameter}`);
  }
}
