import { FORM_MAX_BYTES, readFormData } from "~/http/body.server";

/**
 * Form fields as plain strings (files and repeated keys are not part of these forms), from a body
 * of at most FORM_MAX_BYTES: a larger one is a 413 page, read no further (app/http/body.server.ts).
 */
export async function readForm(request: Request): Promise<Record<string, string>> {
  const form = await readFormData(request, FORM_MAX_BYTES);
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !(key in values)) values[key] = value;
  }
  return values;
}
