import { expect, test } from "vitest";
import { pickupEventDescription, pickupEventIcs } from "~/domain/ordering/order-calendar";
import { pickupDirections } from "~/domain/ordering/pickup-directions";

/** What a calendar application reads: lines unfolded, then NAME → raw value. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n").filter((line) => line !== "");
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, character: string) => (character === "n" || character === "N" ? "\n" : character));
}

const event = {
  orderId: "4f1c2a9e-0000-4000-8000-000000000001",
  startsAt: new Date("2026-07-03T15:30:00Z"),
  endsAt: new Date("2026-07-03T16:00:00Z"),
  stamp: new Date("2026-06-30T08:00:00.123Z"),
  summary: "Retrait Terre & Mer — Quai Henri IV, côté marée",
  location: "Quai Henri IV, 76200 Dieppe",
  description: "2 × Poireaux; bio\n1 × Bar de ligne\nÀ payer au retrait : 32,50 €",
  url: "http://localhost:3000/commandes/4f1c2a9e-0000-4000-8000-000000000001",
  geo: { lat: 49.926, lon: 1.08 },
};

test("times are written in UTC with Z: the calendar shows them at Paris time whatever the season", () => {
  const lines = unfold(pickupEventIcs(event));
  expect(lines).toContain("DTSTART:20260703T153000Z");
  expect(lines).toContain("DTEND:20260703T160000Z");
  expect(lines).toContain("DTSTAMP:20260630T080000Z");
  expect(lines).toContain("UID:order-4f1c2a9e-0000-4000-8000-000000000001@terre-et-mer");
  expect(lines).toContain("GEO:49.926;1.08");
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.at(-1)).toBe("END:VCALENDAR");
});

test("commas, semicolons, backslashes and newlines in a text are escaped and read back as written", () => {
  const lines = unfold(pickupEventIcs(event));
  const summary = lines.find((line) => line.startsWith("SUMMARY:")) ?? "";
  expect(summary).toBe("SUMMARY:Retrait Terre & Mer — Quai Henri IV\\, côté marée");
  const description = lines.find((line) => line.startsWith("DESCRIPTION:")) ?? "";
  expect(unescapeText(description.slice("DESCRIPTION:".length))).toBe(event.description);
});

test("long lines are folded at 75 octets without cutting a character in two, and unfold to the original", () => {
  const long = "Éé€ poisson ".repeat(30).trim();
  const ics = pickupEventIcs({ ...event, description: long });
  const physical = ics.split("\r\n").filter((line) => line !== "");
  for (const line of physical) {
    expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // Every piece is valid UTF-8 on its own: no character split across the fold.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(line))).not.toThrow();
  }
  const description = unfold(ics).find((line) => line.startsWith("DESCRIPTION:")) ?? "";
  expect(physical.length).toBeGreaterThan(unfold(ics).length);
  expect(unescapeText(description.slice("DESCRIPTION:".length))).toBe(long);
  expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
});

test("a cancelled order's event says so, with the same UID so calendars update it", () => {
  const lines = unfold(pickupEventIcs({ ...event, cancelled: true }));
  expect(lines).toContain("STATUS:CANCELLED");
  expect(lines).toContain("UID:order-4f1c2a9e-0000-4000-8000-000000000001@terre-et-mer");
});

test("directions: OpenStreetMap's directions to the point and a geo: link for phones", () => {
  expect(pickupDirections({ lat: 49.926, lon: 1.08 })).toEqual({
    openStreetMap: "https://www.openstreetmap.org/directions?to=49.926%2C1.08",
    geo: "geo:49.926,1.08",
  });
});

test("the event's description: the order, its lines, then « up to » the cap while a line awaits weighing, else what is left to pay", () => {
  const order = { number: 42, lines: [{ quantity: 2, productName: "Poireaux", unitPriceCents: 1478, variableWeight: true, capCents: 3250, finalCents: null }], awaitingWeighing: false, amountDueCents: 2956, leftToPayCents: 1250 };
  const settled = pickupEventDescription(order, "fr").split("\n");
  expect(settled).toHaveLength(3);
  expect(settled[0]).toContain("42");
  expect(settled[1]).toContain("Poireaux");
  expect(settled[2]).toContain("12,50");
  const weighing = pickupEventDescription({ ...order, awaitingWeighing: true }, "fr").split("\n");
  expect(weighing[2]).toContain("32,50");
  expect(weighing[2]).not.toBe((settled[2] ?? "").replace("12,50", "32,50"));
});

test("while a fish awaits the scale, « at most » is the caps agreed at order, not the estimate", () => {
  const leeks = { quantity: 2, productName: "Poireaux", unitPriceCents: 250, variableWeight: false, capCents: null, finalCents: null };
  const bass = { quantity: 1, productName: "Bar de ligne", unitPriceCents: 1615, variableWeight: true, capCents: 1777, finalCents: null };
  const order = { number: 7, lines: [leeks, bass], awaitingWeighing: true, amountDueCents: 2115, leftToPayCents: 2115 };
  const money = pickupEventDescription(order, "fr").split("\n").at(-1) ?? "";
  // 2 × 2,50 € of leeks, and the sea bass at most at its cap (its estimate plus the tolerance).
  expect(money).toContain("22,77");
  expect(money).not.toContain("21,15");
});
