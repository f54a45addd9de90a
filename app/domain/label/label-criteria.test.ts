import { describe, expect, test } from "vitest";
import criteriaJson from "~/config/label-criteria.json";
import { communes } from "~/domain/reference/reference-data";
import {
  LABEL_CRITERIA,
  assessEvidence,
  greatCircleKm,
  isReminderDue,
  isWithinTerritory,
  labelNumber,
  labelStatusAt,
  localShare,
  meetsLocalShare,
  nearestCommune,
  normaliseLabelNumber,
  parseLabelCriteria,
  publicLabelStatusAt,
  validityEnd,
  whatIsMissing,
  type LabelEvidence,
  type LabelIngredient,
} from "./label-criteria";

const KM_PER_DEGREE_OF_LATITUDE = (6371.0088 * Math.PI) / 180;
/** The territory's northernmost commune: a point due north of it has it as nearest commune. */
const northernmost = [...communes].sort((a, b) => b.lat - a.lat)[0]!;
function kmNorthOfTerritory(km: number) {
  return { lat: northernmost.lat + km / KM_PER_DEGREE_OF_LATITUDE, lon: northernmost.lon };
}

describe("the configuration", () => {
  test("holds the product reference's numbers: 40 km, 50 %, the three ports, 27.7.d and 27.4.c, one year, 30 days", () => {
    expect(LABEL_CRITERIA.maxDistanceKm).toBe(40);
    expect(LABEL_CRITERIA.minLocalSharePercent).toBe(50);
    expect(LABEL_CRITERIA.ports.map((port) => port.name)).toEqual(["Dieppe", "Le Tréport", "Saint-Valery-en-Caux"]);
    expect(LABEL_CRITERIA.faoAreas).toEqual(["27.7.d", "27.4.c"]);
    expect(LABEL_CRITERIA.validityYears).toBe(1);
    expect(LABEL_CRITERIA.reminderDaysBeforeExpiry).toBe(30);
  });

  test("a configuration naming an unknown FAO area or a negative distance is refused when loaded", () => {
    expect(() => parseLabelCriteria({ ...criteriaJson, faoAreas: ["27.9.z"] })).toThrow(/27\.9\.z/);
    expect(() => parseLabelCriteria({ ...criteriaJson, maxDistanceKm: -1 })).toThrow();
  });

  test("the numbers are read from the configuration, not from the code: 10 km makes a 20 km farm too far", () => {
    const strict = parseLabelCriteria({ ...criteriaJson, maxDistanceKm: 10 });
    expect(isWithinTerritory(kmNorthOfTerritory(20))).toBe(true);
    expect(isWithinTerritory(kmNorthOfTerritory(20), strict)).toBe(false);
  });
});

describe("distance to the nearest commune", () => {
  test("great-circle: Dieppe to Le Tréport is about 26 km", () => {
    expect(greatCircleKm({ lat: 49.9223, lon: 1.0781 }, { lat: 50.0605, lon: 1.3735 })).toBeGreaterThan(25);
    expect(greatCircleKm({ lat: 49.9223, lon: 1.0781 }, { lat: 50.0605, lon: 1.3735 })).toBeLessThan(27);
  });

  test("a place inside the territory is 0 km from its own commune", () => {
    const dieppe = communes.find((commune) => commune.inseeCode === "76217")!;
    expect(nearestCommune(dieppe)).toMatchObject({ name: "Dieppe", km: 0 });
  });

  test("39.999 km from the nearest commune is within, 40.001 km is not", () => {
    expect(nearestCommune(kmNorthOfTerritory(39.999)).km).toBeCloseTo(39.999, 6);
    expect(isWithinTerritory(kmNorthOfTerritory(39.999))).toBe(true);
    expect(isWithinTerritory(kmNorthOfTerritory(40.001))).toBe(false);
  });

  test("the NEAREST commune counts, not the seat: 38 km west of Sainte-Marguerite-sur-Mer (47 km from Dieppe) is within", () => {
    const westernmost = [...communes].sort((x, y) => x.lon - y.lon)[0]!;
    const place = { lat: westernmost.lat, lon: westernmost.lon - 38 / (KM_PER_DEGREE_OF_LATITUDE * Math.cos((westernmost.lat * Math.PI) / 180)) };
    const dieppe = communes.find((commune) => commune.inseeCode === "76217")!;
    expect(greatCircleKm(place, dieppe)).toBeGreaterThan(40);
    expect(nearestCommune(place).name).toBe("Sainte-Marguerite-sur-Mer");
    expect(isWithinTerritory(place)).toBe(true);
  });
});

const ingredient = (name: string, grams: number, local: boolean, kind: LabelIngredient["kind"] = "INGREDIENT"): LabelIngredient => {
  const position = local ? kmNorthOfTerritory(5) : kmNorthOfTerritory(300);
  return { name, grams, kind, lat: position.lat, lon: position.lon };
};

