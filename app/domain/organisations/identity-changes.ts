/**
 * What identifies an organisation to the territory: what an admin checked before verifying it.
 * Changing one of these after verification sends the organisation back to review (its offers
 * stay on sale until the decision); the description, address, photos or phone do not.
 * Charities are identified by name, RNA and SIRET; producers by name, SIRET, kind of activity and
 * organic control body (the organic claim printed on their products).
 */
export const IDENTITY_FIELDS = ["name", "siret", "rna", "producerKind", "organicControlBody"] as const;

export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type Identity = { [field in IdentityField]?: string | null };
export type IdentityChange = { field: IdentityField; before: string | null; after: string | null };

/**
 * The changes awaiting review after saving `next` over `current`. `pending` are the changes
 * already awaiting review: each field keeps the value the territory verified as its `before`, and
 * a field brought back to that value is no longer a change. Fields absent from `next` are not edited.
 */
export function identityChanges(current: Identity, next: Identity, pending: readonly IdentityChange[] = []): IdentityChange[] {
  const changes: IdentityChange[] = [];
  for (const field of IDENTITY_FIELDS) {
    const verified = pending.find((change) => change.field === field);
    const before = verified ? verified.before : normalise(current[field]);
    const after = field in next ? normalise(next[field]) : normalise(current[field]);
    if (before !== after) changes.push({ field, before, after });
  }
  return changes;
}

/** The changes stored on an organisation (a JSON column), read back without trusting their shape. */
export function parseIdentityChanges(value: unknown): IdentityChange[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { field, before, after } = item as Record<string, unknown>;
    if (!IDENTITY_FIELDS.some((known) => known === field)) return [];
    const text = (v: unknown) => (typeof v === "string" ? v : null);
    return [{ field: field as IdentityField, before: text(before), after: text(after) }];
  });
}

function normalise(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
