import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { isDomainError } from "~/domain/errors";
import { cancelDistribution } from "~/domain/distributions/cancel-distribution.server";
import { cancelOrder } from "~/domain/ordering/cancel-order.server";
import { recordPickupPayment } from "~/domain/preparation/record-pickup-payment.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { formatParisTime } from "~/domain/time/paris";
import { action as cancelAction, loader as listLoader } from "~/routes/gestion.distributions._index";
import { action as seriesAction, loader as seriesLoader } from "~/routes/gestion.distributions.nouvelle";
import { createMemberUser, createOffer, createProducerUser, createUser, ensureCommune, offerStock, signedInCookie } from "../factories";
import { asFailure, type Done, get, post, statusOf } from "../route-requests";

/**
 * Recurring distributions and their exceptions, through the page modules, on the real database:
 * the dates follow Paris wall-clock time across a DST change, and cancelling one date cancels
 * its orders, gives stock back exactly and tells each customer once.
 */

async function createPickupPoint() {
  const communeInsee = await ensureCommune();
  const id = randomUUID();
  await db().pickupPoint.create({ data: { id, name: `Quai Henri IV ${id.slice(0, 4)}`, kind: "PORT", communeInsee, address: "Quai Henri IV", lat: 49.926, lon: 1.08 } });
  return id;
}

/** "Every Friday 17:00–19:00 at the quay, orders close Wednesday 20:00", around the spring change of 2027. */
function fridays(pickupPointId: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "create",
    pickupPointId,
    weekday: "5",
    startTime: "17:00",
    endTime: "19:00",
    cutoffDaysBefore: "2",
    cutoffTime: "20:00",
    opensDaysBefore: "7",
    slotMinutes: "30",
    slotCapacity: "25",
    firstDate: "2027-03-15",
    lastDate: "2027-04-11",
    ...overrides,
  };
}

async function seriesDistributions(organiserId: string) {
  return db().distribution.findMany({
    where: { organiserId },
    select: { id: true, startsAt: true, endsAt: true, cutoffAt: true, opensAt: true, seriesId: true, status: true, slots: { select: { id: true, startsAt: true, endsAt: true, capacity: true }, orderBy: { startsAt: "asc" } } },
    orderBy: { startsAt: "asc" },
  });
}

test("a series creates every Friday with its slots, at 17:00 Paris on both sides of the spring change", async () => {
  const producer = await createProducerUser();
  const pickupPointId = await createPickupPoint();
  const result = await seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId), producer.cookie), params: {}, context: {} });
  expect((result as Response).headers.get("location")).toBe("/gestion/distributions?creees=4");

  const distributions = await seriesDistributions(producer.producerId);
  expect(distributions.map((d) => d.startsAt.toISOString())).toEqual([
    "2027-03-19T16:00:00.000Z",
    "2027-03-26T16:00:00.000Z",
    "2027-04-02T15:00:00.000Z",
    "2027-04-09T15:00:00.000Z",
  ]);
  expect(distributions.map((d) => d.cutoffAt.toISOString())).toEqual([
    "2027-03-17T19:00:00.000Z",
    "2027-03-24T19:00:00.000Z",
    "2027-03-31T18:00:00.000Z",
    "2027-04-07T18:00:00.000Z",
  ]);
  for (const distribution of distributions) {
    expect(formatParisTime(distribution.startsAt)).toBe("17:00");
    expect(formatParisTime(distribution.endsAt)).toBe("19:00");
    expect(distribution.slots.map((slot) => `${formatParisTime(slot.startsAt)}–${formatParisTime(slot.endsAt)}`)).toEqual(["17:00–17:30", "17:30–18:00", "18:00–18:30", "18:30–19:00"]);
    expect(distribution.slots.every((slot) => slot.capacity === 25)).toBe(true);
    expect(distribution.status).toBe("SCHEDULED");
  }
  const series = await db().distributionSeries.findMany({ where: { organiserId: producer.producerId }, select: { id: true, pickupPointId: true, weekday: true } });
  expect(series).toEqual([{ id: distributions[0]?.seriesId, pickupPointId, weekday: 5 }]);

  const page = await listLoader({ request: get("/gestion/distributions", producer.cookie), params: {}, context: {} });
  expect(page.series).toHaveLength(1);
  expect(page.distributions.map((d) => d.id)).toEqual(distributions.map((d) => d.id));
});

