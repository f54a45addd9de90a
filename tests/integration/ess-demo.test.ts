import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { seedDemo } from "~/demo/seed.server";
import { ESS_ACTOR_KINDS } from "~/domain/ess/ess-actor-kinds";
import { EVENT_KINDS } from "~/domain/ess/event-kinds";
import { searchKey } from "~/domain/ess/search-key";
import { withinTerritory } from "~/domain/organisations/territory";
import { formatParis, parisDateTime } from "~/domain/time/paris";
import { PrismaClient } from "~/generated/prisma/client";
import { migrate } from "~/infra/migrate.server";
import { createFreshDatabase, type FreshDatabase } from "../setup/fresh-database";

/** The demo territory shows every state of the guide's other actors and of the agenda (issue 12). */

const NOW = parisDateTime("2027-03-24", "10:00");
let prisma: PrismaClient;
let database: FreshDatabase | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), "terre-et-mer-ess-demo-"));
process.env.DATA_DIR = dataDir;

beforeAll(async () => {
  database = await createFreshDatabase("ess_demo");
  await migrate(database.url);
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  await seedDemo(prisma, { now: NOW });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("ESS actors of every kind, placed inside the territory and searchable, one left unpublished for the admin", async () => {
  const actors = await prisma.essActor.findMany();
  for (const kind of ESS_ACTOR_KINDS) expect(actors.filter((actor) => actor.kind === kind && actor.published).length, kind).toBeGreaterThanOrEqual(1);
  expect(actors.filter((actor) => !actor.published)).toHaveLength(1);
  for (const actor of actors) {
    expect(withinTerritory(actor.lat, actor.lon), actor.name).toBe(true);
    expect(actor.searchKey).toBe(searchKey(actor.name, actor.offer));
    expect(actor.contactEmail ?? actor.contactPhone ?? actor.website, actor.name).toBeTruthy();
  }
});

test("coming events of every kind, in Paris time, each held by a verified organisation or a published actor", async () => {
  const events = await prisma.event.findMany({ include: { organisation: true, essActor: true }, orderBy: { startsAt: "asc" } });
  for (const kind of EVENT_KINDS) expect(events.some((event) => event.kind === kind), kind).toBe(true);
  for (const event of events) {
    expect(event.startsAt.getTime(), event.title).toBeGreaterThan(NOW.getTime());
    expect(event.organisation?.verifiedAt ?? (event.essActor?.published ? true : null), event.title).toBeTruthy();
    expect(withinTerritory(event.lat, event.lon), event.title).toBe(true);
  }
  // The forum opens at 09:30 Paris time, whichever side of the spring change it falls on.
  const forum = events.find((event) => event.kind === "ESS_FORUM")!;
  expect(formatParis(forum.startsAt, "fr", "HH:mm")).toBe("09:30");
});
