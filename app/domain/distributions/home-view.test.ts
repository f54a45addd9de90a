import { expect, test } from "vitest";
import { chosenPlace, filterGroups, groupByCommune, type PickupPlace, type PlaceDistribution } from "~/domain/distributions/home-view";

const DAY = 24 * 3600_000;
const now = new Date("2026-12-07T10:00:00Z");

function date(days: number, status: PlaceDistribution["status"] = "SCHEDULED", id = `d${days}`): PlaceDistribution {
  const startsAt = new Date(now.getTime() + days * DAY);
  return { id, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), opensAt: new Date(now.getTime() - DAY), cutoffAt: new Date(startsAt.getTime() - DAY / 2), status, offerCount: 12 };
}

function place(id: string, name: string, commune: string, insee: string, distributions: PlaceDistribution[], address = "Place"): PickupPlace {
  return { id, name, address, lat: 49.9, lon: 1.1, communeInsee: insee, commune, postalCode: insee === "76217" ? "76200" : "76550", distributions };
}

const quay = place("quay", "Quai Henri IV", "Dieppe", "76217", [date(4, "CANCELLED", "q1"), date(11, "SCHEDULED", "q2")], "Quai Henri IV");
const pollet = place("pollet", "Épicerie du Pollet", "Dieppe", "76217", [date(2, "SCHEDULED", "p1"), date(9, "SCHEDULED", "p2")], "Grande Rue du Pollet");
const amap = place("amap", "AMAP de la Scie", "Offranville", "76482", [date(1, "SCHEDULED", "a1")]);
const arques = place("arques", "Mairie — préau", "Arques-la-Bataille", "76026", []);

test("the chooser lists communes alphabetically, each point with its next date; a cancelled date is not the next one", () => {
  const groups = groupByCommune([quay, amap, pollet, arques], now);
  expect(groups.map((group) => group.name)).toEqual(["Arques-la-Bataille", "Dieppe", "Offranville"]);
  expect(groups[1]?.points.map((point) => [point.name, point.next?.id])).toEqual([
    ["Épicerie du Pollet", "p1"],
    ["Quai Henri IV", "q2"],
  ]);
  expect(groups[0]?.points[0]?.next).toBeNull();
  expect(groups[2]?.points[0]?.next?.state).toBe("open");
});

test("a search finds a commune without accents, case or hyphens, and keeps all its points", () => {
  const groups = groupByCommune([quay, amap, pollet, arques], now);
  expect(filterGroups(groups, "arques la bataille").map((group) => group.name)).toEqual(["Arques-la-Bataille"]);
  expect(filterGroups(groups, "DIEPPE")[0]?.points).toHaveLength(2);
  expect(filterGroups(groups, "76200").map((group) => group.name)).toEqual(["Dieppe"]);
});

test("a search finds a point by its name or address, within its commune only", () => {
  const groups = groupByCommune([quay, amap, pollet, arques], now);
  const found = filterGroups(groups, "epicerie");
  expect(found.map((group) => [group.name, group.points.map((point) => point.id)])).toEqual([["Dieppe", ["pollet"]]]);
  expect(filterGroups(groups, "grande rue")[0]?.points.map((point) => point.id)).toEqual(["pollet"]);
  expect(filterGroups(groups, "Rouen")).toEqual([]);
  expect(filterGroups(groups, "  ")).toHaveLength(3);
});

test("a chosen point shows its own dates, the cancelled one said so", () => {
  const chosen = chosenPlace([quay, pollet, amap], { kind: "point", pointId: "quay" }, now);
  expect(chosen?.name).toBe("Quai Henri IV");
  expect(chosen?.distributions.map((distribution) => [distribution.id, distribution.state])).toEqual([
    ["q1", "distribution_cancelled"],
    ["q2", "open"],
  ]);
});

test("a chosen commune merges its points' dates, soonest first, each saying where", () => {
  const chosen = chosenPlace([quay, pollet, amap], { kind: "commune", communeInsee: "76217" }, now);
  expect(chosen?.name).toBe("Dieppe");
  expect(chosen?.points.map((point) => point.id)).toEqual(["quay", "pollet"]);
  expect(chosen?.distributions.map((distribution) => [distribution.id, distribution.pointName])).toEqual([
    ["p1", "Épicerie du Pollet"],
    ["q1", "Quai Henri IV"],
    ["p2", "Épicerie du Pollet"],
    ["q2", "Quai Henri IV"],
  ]);
});

test("a chosen place shows at most six dates, and a choice that names nothing any more is no choice", () => {
  const weekly = place("weekly", "Marché", "Dieppe", "76217", Array.from({ length: 10 }, (_, index) => date(index + 1)));
  expect(chosenPlace([weekly], { kind: "point", pointId: "weekly" }, now)?.distributions).toHaveLength(6);
  expect(chosenPlace([weekly], { kind: "point", pointId: "gone" }, now)).toBeNull();
  expect(chosenPlace([weekly], { kind: "commune", communeInsee: "76482" }, now)).toBeNull();
  expect(chosenPlace([weekly], null, now)).toBeNull();
});