test("the preview shows the dates without creating anything", async () => {
  const producer = await createProducerUser();
  const pickupPointId = await createPickupPoint();
  const preview = (await seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId, { intent: "preview" }), producer.cookie), params: {}, context: {} })) as { ok: true; total: number; preview: Array<{ date: string; slots: number }> };
  expect(preview.total).toBe(4);
  expect(preview.preview.map((item) => [item.date, item.slots])).toEqual([["2027-03-19", 4], ["2027-03-26", 4], ["2027-04-02", 4], ["2027-04-09", 4]]);
  expect(await db().distributionSeries.count({ where: { organiserId: producer.producerId } })).toBe(0);
});

test("a date where the pickup point already has a distribution at that time is skipped", async () => {
  const producer = await createProducerUser();
  const other = await createProducerUser();
  const pickupPointId = await createPickupPoint();
  await seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId, { firstDate: "2027-03-26", lastDate: "2027-03-26" }), other.cookie), params: {}, context: {} });
  const result = await seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId), producer.cookie), params: {}, context: {} });
  expect((result as Response).headers.get("location")).toBe("/gestion/distributions?creees=3");
  expect((await seriesDistributions(producer.producerId)).map((d) => d.startsAt.toISOString())).toEqual(["2027-03-19T16:00:00.000Z", "2027-04-02T15:00:00.000Z", "2027-04-09T15:00:00.000Z"]);
  expect(await db().distribution.count({ where: { pickupPointId } })).toBe(4);
});

test("two organisers creating the same dates at one pickup point at once never double a date", async () => {
  const pickupPointId = await createPickupPoint();
  const organisers = await Promise.all([createProducerUser(), createProducerUser(), createProducerUser()]);
  // No rejection is swallowed: an error thrown here (a deadlock, a unique violation) fails the test.
  const results = await Promise.all(
    organisers.map((organiser) => seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId), organiser.cookie), params: {}, context: {} })),
  );
  // The pickup point is locked: whoever takes it first creates all four dates, the two others find
  // them taken and are told so in the words of the first-date field, with nothing created.
  const winners = results.flatMap((result, index) => (result instanceof Response ? [index] : []));
  expect(winners).toHaveLength(1);
  expect((results[winners[0]!] as Response).headers.get("location")).toBe("/gestion/distributions?creees=4");
  const losers = results.filter((result) => !(result instanceof Response)).map(asFailure);
  expect(losers.map((failure) => [failure.init?.status, failure.data.fieldErrors])).toEqual([
    [400, { firstDate: "Première date : aucune nouvelle distribution dans cette période (dates déjà prises à ce point de retrait, ou commandes déjà closes)." }],
    [400, { firstDate: "Première date : aucune nouvelle distribution dans cette période (dates déjà prises à ce point de retrait, ou commandes déjà closes)." }],
  ]);
  const distributions = await db().distribution.findMany({ where: { pickupPointId }, select: { startsAt: true, organiserId: true } });
  const starts = distributions.map((d) => d.startsAt.toISOString());
  expect(starts).toHaveLength(4);
  expect(new Set(starts).size).toBe(4);
  expect(new Set(distributions.map((d) => d.organiserId))).toEqual(new Set([organisers[winners[0]!]!.producerId]));
  for (const index of [0, 1, 2].filter((one) => one !== winners[0])) {
    expect(await db().distributionSeries.count({ where: { organiserId: organisers[index]!.producerId } })).toBe(0);
  }
});