describe("local share by weight, water and salt not counted", () => {
  test("exactly 50 % local meets the share, 49.9 % does not", () => {
    const half = localShare([ingredient("pommes", 500, true), ingredient("sucre", 500, false)])!;
    expect(half.percent).toBe(50);
    expect(meetsLocalShare(half)).toBe(true);
    const under = localShare([ingredient("pommes", 499, true), ingredient("sucre", 501, false)])!;
    expect(meetsLocalShare(under)).toBe(false);
  });

  test("water and salt are left out: 500 g local, 400 g not, 1 kg of water and 100 g of salt is 55.6 %", () => {
    const share = localShare([ingredient("poisson", 500, true), ingredient("légumes", 400, false), ingredient("eau", 1000, false, "WATER"), ingredient("sel", 100, false, "SALT")])!;
    expect(share.countedGrams).toBe(900);
    expect(share.percent).toBeCloseTo(55.56, 2);
    expect(meetsLocalShare(share)).toBe(true);
  });

  test("local water does not lift a share: 400 g local, 500 g not, 2 kg of local water stays 44 %", () => {
    const share = localShare([ingredient("poisson", 400, true), ingredient("légumes", 500, false), ingredient("eau", 2000, true, "WATER")])!;
    expect(share.percent).toBeCloseTo(44.44, 2);
    expect(meetsLocalShare(share)).toBe(false);
  });

  test("an ingredient without an origin position is not local; only water and salt: nothing to count", () => {
    expect(localShare([{ name: "farine", grams: 100, kind: "INGREDIENT", lat: null, lon: null }])!.percent).toBe(0);
    expect(localShare([ingredient("eau", 100, true, "WATER"), ingredient("sel", 10, true, "SALT")])).toBeNull();
  });
});

const farm: LabelEvidence = {
  productClass: "FARM",
  placeName: "Ferme du Val",
  place: kmNorthOfTerritory(0.5),
  landingPort: null,
  faoArea: null,
  ingredients: [],
  declaredLocalSharePercent: null,
  lotTraceability: true,
  documentCount: 1,
};

describe("an application's evidence", () => {
  test("a farm 12 km out, with its lot traceability and a document, may be sent and shows its distance", () => {
    const assessment = assessEvidence({ ...farm, place: kmNorthOfTerritory(12) });
    expect(assessment.distance?.km).toBeCloseTo(12, 6);
    expect(assessment.missing).toEqual([]);
    expect(assessment.sendable).toBe(true);
  });

  test("a farm 40.001 km out is measured as too far and cannot be sent", () => {
    const assessment = assessEvidence({ ...farm, place: kmNorthOfTerritory(40.001) });
    expect(assessment.checks).toMatchObject([{ code: "place_within", met: false }]);
    expect(assessment.sendable).toBe(false);
  });

  test("what is missing is named: the place, the lot traceability, a document", () => {
    expect(whatIsMissing({ ...farm, place: null, lotTraceability: false, documentCount: 0 })).toEqual(["place", "lot_traceability", "document"]);
  });

  test("sea products: landed at Le Tréport in 27.4.c is met; 27.7.e is not; a port outside the list is missing", () => {
    const sea: LabelEvidence = { ...farm, productClass: "SEA_CAUGHT", place: null, landingPort: "LE_TREPORT", faoArea: "27.4.c" };
    expect(assessEvidence(sea).sendable).toBe(true);
    expect(assessEvidence(sea).checks.map((check) => [check.code, check.met])).toEqual([["port_within", true], ["fao_area", true]]);
    expect(assessEvidence({ ...sea, faoArea: "27.7.e" }).checks).toContainEqual({ code: "fao_area", met: false, area: "27.7.e" });
    expect(whatIsMissing({ ...sea, landingPort: "BOULOGNE", faoArea: null })).toEqual(["landing_port", "fao_area"]);
  });

  test("a configured port beyond the distance is not met: the port's own distance is checked", () => {
    const farPort = parseLabelCriteria({ ...criteriaJson, ports: [{ code: "FAR", name: "Far", ...kmNorthOfTerritory(40.001) }] });
    const near = parseLabelCriteria({ ...criteriaJson, ports: [{ code: "FAR", name: "Far", ...kmNorthOfTerritory(39.999) }] });
    const sea: LabelEvidence = { ...farm, productClass: "SEA_CAUGHT", place: null, landingPort: "FAR", faoArea: "27.7.d" };
    expect(assessEvidence(sea, farPort).sendable).toBe(false);
    expect(assessEvidence(sea, near).sendable).toBe(true);
  });

  test("farmed shellfish: the site's distance counts, both sides of 40 km", () => {
    expect(assessEvidence({ ...farm, productClass: "SHELLFISH_FARMED", place: kmNorthOfTerritory(39.999) }).sendable).toBe(true);
    expect(assessEvidence({ ...farm, productClass: "SHELLFISH_FARMED", place: kmNorthOfTerritory(40.001) }).sendable).toBe(false);
  });

  test("processed food: made within the distance and 50 % local by weight, from the ingredients or a declared share", () => {
    const cider: LabelEvidence = { ...farm, productClass: "PROCESSED", ingredients: [ingredient("pommes", 950, true), ingredient("sucre", 50, false), ingredient("eau", 500, false, "WATER")] };
    expect(assessEvidence(cider).sendable).toBe(true);
    expect(assessEvidence({ ...cider, ingredients: [ingredient("pommes", 49, true), ingredient("sucre", 51, false)] }).sendable).toBe(false);
    expect(whatIsMissing({ ...cider, ingredients: [] })).toEqual(["ingredients"]);
    expect(assessEvidence({ ...cider, ingredients: [], declaredLocalSharePercent: 50 }).sendable).toBe(true);
    expect(assessEvidence({ ...cider, ingredients: [], declaredLocalSharePercent: 49 }).sendable).toBe(false);
  });
});

