import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, statementsIssued } from "~/db.server";
import { eventWhen } from "~/domain/ess/agenda-view";
import { listAgenda } from "~/domain/ess/list-agenda.server";
import { upcomingEventCards } from "~/domain/ess/upcoming-event-cards.server";
import AgendaEventPage, { loader as eventLoader } from "~/routes/agenda.$id";
import { loader as eventIcsLoader } from "~/routes/agenda.$id[.]ics";
import AgendaPage, { loader as agendaLoader } from "~/routes/agenda._index";
import { loader as feedLoader } from "~/routes/agenda[.]ics";
import { createProducer, ensureCommune } from "../factories";
import { expectWellFormed, renderPage, unlabelledFields, type PageRoute, readableText } from "../render-page";
import { get, thrownResponse } from "../route-requests";

/**
 * The public agenda (issue 12): events of public actors only, not over yet, soonest first, in Paris
 * time across DST; filters in the URL; an iCalendar feed and a file per event with stable UIDs and
 * UTC times; a fixed number of statements whatever the number of events.
 */

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const pages: PageRoute[] = [
  { path: "agenda", loader: agendaLoader, Component: AgendaPage },
  { path: "agenda/:id", loader: eventLoader, Component: AgendaEventPage },
];

async function essActor(published: boolean) {
  const communeInsee = await ensureCommune();
  const id = randomUUID();
  await db().essActor.create({ data: { id, slug: `acteur-${id}`, name: `Jardin ${id.slice(0, 6)}`, kind: "COMMUNITY_GARDEN", communeInsee, lat: 49.92, lon: 1.07, published } });
  return id;
}

async function event(holder: { organisationId: string } | { essActorId: string }, fields: { title: string; startsAt: Date; endsAt: Date; kind?: "FARM_VISIT" | "BOAT_VISIT" | "ESS_FORUM"; communeInsee?: string }) {
  const communeInsee = fields.communeInsee ?? (await ensureCommune());
  const id = randomUUID();
  await db().event.create({
    data: {
      id,
      title: fields.title,
      kind: fields.kind ?? "FARM_VISIT",
      startsAt: fields.startsAt,
      endsAt: fields.endsAt,
      placeName: "Ferme du Vieux Puits, côté verger",
      address: "2 chemin des Pommiers",
      communeInsee,
      lat: 49.9,
      lon: 1.1,
      registrationText: "Sur réservation",
      ...holder,
    },
  });
  return id;
}


/** Each VEVENT of a calendar: lines unfolded, NAME → value with TEXT escapes undone. */
function vevents(text: string): Array<Map<string, string>> {
  const events: Array<Map<string, string>> = [];
  let current: Map<string, string> | null = null;
  for (const line of text.replace(/\r\n[ \t]/g, "").split("\r\n")) {
    if (line === "BEGIN:VEVENT") current = new Map();
    else if (line === "END:VEVENT" && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).split(";")[0]!;
      current.set(name, line.slice(colon + 1).replace(/\\([\\;,nN])/g, (_, character: string) => (character.toLowerCase() === "n" ? "\n" : character)));
    }
  }
  return events;
}

const utc = (instant: Date) => instant.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");