const badSeries: Array<{ case: string; fields: Record<string, string>; field: string; message: string }> = [
  { case: "no pickup point", fields: { pickupPointId: "" }, field: "pickupPointId", message: "Point de retrait : choisissez un point de retrait de la liste." },
  { case: "an unknown pickup point", fields: { pickupPointId: "point-inconnu" }, field: "pickupPointId", message: "Point de retrait : choisissez un point de retrait de la liste." },
  { case: "weekday 8", fields: { weekday: "8" }, field: "weekday", message: "Jour : choisissez un jour de la semaine." },
  { case: "weekday 'vendredi'", fields: { weekday: "vendredi" }, field: "weekday", message: "Jour : choisissez un jour de la semaine." },
  { case: "a start time of 25:00", fields: { startTime: "25:00" }, field: "startTime", message: "Heure : au format HH:MM (exemple : 17:00)." },
  { case: "an end before the start", fields: { endTime: "16:00" }, field: "endTime", message: "Heure de fin : elle doit être après l'heure de début." },
  { case: "a negative cutoff", fields: { cutoffDaysBefore: "-1" }, field: "cutoffDaysBefore", message: "Clôture des commandes : entre 0 et 14 jours avant la distribution." },
  { case: "a huge cutoff", fields: { cutoffDaysBefore: "99999999999" }, field: "cutoffDaysBefore", message: "Clôture des commandes : entre 0 et 14 jours avant la distribution." },
  { case: "a same-day cutoff after the start", fields: { cutoffDaysBefore: "0", cutoffTime: "18:00" }, field: "cutoffTime", message: "Heure de clôture : le jour même, elle doit être au plus tard à l'heure de début." },
  { case: "an opening after the cutoff", fields: { opensDaysBefore: "1" }, field: "opensDaysBefore", message: "Ouverture des commandes : au moins autant de jours avant la distribution que la clôture." },
  { case: "slots of 0 minutes", fields: { slotMinutes: "0" }, field: "slotMinutes", message: "Durée d'un créneau : entre 5 et 240 minutes." },
  { case: "slots of 2.5 minutes", fields: { slotMinutes: "2.5" }, field: "slotMinutes", message: "Durée d'un créneau : entre 5 et 240 minutes." },
  { case: "a capacity of 0", fields: { slotCapacity: "0" }, field: "slotCapacity", message: "Clients par créneau : entre 1 et 1 000." },
  { case: "an empty capacity", fields: { slotCapacity: "" }, field: "slotCapacity", message: "Clients par créneau : entre 1 et 1 000." },
  { case: "a first date 'demain'", fields: { firstDate: "demain" }, field: "firstDate", message: "Date : choisissez une date valide (AAAA-MM-JJ)." },
  { case: "a cutoff time of 'soir'", fields: { cutoffTime: "soir" }, field: "cutoffTime", message: "Heure : au format HH:MM (exemple : 17:00)." },
  { case: "31 February", fields: { firstDate: "2027-02-31" }, field: "firstDate", message: "Date : choisissez une date valide (AAAA-MM-JJ)." },
  { case: "a first date in the past", fields: { firstDate: "2020-01-03" }, field: "firstDate", message: "Première date : elle ne peut pas être passée." },
  { case: "a last date before the first", fields: { lastDate: "2027-03-01" }, field: "lastDate", message: "Dernière date : elle doit être après la première." },
  { case: "two years", fields: { lastDate: "2029-03-15" }, field: "lastDate", message: "Dernière date : une série couvre un an au plus." },
  { case: "a range without a Friday", fields: { firstDate: "2027-03-20", lastDate: "2027-03-25" }, field: "firstDate", message: "Première date : aucune nouvelle distribution dans cette période (dates déjà prises à ce point de retrait, ou commandes déjà closes)." },
];

test.each(badSeries)("a series with $case: 400, the field named in French, nothing created", async ({ fields, field, message }) => {
  const producer = await createProducerUser();
  const pickupPointId = await createPickupPoint();
  const result = asFailure(await seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId, fields), producer.cookie), params: {}, context: {} }));
  expect(result.init?.status).toBe(400);
  expect(result.data.fieldErrors[field]).toBe(message);
  expect(await db().distributionSeries.count({ where: { organiserId: producer.producerId } })).toBe(0);
  expect(await db().distribution.count({ where: { organiserId: producer.producerId } })).toBe(0);
});

test("in English for an English-speaking organiser", async () => {
  const producer = await createProducerUser();
  await db().user.update({ where: { id: producer.user.id }, data: { locale: "en" } });
  const pickupPointId = await createPickupPoint();
  const result = asFailure(await seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId, { endTime: "16:00" }), producer.cookie), params: {}, context: {} }));
  expect(result.data.fieldErrors.endTime).toBe("End time: it must be after the start time.");
});

test("only organisers create series: a consumer or a charity gets 403, an unverified producer is told to wait, a visitor goes to log in", async () => {
  const pickupPointId = await createPickupPoint();
  const consumer = await createUser();
  const charity = await createMemberUser("CHARITY");
  for (const cookie of [await signedInCookie(consumer.id), charity.cookie]) {
    expect(await statusOf(() => seriesLoader({ request: get("/gestion/distributions/nouvelle", cookie), params: {}, context: {} }))).toBe(403);
    expect(await statusOf(() => seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId), cookie), params: {}, context: {} }))).toBe(403);
    expect(await statusOf(() => listLoader({ request: get("/gestion/distributions", cookie), params: {}, context: {} }))).toBe(403);
  }
  expect(await statusOf(() => seriesLoader({ request: get("/gestion/distributions/nouvelle"), params: {}, context: {} }))).toBe(302);
  const pending = await createProducerUser({ verified: false });
  const refused = asFailure(await seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId), pending.cookie), params: {}, context: {} }));
  expect(refused.init?.status).toBe(403);
  expect(await db().distribution.count({ where: { pickupPointId } })).toBe(0);

  // AMAP coordinators and admins organise too.
  const amap = await createMemberUser("AMAP_COORDINATOR");
  const created = await seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId, { weekday: "3" }), amap.cookie), params: {}, context: {} });
  expect((created as Response).status).toBe(302);
  expect(await db().distribution.count({ where: { organiserId: amap.organisationId } })).toBe(4);
});

