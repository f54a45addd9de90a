/** The instants of a coming distribution that a directory page shows. */
type Instants = { startsAt: Date; endsAt: Date; cutoffAt: Date };

/** A coming distribution as PostgreSQL's json_agg hands it back: its instants are ISO strings. */
export type DistributionAsRead<Distribution extends Instants> = Omit<Distribution, keyof Instants> & { [Key in keyof Instants]: string };

/**
 * The coming distributions of a directory page (a producer's profile, a pickup point's page), read
 * as JSON in the page's one statement, with their instants back as dates.
 */
export function withInstants<Distribution extends DistributionAsRead<Instants>>(distributions: readonly Distribution[]): Array<Omit<Distribution, keyof Instants> & Instants> {
  return distributions.map((distribution) => ({
    ...distribution,
    startsAt: new Date(distribution.startsAt),
    endsAt: new Date(distribution.endsAt),
    cutoffAt: new Date(distribution.cutoffAt),
  }));
}
