import type { PickupChoice } from "~/domain/distributions/pickup-choice";
import { orderingState, type OrderingState } from "~/domain/distributions/ordering-window";

/**
 * What the home page shows (issue 10), pure: the pickup points grouped by commune for the chooser
 * (each with its next distribution), the search that narrows them, and the place a resident chose
 * with its next distributions.
 */

export type PlaceDistribution = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  opensAt: Date;
  cutoffAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  offerCount: number;
};

/** A pickup point with its distributions that have not ended, soonest first (list-pickup-places.server.ts). */
export type PickupPlace = {
  id: string;
  name: string;
  address: string;
  lat: number;
  lon: number;
  communeInsee: string;
  commune: string;
  postalCode: string;
  distributions: PlaceDistribution[];
};

export type DistributionSummary = { id: string; startsAt: Date; endsAt: Date; opensAt: Date; cutoffAt: Date; state: OrderingState; offerCount: number };

export type PointSummary = {
  id: string;
  name: string;
  address: string;
  commune: string;
  communeInsee: string;
  lat: number;
  lon: number;
  /** The next distribution one can still come to (a cancelled date is skipped); null: none planned. */
  next: DistributionSummary | null;
};

export type CommuneGroup = { insee: string; name: string; postalCode: string; points: PointSummary[] };

/** How many dates the chosen place shows: the coming month at a weekly point, without a wall of dates. */
export const CHOSEN_PLACE_DATES = 6;

function summary(distribution: PlaceDistribution, now: Date): DistributionSummary {
  const { status, ...rest } = distribution;
  return { ...rest, state: orderingState(distribution, now) };
}

function pointSummary(place: PickupPlace, now: Date): PointSummary {
  const next = place.distributions.find((distribution) => distribution.status !== "CANCELLED");
  return {
    id: place.id,
    name: place.name,
    address: place.address,
    commune: place.commune,
    communeInsee: place.communeInsee,
    lat: place.lat,
    lon: place.lon,
    next: next ? summary(next, now) : null,
  };
}

const collator = new Intl.Collator("fr", { sensitivity: "base" });

/** The chooser's list: communes in alphabetical order, their points by name. */
export function groupByCommune(places: readonly PickupPlace[], now: Date): CommuneGroup[] {
  const groups = new Map<string, CommuneGroup>();
  for (const place of places) {
    const group = groups.get(place.communeInsee) ?? { insee: place.communeInsee, name: place.commune, postalCode: place.postalCode, points: [] };
    group.points.push(pointSummary(place, now));
    groups.set(place.communeInsee, group);
  }
  const sorted = [...groups.values()].sort((a, b) => collator.compare(a.name, b.name));
  for (const group of sorted) group.points.sort((a, b) => collator.compare(a.name, b.name));
  return sorted;
}

/** "Arques la bataille" finds « Arques-la-Bataille »: no accents, no case, hyphens and apostrophes as spaces. */
export function searchable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[-'’.,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The communes and points a search names: a commune found by its name or postcode keeps all its
 * points; otherwise the points found by their name or address. An empty search keeps everything.
 */
export function filterGroups(groups: readonly CommuneGroup[], query: string): CommuneGroup[] {
  const wanted = searchable(query);
  if (wanted === "") return [...groups];
  const found: CommuneGroup[] = [];
  for (const group of groups) {
    if (searchable(`${group.name} ${group.postalCode}`).includes(wanted)) {
      found.push(group);
      continue;
    }
    const points = group.points.filter((point) => searchable(`${point.name} ${point.address}`).includes(wanted));
    if (points.length > 0) found.push({ ...group, points });
  }
  return found;
}

export type ChosenPlace = {
  choice: PickupChoice;
  /** The point's name, or the commune's. */
  name: string;
  commune: string;
  points: Array<{ id: string; name: string; address: string; commune: string }>;
  /** The next dates there, soonest first (several points of a commune merged), cancelled ones said so. */
  distributions: Array<DistributionSummary & { pointName: string }>;
};

/** The place a choice names, with its next dates; null when it names nothing any more (a point removed). */
export function chosenPlace(places: readonly PickupPlace[], choice: PickupChoice | null, now: Date): ChosenPlace | null {
  if (!choice) return null;
  const matching = places.filter((place) => (choice.kind === "point" ? place.id === choice.pointId : place.communeInsee === choice.communeInsee));
  const first = matching[0];
  if (!first) return null;
  const distributions = matching
    .flatMap((place) => place.distributions.map((distribution) => ({ ...summary(distribution, now), pointName: place.name })))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || collator.compare(a.pointName, b.pointName))
    .slice(0, CHOSEN_PLACE_DATES);
  return {
    choice,
    name: choice.kind === "point" ? first.name : first.commune,
    commune: first.commune,
    points: matching.map((place) => ({ id: place.id, name: place.name, address: place.address, commune: place.commune })),
    distributions,
  };
}