/** A series date with orders placed while it was open: two customers (one English), two producers. */
async function dateWithOrders() {
  const organiser = await createProducerUser();
  const pickupPointId = await createPickupPoint();
  await seriesAction({ request: post("/gestion/distributions/nouvelle", fridays(pickupPointId, { firstDate: "2027-03-19", lastDate: "2027-03-26" }), organiser.cookie), params: {}, context: {} });
  const [distribution] = await seriesDistributions(organiser.producerId);
  if (!distribution) throw new Error("no distribution");
  const fisher = await createProducerUser();
  const mine = await createOffer({ distributionId: distribution.id, producerId: organiser.producerId, stock: 10 });
  const theirs = await createOffer({ distributionId: distribution.id, producerId: fisher.producerId, stock: 8 });
  const before = [await offerStock(mine.id), await offerStock(theirs.id)];
  const open = new Date(distribution.opensAt.getTime() + 3600_000);
  const anne = await createUser({ name: "Anne" });
  const john = await createUser({ name: "John", locale: "en" });
  await placeOrder({ distributionId: distribution.id, lines: [{ offerId: mine.id, quantity: 3 }, { offerId: theirs.id, quantity: 2 }], paymentMethod: "at_pickup", customer: anne, now: open, appUrl: "http://localhost" });
  await placeOrder({ distributionId: distribution.id, lines: [{ offerId: mine.id, quantity: 4 }], paymentMethod: "at_pickup", customer: john, now: open, appUrl: "http://localhost" });
  const beforeCancel = await db().outboxEmail.count({ where: { to: { in: [anne.email, john.email] } } });
  expect(beforeCancel).toBe(2); // their confirmations
  return { organiser, fisher, distribution, mine, theirs, before, anne, john, open };
}

async function cancellationEmails(emails: string[]) {
  return db().outboxEmail.findMany({ where: { to: { in: emails }, subject: { contains: "annul" } }, select: { to: true, subject: true, text: true, locale: true } });
}

async function cancellationEmailsEn(emails: string[]) {
  return db().outboxEmail.findMany({ where: { to: { in: emails }, subject: { contains: "cancelled" } }, select: { to: true, subject: true, text: true, locale: true } });
}

test("cancelling one date cancels its orders, gives the stock and slot places back exactly, and tells each customer and producer once", async () => {
  const { organiser, fisher, distribution, mine, theirs, before, anne, john } = await dateWithOrders();
  const reason = "Tempête annoncée : le quai sera fermé.";
  const done = (await cancelAction({ request: post("/gestion/distributions", { distributionId: distribution.id, reason }, organiser.cookie), params: {}, context: {} })) as Done;
  expect(done.message).toBe("Distribution annulée : 2 commande(s) annulée(s), 2 client(s) prévenu(s).");

  expect(await db().distribution.findUniqueOrThrow({ where: { id: distribution.id }, select: { status: true, cancellationReason: true } })).toEqual({ status: "CANCELLED", cancellationReason: reason });
  expect(await db().order.findMany({ where: { distributionId: distribution.id }, select: { status: true } })).toEqual([{ status: "CANCELLED" }, { status: "CANCELLED" }]);
  expect([await offerStock(mine.id), await offerStock(theirs.id)]).toEqual(before);
  expect(await db().pickupSlot.aggregate({ where: { distributionId: distribution.id }, _sum: { booked: true } })).toEqual({ _sum: { booked: 0 } });

  const toAnne = await cancellationEmails([anne.email]);
  expect(toAnne).toHaveLength(1);
  expect(toAnne[0]?.text).toContain(reason);
  expect(toAnne[0]?.text).toContain("Vous n'avez rien à payer");
  const toJohn = await cancellationEmailsEn([john.email]);
  expect(toJohn.map((email) => email.locale)).toEqual(["en"]);
  expect(toJohn[0]?.text).toContain("Reason: Tempête annoncée");
  // Both producers who had offers there are told; the fisher is not the organiser.
  expect(await cancellationEmails([organiser.user.email, fisher.user.email])).toHaveLength(2);

  // The other date of the series is untouched.
  const [, next] = await seriesDistributions(organiser.producerId);
  expect(next?.status).toBe("SCHEDULED");
});

