/**
 * Where each kind of actor has its public page (issue 12): one place for the addresses the
 * directory's results, the agenda's events and the sitemap link to.
 *
 * - a verified producer or AMAP: `/producteurs/:slug`
 * - a verified charity that chose to appear in the directory: `/associations/:slug`
 * - an ESS actor the territory published: `/acteurs/:slug`
 * - a pickup point: `/points-de-retrait/:id`
 */
export type PublicActorType = "producer" | "amap" | "charity" | "essActor" | "pickupPoint";

/** `key` is a slug or an id as the database keeps them (letters, digits and dashes). */
export function publicPagePath(type: PublicActorType, key: string): string {
  switch (type) {
    case "producer":
    case "amap":
      return `/producteurs/${key}`;
    case "charity":
      return `/associations/${key}`;
    case "essActor":
      return `/acteurs/${key}`;
    case "pickupPoint":
      return `/points-de-retrait/${key}`;
  }
}

export function isPublicActorType(value: string | null): value is PublicActorType {
  return value === "producer" || value === "amap" || value === "charity" || value === "essActor" || value === "pickupPoint";
}