describe("the agenda", () => {
  it("lists what is not over yet, soonest first, at its Paris time on both sides of the spring change; never a hidden actor's event", async () => {
    const farm = await createProducer({ name: "Ferme du Vieux Puits" });
    const unverified = await createProducer({ verified: false });
    const hiddenActor = await essActor(false);
    const shownActor = await essActor(true);
    const now = new Date("2031-03-25T12:00:00Z");
    const past = await event({ organisationId: farm.id }, { title: "Passée", startsAt: new Date("2031-03-24T09:00:00Z"), endsAt: new Date("2031-03-24T11:00:00Z") });
    // 10:00 in Paris: UTC+1 on Saturday 29 March 2031, UTC+2 from Sunday 30 March.
    const sunday = await event({ organisationId: farm.id }, { title: "Dimanche", startsAt: new Date("2031-03-30T08:00:00Z"), endsAt: new Date("2031-03-30T10:00:00Z") });
    const saturday = await event({ essActorId: shownActor }, { title: "Samedi", startsAt: new Date("2031-03-29T09:00:00Z"), endsAt: new Date("2031-03-29T11:00:00Z") });
    const ongoing = await event({ organisationId: farm.id }, { title: "En cours", startsAt: new Date("2031-03-25T08:00:00Z"), endsAt: new Date("2031-03-25T18:00:00Z") });
    const ofUnverified = await event({ organisationId: unverified.id }, { title: "Non vérifié", startsAt: new Date("2031-03-28T09:00:00Z"), endsAt: new Date("2031-03-28T11:00:00Z") });
    const ofHidden = await event({ essActorId: hiddenActor }, { title: "Dépublié", startsAt: new Date("2031-03-28T09:00:00Z"), endsAt: new Date("2031-03-28T11:00:00Z") });
    const mine = new Set<string>([past, sunday, saturday, ongoing, ofUnverified, ofHidden]);

    const listed = (await listAgenda({ now, limit: 10_000 })).filter((row) => mine.has(row.id));
    expect(listed.map((row) => row.title)).toEqual(["En cours", "Samedi", "Dimanche"]);
    expect(listed.map((row) => eventWhen(row, "fr"))).toEqual([
      "mardi 25 mars 2031, de 09:00 à 19:00",
      "samedi 29 mars 2031, de 10:00 à 12:00",
      "dimanche 30 mars 2031, de 10:00 à 12:00",
    ]);
    expect(listed[2]).toMatchObject({ holderName: "Ferme du Vieux Puits", holderKind: "organisation" });

    // Neither a hidden actor's event nor an unknown id has a page.
    for (const id of [ofUnverified, ofHidden, randomUUID()]) {
      expect((await thrownResponse(eventLoader({ request: get(`/agenda/${id}`), params: { id }, context: {} }))).status).toBe(404);
      expect((await thrownResponse(eventIcsLoader({ request: get(`/agenda/${id}.ics`), params: { id }, context: {} }))).status).toBe(404);
    }
  });

  it("shows the page with its filters in the URL, labelled fields, and each event's page says where, who and how to register", async () => {
    const farm = await createProducer({ name: "Ferme des Falaises" });
    const visit = await event({ organisationId: farm.id }, { title: `Visite de la ferme ${randomUUID().slice(0, 6)}`, startsAt: new Date(Date.now() + 3 * DAY), endsAt: new Date(Date.now() + 3 * DAY + 2 * HOUR) });
    const boat = await event({ organisationId: farm.id }, { title: `Visite du chalutier ${randomUUID().slice(0, 6)}`, kind: "BOAT_VISIT", startsAt: new Date(Date.now() + 4 * DAY), endsAt: new Date(Date.now() + 4 * DAY + HOUR) });
    const over = await event({ organisationId: farm.id }, { title: `Déjà passée ${randomUUID().slice(0, 6)}`, startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - 2 * DAY + HOUR) });
    const titles = await db().event.findMany({ where: { id: { in: [visit, boat, over] } }, select: { id: true, title: true } });
    const title = (id: string) => titles.find((row) => row.id === id)!.title;

    const all = await renderPage(pages, "fr", "", "/agenda");
    expect(all.status).toBe(200);
    expectWellFormed(all.html, />[^<]*\b(agenda|essKind)\.[a-zA-Z]/);
    expect(unlabelledFields(all.html)).toEqual([]);
    const text = readableText(all.html);
    expect(text).toContain(title(visit));
    expect(text).toContain(title(boat));
    expect(text).not.toContain(title(over));
    expect(text.indexOf(title(visit))).toBeLessThan(text.indexOf(title(boat)));
    expect(all.html).toContain('href="/agenda.ics"');

    const filtered = readableText((await renderPage(pages, "fr", "", "/agenda?type=BOAT_VISIT&commune=76217")).html);
    expect(filtered).toContain(title(boat));
    expect(filtered).not.toContain(title(visit));
    expect(filtered).toContain("Tout afficher");

    const english = readableText((await renderPage(pages, "en", "", `/agenda/${visit}`)).html);
    expect(english).toContain("Farm visit");
    expect(english).toContain("Organised by Ferme des Falaises");
    expect(english).toContain("Sur réservation");
    const page = await renderPage(pages, "fr", "", `/agenda/${visit}`);
    expect(page.html).toContain(`href="/agenda/${visit}.ics"`);
    expect(page.html).toContain("openstreetmap.org/?mlat=49.9&amp;mlon=1.1");
    // A past event's shared link still answers, marked as past, without a calendar file to add.
    const pastPage = readableText((await renderPage(pages, "fr", "", `/agenda/${over}`)).html);
    expect(pastPage).toContain("Ce rendez-vous est passé.");
    expect(pastPage).not.toContain("Ajouter à mon agenda");
  });

  it("publishes an iCalendar feed and per-event files: UTC times, the same UID in both and from one download to the next", async () => {
    const farm = await createProducer();
    const startsAt = new Date(Date.now() + 10 * DAY);
    startsAt.setUTCMilliseconds(0);
    const id = await event({ organisationId: farm.id }, { title: "Portes ouvertes, cidrerie", startsAt, endsAt: new Date(startsAt.getTime() + 3 * HOUR) });
    const feed = await feedLoader();
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const first = await feed.text();
    expect(first.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(first.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(first).not.toContain("VTIMEZONE");
    const inFeed = vevents(first).find((entry) => entry.get("UID") === `event-${id}@terre-et-mer`);
    expect(inFeed?.get("DTSTART")).toBe(utc(startsAt));
    expect(inFeed?.get("DTEND")).toBe(utc(new Date(startsAt.getTime() + 3 * HOUR)));
    expect(inFeed?.get("SUMMARY")).toBe("Portes ouvertes, cidrerie");
    expect(inFeed?.get("LOCATION")).toBe("Ferme du Vieux Puits, côté verger, 2 chemin des Pommiers, Dieppe");
    expect(inFeed?.get("GEO")).toBe("49.9;1.1");
    expect(inFeed?.get("URL")).toMatch(new RegExp(`/agenda/${id}$`));
    expect(inFeed?.get("DESCRIPTION")).toContain("Inscription : Sur réservation");
    for (const line of first.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);

    const again = vevents(await (await feedLoader()).text()).find((entry) => entry.get("UID") === `event-${id}@terre-et-mer`);
    expect(again).toEqual(inFeed);
    const single = await eventIcsLoader({ request: get(`/agenda/${id}.ics`), params: { id }, context: {} });
    const events = vevents(await single.text());
    expect(events).toHaveLength(1);
    expect(events[0]).toEqual(inFeed);
  });

  it("lists an actor's coming events for their page, worded in the reader's language, and none of a hidden actor", async () => {
    const farm = await createProducer({ name: "Ferme du Bout du Monde" });
    const shown = await essActor(true);
    const hidden = await essActor(false);
    const now = new Date("2031-06-01T08:00:00Z");
    await event({ organisationId: farm.id }, { title: "Passée", startsAt: new Date("2031-05-30T08:00:00Z"), endsAt: new Date("2031-05-30T10:00:00Z") });
    await event({ organisationId: farm.id }, { title: "Visite de juin", kind: "FARM_VISIT", startsAt: new Date("2031-06-07T08:00:00Z"), endsAt: new Date("2031-06-07T10:00:00Z") });
    await event({ essActorId: shown }, { title: "Forum", kind: "ESS_FORUM", startsAt: new Date("2031-06-12T07:30:00Z"), endsAt: new Date("2031-06-12T15:00:00Z") });
    await event({ essActorId: hidden }, { title: "Caché", startsAt: new Date("2031-06-12T07:30:00Z"), endsAt: new Date("2031-06-12T15:00:00Z") });
    expect(await upcomingEventCards({ organisationId: farm.id }, now, "fr")).toEqual([
      expect.objectContaining({ title: "Visite de juin", kind: "FARM_VISIT", when: "samedi 7 juin 2031, de 10:00 à 12:00", place: "Ferme du Vieux Puits, côté verger, Dieppe" }),
    ]);
    expect((await upcomingEventCards({ essActorId: shown }, now, "en")).map((card) => card.when)).toEqual(["Thursday 12 June 2031, from 09:30 to 17:00"]);
    expect(await upcomingEventCards({ essActorId: hidden }, now, "fr")).toEqual([]);
  });

  it("costs the same statements for one event and for sixty", async () => {
    const farm = await createProducer();
    const communeInsee = await ensureCommune();
    const measure = async () => {
      const before = statementsIssued();
      await agendaLoader({ request: get("/agenda?commune=76217"), params: {}, context: {} });
      return statementsIssued() - before;
    };
    await event({ organisationId: farm.id }, { title: "Une", startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + DAY + HOUR), communeInsee });
    const few = await measure();
    await db().event.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({
        id: randomUUID(), title: `Série ${index}`, kind: "OPEN_DAY" as const, startsAt: new Date(Date.now() + (index + 2) * DAY), endsAt: new Date(Date.now() + (index + 2) * DAY + HOUR),
        placeName: "Lieu", communeInsee, lat: 49.9, lon: 1.1, organisationId: farm.id,
      })),
    });
    const many = await measure();
    expect(many).toBe(few);
    expect(many).toBe(1);
  });
});