test("cancelling twice, or three times at the same instant, cancels and tells once", async () => {
  const { organiser, distribution, mine, theirs, before, anne, john } = await dateWithOrders();
  const attempts = await Promise.all(
    Array.from({ length: 3 }, () => cancelAction({ request: post("/gestion/distributions", { distributionId: distribution.id, reason: "Jour férié" }, organiser.cookie), params: {}, context: {} })),
  );
  expect(attempts.map((attempt) => (attempt as Done).ok)).toEqual([true, true, true]);
  const again = (await cancelAction({ request: post("/gestion/distributions", { distributionId: distribution.id, reason: "Encore" }, organiser.cookie), params: {}, context: {} })) as Done;
  expect(again.message).toBe("Cette distribution était déjà annulée.");
  expect(await cancellationEmails([anne.email])).toHaveLength(1);
  expect(await cancellationEmailsEn([john.email])).toHaveLength(1);
  expect([await offerStock(mine.id), await offerStock(theirs.id)]).toEqual(before);
  expect(await db().distribution.findUniqueOrThrow({ where: { id: distribution.id }, select: { cancellationReason: true } })).toEqual({ cancellationReason: "Jour férié" });
});

test("another organisation cannot cancel (404, nothing changed); a consumer gets 403; an admin can", async () => {
  const { distribution, anne } = await dateWithOrders();
  const other = await createProducerUser();
  const refused = asFailure(await cancelAction({ request: post("/gestion/distributions", { distributionId: distribution.id, reason: "Je n'en veux plus" }, other.cookie), params: {}, context: {} }));
  expect(refused.init?.status).toBe(404);
  const consumer = await signedInCookie(anne.id);
  expect(await statusOf(() => cancelAction({ request: post("/gestion/distributions", { distributionId: distribution.id, reason: "Je n'en veux plus" }, consumer), params: {}, context: {} }))).toBe(403);
  expect(await db().distribution.findUniqueOrThrow({ where: { id: distribution.id }, select: { status: true } })).toEqual({ status: "SCHEDULED" });
  expect(await db().order.count({ where: { distributionId: distribution.id, status: "CONFIRMED" } })).toBe(2);
  expect(await cancellationEmails([anne.email])).toHaveLength(0);

  const admin = await createMemberUser("ADMIN");
  const done = (await cancelAction({ request: post("/gestion/distributions", { distributionId: distribution.id, reason: "Arrêté préfectoral" }, admin.cookie), params: {}, context: {} })) as Done;
  expect(done.ok).toBe(true);
  expect(await db().order.count({ where: { distributionId: distribution.id, status: "CONFIRMED" } })).toBe(0);
});

test("a cancellation without a reason, with a reason of 1,000 characters or for an unknown date is refused and changes nothing", async () => {
  const { organiser, distribution } = await dateWithOrders();
  const empty = asFailure(await cancelAction({ request: post("/gestion/distributions", { distributionId: distribution.id, reason: "" }, organiser.cookie), params: {}, context: {} }));
  expect(empty.init?.status).toBe(400);
  expect(empty.data.fieldErrors.reason).toBe("Raison de l'annulation : expliquez-la aux clients en quelques mots.");
  const long = asFailure(await cancelAction({ request: post("/gestion/distributions", { distributionId: distribution.id, reason: "x".repeat(1000) }, organiser.cookie), params: {}, context: {} }));
  expect(long.data.fieldErrors.reason).toBe("Raison de l'annulation : 500 caractères au plus.");
  const unknown = asFailure(await cancelAction({ request: post("/gestion/distributions", { distributionId: randomUUID(), reason: "Tempête" }, organiser.cookie), params: {}, context: {} }));
  expect(unknown.init?.status).toBe(404);
  expect(await db().distribution.findUniqueOrThrow({ where: { id: distribution.id }, select: { status: true } })).toEqual({ status: "SCHEDULED" });
});

