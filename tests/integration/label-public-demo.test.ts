// The demo in a database of this file's own (seedDemo only loads into an EMPTY one).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { seedDemo } from "~/demo/seed.server";
import { badgeAt } from "~/domain/label/label-badge";
import { publicStatusAt } from "~/domain/label/public-label";
import { parisDateTime } from "~/domain/time/paris";
import { PrismaClient } from "~/generated/prisma/client";
import { migrate } from "~/infra/migrate.server";
import { createFreshDatabase, type FreshDatabase } from "../setup/fresh-database";

const NOW = parisDateTime("2027-03-24", "10:00");
const DAY = 86_400_000;

let prisma: PrismaClient;
let database: FreshDatabase | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-label-demo-"));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

beforeAll(async () => {
  database = await createFreshDatabase("label_public_demo");
  await migrate(database.url);
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  expect((await seedDemo(prisma, { now: NOW })).created).toBe(true);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

test("a newcomer sees every state of the label in the demo: valid, expiring within the month, expired, suspended, and an application waiting", async () => {
  const labels = await prisma.label.findMany({ select: { status: true, number: true, validFrom: true, validUntil: true, product: { select: { name: true } }, events: { select: { kind: true } } } });
  const byName = new Map(labels.map((label) => [label.product.name, label]));
  const stateOf = (name: string) => {
    const label = byName.get(name);
    if (!label) throw new Error(`no demo label for ${name}`);
    return { status: publicStatusAt(label.status, label.validUntil, NOW), // The catalogue carries granted labels only (list-offers.server.ts), then decides at its instant.
    badge: label.status === "GRANTED" && label.number && label.validFrom && label.validUntil ? badgeAt({ number: label.number, validFrom: label.validFrom, validUntil: label.validUntil }, NOW) : null, label };
  };

  expect(stateOf("Cidre brut fermier (75 cl)")).toMatchObject({ status: "GRANTED", badge: expect.stringMatching(/^DM-\d{4}-\d{4}$/) });
  expect(stateOf("Sole commune").status).toBe("GRANTED");
  const expiring = stateOf("Carottes");
  expect(expiring.status).toBe("GRANTED");
  expect(expiring.label.validUntil!.getTime() - NOW.getTime()).toBeLessThan(30 * DAY);
  expect(stateOf("Beurre doux de baratte (250 g)")).toMatchObject({ status: "EXPIRED", badge: null });
  expect(stateOf("Œufs de plein air (la douzaine)")).toMatchObject({ status: "SUSPENDED", badge: null });
  expect(stateOf("Poiré fermier (75 cl)")).toMatchObject({ status: null, badge: null, label: { status: "PENDING", number: null } });
  // Every label has its audit trail, from the application on.
  for (const label of labels) expect(label.events.map((event) => event.kind)).toContain("APPLIED");

  // The counters stand after the demo's numbers: the next real grant takes a new number.
  const counters = await prisma.labelNumberCounter.findMany();
  for (const label of labels) {
    if (!label.number) continue;
    const [, year, sequence] = /^DM-(\d{4})-(\d{4})$/.exec(label.number)!;
    expect(counters.find((counter) => counter.year === Number(year))?.lastSequence).toBeGreaterThanOrEqual(Number(sequence));
  }
});
