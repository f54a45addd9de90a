/**
 * The kinds of social and solidarity economy actors the territory's action plan names (issue 12,
 * shared/context: axis 1 action 1): they do not sell here, the admin enters and keeps them.
 */
export const ESS_ACTOR_KINDS = ["COMMUNITY_GARDEN", "INSERTION_WORKSHOP", "CIGALES", "BUSINESS_CREATION_HUB", "ESS_NETWORK"] as const;
export type EssActorKind = (typeof ESS_ACTOR_KINDS)[number];

export function isEssActorKind(value: string): value is EssActorKind {
  return (ESS_ACTOR_KINDS as readonly string[]).includes(value);
}