test("a customer cancelling their own order while the date is cancelled: the stock comes back once, nobody deadlocks", async () => {
  for (let round = 0; round < 3; round += 1) {
    const { organiser, distribution, mine, theirs, before, anne, open } = await dateWithOrders();
    const order = await db().order.findFirstOrThrow({ where: { distributionId: distribution.id, userId: anne.id }, select: { id: true } });
    const [own, organisers] = await Promise.allSettled([
      cancelOrder({ orderId: order.id, customer: anne, now: open }),
      cancelAction({ request: post("/gestion/distributions", { distributionId: distribution.id, reason: "Tempête" }, organiser.cookie), params: {}, context: {} }),
    ]);
    // The organiser's cancellation always goes through; the customer's either went first, or
    // found the date (or its order) already cancelled.
    expect(organisers).toMatchObject({ status: "fulfilled", value: { ok: true } });
    if (own.status === "rejected") expect(isDomainError(own.reason) ? own.reason.code : String(own.reason)).toMatch(/^(distribution_cancelled|order_cancelled)$/);
    expect([await offerStock(mine.id), await offerStock(theirs.id)]).toEqual(before);
    expect(await db().pickupSlot.aggregate({ where: { distributionId: distribution.id }, _sum: { booked: true } })).toEqual({ _sum: { booked: 0 } });
    expect(await db().order.count({ where: { distributionId: distribution.id, status: "CONFIRMED" } })).toBe(0);
  }
});

test("a date whose pickup has begun (an order already paid) is not cancelled: the organiser is told why and nothing changes; a payment and a cancellation at the same instant never leave a paid order cancelled", async () => {
  const { organiser, fisher, distribution, mine, theirs, anne, john } = await dateWithOrders();
  const atPickup = new Date(distribution.cutoffAt.getTime() + 3600_000);
  const anneOrder = await db().order.findFirstOrThrow({ where: { distributionId: distribution.id, userId: anne.id }, select: { id: true } });
  await recordPickupPayment({ producerId: fisher.producerId, orderId: anneOrder.id, paymentId: randomUUID(), method: "CASH", amountCents: 500, recordedById: fisher.user.id, now: atPickup });
  const stockBefore = [await offerStock(mine.id), await offerStock(theirs.id)];

  const refused = asFailure(await cancelAction({ request: post("/gestion/distributions", { distributionId: distribution.id, reason: "Tempête annoncée" }, organiser.cookie), params: {}, context: {} }));
  expect(refused.init?.status).toBe(409);
  expect(refused.data.message).toBe("Le retrait de cette distribution a commencé : des commandes ont déjà été payées ou remises. Elle ne peut plus être annulée ; voyez avec les producteurs pour les commandes restantes.");
  expect(await db().distribution.findUniqueOrThrow({ where: { id: distribution.id }, select: { status: true } })).toEqual({ status: "SCHEDULED" });
  expect(await db().order.count({ where: { distributionId: distribution.id, status: "CONFIRMED" } })).toBe(2);
  expect([await offerStock(mine.id), await offerStock(theirs.id)]).toEqual(stockBefore);
  expect(await cancellationEmails([anne.email])).toHaveLength(0);
  expect(await cancellationEmailsEn([john.email])).toHaveLength(0);

  for (let round = 0; round < 3; round += 1) {
    const date = await dateWithOrders();
    const at = new Date(date.distribution.cutoffAt.getTime() + 3600_000);
    const order = await db().order.findFirstOrThrow({ where: { distributionId: date.distribution.id, userId: date.anne.id }, select: { id: true } });
    const [payment, cancellation] = await Promise.allSettled([
      recordPickupPayment({ producerId: date.fisher.producerId, orderId: order.id, paymentId: randomUUID(), method: "CASH", amountCents: 500, recordedById: date.fisher.user.id, now: at }),
      cancelDistribution({ distributionId: date.distribution.id, reason: "Tempête", actor: await actorOf(date.organiser.user.id), now: at, appUrl: "http://localhost" }),
    ]);
    // Exactly one of them wins, and the loser says why.
    expect([payment.status, cancellation.status].sort()).toEqual(["fulfilled", "rejected"]);
    const loser = payment.status === "rejected" ? payment.reason : cancellation.status === "rejected" ? cancellation.reason : undefined;
    expect(isDomainError(loser) ? loser.code : loser).toBe(payment.status === "rejected" ? "not_found" : "distribution_under_way");
    const paidCancelled = await db().pickupPayment.count({ where: { order: { distributionId: date.distribution.id, status: "CANCELLED" } } });
    expect(paidCancelled).toBe(0);
  }
});

async function actorOf(userId: string) {
  const memberships = await db().membership.findMany({ where: { userId }, select: { organisationId: true, role: true } });
  return { roles: ["CONSUMER" as const, ...memberships.map((membership) => membership.role)], memberships };
}
