import { z } from "zod";

/**
 * Parses a form with `schema`; when it refuses, the issues of each of `parts` — a rule across a few
 * fields (a position, an end after its start, hours from before to), parsed alone — are added, so
 * that such a rule is named together with a missing field instead of only after it is fixed: zod
 * runs an object's refinements and transforms only once all its fields parse. Pure.
 */
export function parseWithParts<Schema extends z.ZodType>(schema: Schema, form: unknown, parts: readonly z.ZodType[]): ReturnType<Schema["safeParse"]> {
  const parsed = schema.safeParse(form) as ReturnType<Schema["safeParse"]>;
  if (parsed.success) return parsed;
  const issues = [...parsed.error.issues];
  const known = new Set(issues.map((issue) => issue.path.join(".")));
  for (const part of parts) {
    const alone = part.safeParse(form);
    if (alone.success) continue;
    for (const issue of alone.error.issues) {
      const at = issue.path.join(".");
      if (known.has(at)) continue;
      known.add(at);
      issues.push(issue);
    }
  }
  return issues.length === parsed.error.issues.length ? parsed : ({ success: false, error: new z.ZodError(issues) } as ReturnType<Schema["safeParse"]>);
}