describe("status as a fact of time", () => {
  const end = new Date("2027-06-01T10:00:00.000Z");
  test("granted one millisecond before its end, expired at the instant and after", () => {
    expect(labelStatusAt({ status: "GRANTED", validUntil: end }, new Date(end.getTime() - 1))).toBe("GRANTED");
    expect(labelStatusAt({ status: "GRANTED", validUntil: end }, end)).toBe("EXPIRED");
    expect(labelStatusAt({ status: "GRANTED", validUntil: end }, new Date(end.getTime() + 1))).toBe("EXPIRED");
  });

  test("a suspended label also expires; revoked, refused and pending stay what they are", () => {
    const after = new Date(end.getTime() + 1);
    expect(labelStatusAt({ status: "SUSPENDED", validUntil: end }, after)).toBe("EXPIRED");
    expect(labelStatusAt({ status: "REVOKED", validUntil: end }, after)).toBe("REVOKED");
    expect(labelStatusAt({ status: "REFUSED", validUntil: null }, after)).toBe("REFUSED");
    expect(labelStatusAt({ status: "PENDING", validUntil: null }, after)).toBe("PENDING");
  });

  test("publicly, a numbered label applied for again or refused after its end still reads expired", () => {
    const after = new Date(end.getTime() + 1);
    expect(publicLabelStatusAt({ status: "PENDING", validUntil: end }, after)).toBe("EXPIRED");
    expect(publicLabelStatusAt({ status: "REFUSED", validUntil: end }, after)).toBe("EXPIRED");
    expect(publicLabelStatusAt({ status: "GRANTED", validUntil: end }, new Date(end.getTime() - 1))).toBe("GRANTED");
    expect(publicLabelStatusAt({ status: "REVOKED", validUntil: end }, after)).toBe("REVOKED");
  });

  test("one year of validity, 29 February to 1 March", () => {
    expect(validityEnd(new Date("2026-12-06T12:00:00.000Z")).toISOString()).toBe("2027-12-06T12:00:00.000Z");
    expect(validityEnd(new Date("2028-02-29T12:00:00.000Z")).toISOString()).toBe("2029-03-01T12:00:00.000Z");
  });

  test("the reminder is due from 30 days before the end, once per end, not after a renewal was sent", () => {
    const label = { status: "GRANTED" as const, validUntil: end, remindedFor: null, renewalRequestedAt: null };
    const from = new Date(end.getTime() - 30 * 24 * 3600 * 1000);
    expect(isReminderDue(label, new Date(from.getTime() - 1))).toBe(false);
    expect(isReminderDue(label, from)).toBe(true);
    expect(isReminderDue({ ...label, remindedFor: end }, from)).toBe(false);
    expect(isReminderDue({ ...label, remindedFor: new Date(end.getTime() - 365 * 24 * 3600 * 1000) }, from)).toBe(true);
    expect(isReminderDue({ ...label, renewalRequestedAt: from }, from)).toBe(false);
    expect(isReminderDue(label, end)).toBe(false);
  });
});

describe("label numbers", () => {
  test("DM-<year>-<4 digits>, read back however typed", () => {
    expect(labelNumber(2026, 7)).toBe("DM-2026-0007");
    expect(() => labelNumber(2026, 10000)).toThrow();
    expect(normaliseLabelNumber(" dm-2026-0007 ")).toBe("DM-2026-0007");
    expect(normaliseLabelNumber("DM-2026-7")).toBeNull();
  });
});
