import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { quantityInput } from "~/domain/donations/donation-format";
import { centsToInput } from "~/domain/sales/offer-rules";
import { addParisDays, parisIsoDate } from "~/domain/time/paris";
import { action as unsoldAction, loader as unsoldLoader } from "~/routes/producteur.dons.invendus";
import { createEndedOffer, createFarmDonor, createLot, lotsOfOffer, parisDateIn, parisLocalIn } from "../factories-donations";
import { asFailure, get, post, statusOf } from "../route-requests";

/**
 * /producteur/dons/invendus: after a distribution closes, the producer turns its unsold stock
 * into lots in one action — only its own offers of distributions ended within the week, all rows
 * checked before anything is written, never twice.
 */

const PATH = "/producteur/dons/invendus";

async function loadUnsold(cookie: string) {
  const result = await unsoldLoader({ request: get(PATH, cookie), params: {}, context: {} });
  if (result instanceof Response) throw new Error(`réponse inattendue ${result.status}`);
  return result;
}

function submit(fields: Record<string, string>, cookie: string) {
  return unsoldAction({ request: post(PATH, fields, cookie), params: {}, context: {} });
}

/** A redirect's status, or the status of a refusal answered as data(value, { status }). */
async function answerStatus(run: () => Promise<unknown>): Promise<number> {
  const result = await run();
  if (result instanceof Response) return result.status;
  return asFailure(result).init?.status ?? 200;
}

function window(): Record<string, string> {
  return { pickupPlace: "Quai Henri IV, Dieppe", pickupStart: parisLocalIn(0), pickupEnd: parisLocalIn(26) };
}

function row(offerId: string, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries([["give." + offerId, "on"], ...Object.entries(fields).map(([key, value]) => [`${key}.${offerId}`, value])]);
}

test("the page lists only this producer's unsold offers of distributions ended within the last 7 days, not yet given", async () => {
  const donor = await createFarmDonor();
  const other = await createFarmDonor();
  const sole = await createEndedOffer({ producerId: donor.producerId, productName: "Sole commune", stock: 20, ordered: 5, sea: true });
  const soldOut = await createEndedOffer({ producerId: donor.producerId, stock: 8, ordered: 8 });
  const future = await createEndedOffer({ producerId: donor.producerId, endedHoursAgo: -48 });
  const tooOld = await createEndedOffer({ producerId: donor.producerId, endedHoursAgo: 8 * 24 });
  const cancelled = await createEndedOffer({ producerId: donor.producerId, cancelled: true });
  const given = await createEndedOffer({ producerId: donor.producerId });
  await db().donationLot.update({ where: { id: (await createLot({ donorId: donor.producerId, createdById: donor.user.id })).id }, data: { offerId: given.offerId } });
  const others = await createEndedOffer({ producerId: other.producerId });

  const page = await loadUnsold(donor.cookie);
  expect(page.offers.map((offer) => offer.offerId)).toEqual([sole.offerId]);
  for (const hidden of [soldOut, future, tooOld, cancelled, given, others]) expect(page.offers.map((offer) => offer.offerId)).not.toContain(hidden.offerId);
  expect(page.offers[0]).toMatchObject({ productName: "Sole commune", unit: "kg", unsoldMilli: 15_000, storage: "chilled", rawFishery: true });
  expect(page.defaults.pickupPlace).toMatch(/^Quai test .*, Quai Henri IV, 76200 Dieppe$/);
  expect(page.defaults.pickupStart).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
});

test("one submit publishes every ticked row as a lot of its offer: quantity, unit, storage, raw fishery, cost price; unticked rows stay", async () => {
  const donor = await createFarmDonor();
  const sole = await createEndedOffer({ producerId: donor.producerId, productName: "Sole commune", stock: 20, ordered: 5, sea: true });
  const eggs = await createEndedOffer({ producerId: donor.producerId, productName: "Œufs (la douzaine)", unit: "DOZEN", stock: 6, ordered: 3 });
  const leeks = await createEndedOffer({ producerId: donor.producerId, productName: "Poireaux", unit: "KG", stock: 10, ordered: 2 });

  const answer = await submit(
    {
      ...window(),
      ...row(sole.offerId, { quantity: "15", costPrice: "4,50", useBy: parisDateIn(4), storage: "chilled", rawFishery: "on", lotNumber: "DP-1127-01" }),
      ...row(eggs.offerId, { quantity: "24", costPrice: "0,25", bestBefore: parisDateIn(20), storage: "ambient" }),
      [`quantity.${leeks.offerId}`]: "8",
    },
    donor.cookie,
  );
  expect(answer).toBeInstanceOf(Response);
  expect((answer as Response).headers.get("location")).toBe("/producteur/dons?donnes=2");

  expect(await lotsOfOffer(sole.offerId)).toEqual([
    expect.objectContaining({ donorId: donor.producerId, productName: "Sole commune", unit: "KG", quantityMilli: 15_000, storage: "CHILLED", rawFishery: true, costPriceCents: 450, useBy: parisDateIn(4), pickupPlace: "Quai Henri IV, Dieppe", categoryId: "poissons" }),
  ]);
  expect(await lotsOfOffer(eggs.offerId)).toEqual([expect.objectContaining({ unit: "PIECE", quantityMilli: 24_000, storage: "AMBIENT", rawFishery: false, costPriceCents: 25 })]);
  expect(await lotsOfOffer(leeks.offerId)).toEqual([]);
  expect((await loadUnsold(donor.cookie)).offers.map((offer) => offer.offerId)).toEqual([leeks.offerId]);
});

test("a second submit of the same form creates nothing twice and says so; two at once make one lot", async () => {
  const donor = await createFarmDonor();
  const sole = await createEndedOffer({ producerId: donor.producerId, productName: "Sole commune", stock: 20, ordered: 5, sea: true });
  const fields = { ...window(), ...row(sole.offerId, { quantity: "15", costPrice: "4", useBy: parisDateIn(4), storage: "chilled" }) };

  expect(await statusOf(() => submit(fields, donor.cookie))).toBe(302);
  const again = asFailure(await submit(fields, donor.cookie));
  expect(again.init?.status).toBe(409);
  expect(again.data.message).toBe("Déjà donné : Sole commune. Ces invendus sont déjà des lots : rien n'a été publié deux fois.");
  expect(await lotsOfOffer(sole.offerId)).toHaveLength(1);

  const twin = await createEndedOffer({ producerId: donor.producerId, productName: "Limande", stock: 9, ordered: 1, sea: true });
  const twinFields = { ...window(), ...row(twin.offerId, { quantity: "8", costPrice: "3", useBy: parisDateIn(4), storage: "chilled" }) };
  const statuses = await Promise.all([1, 2, 3].map(() => answerStatus(() => submit(twinFields, donor.cookie))));
  expect(statuses.sort()).toEqual([302, 409, 409]);
  expect(await lotsOfOffer(twin.offerId)).toHaveLength(1);
});

test("one broken row writes nothing: 400 naming the product and the rule, on its field", async () => {
  const donor = await createFarmDonor();
  const sole = await createEndedOffer({ producerId: donor.producerId, productName: "Sole commune", stock: 20, ordered: 5, sea: true });
  const plaice = await createEndedOffer({ producerId: donor.producerId, productName: "Plie", stock: 10, ordered: 4, sea: true });
  const good = row(sole.offerId, { quantity: "15", costPrice: "4", useBy: parisDateIn(4), storage: "chilled" });

  const cases: Array<{ fields: Record<string, string>; field: string; message: string }> = [
    { fields: row(plaice.offerId, { quantity: "7", costPrice: "4", storage: "chilled" }), field: `quantity.${plaice.offerId}`, message: "Plie : Quantité : au plus ce qui reste invendu, soit 6." },
    { fields: row(plaice.offerId, { quantity: "3", costPrice: "4", storage: "frozen" }), field: `frozenAtMinus18.${plaice.offerId}`, message: "Plie : Lot surgelé : confirmez qu'il est conservé à −18 °C ou moins." },
    { fields: row(plaice.offerId, { quantity: "3", costPrice: "", storage: "chilled" }), field: `costPrice.${plaice.offerId}`, message: "Plie : Prix de revient : saisissez un montant en euros par unité, par exemple 3,20 (de 0 à 10 000 €)." },
    { fields: row(plaice.offerId, { quantity: "3", costPrice: "4", storage: "chilled", useBy: parisDateIn(4), bestBefore: parisDateIn(5) }), field: `bestBefore.${plaice.offerId}`, message: "Plie : DLC et DDM : indiquez l'une ou l'autre, pas les deux." },
    { fields: row(plaice.offerId, { quantity: "3", costPrice: "4", storage: "chilled", useBy: parisDateIn(0) }), field: `useBy.${plaice.offerId}`, message: "Plie : DLC : rien n'est donné après sa date limite de consommation" },
    { fields: row(plaice.offerId, { quantity: "-3", costPrice: "4", storage: "chilled" }), field: `quantity.${plaice.offerId}`, message: "Plie : La quantité doit être supérieure à 0." },
    { fields: row(plaice.offerId, { quantity: "beaucoup", costPrice: "4", storage: "chilled" }), field: `quantity.${plaice.offerId}`, message: "Plie : La quantité doit être un nombre" },
    { fields: row(plaice.offerId, { quantity: "3", costPrice: "4", storage: "tiède" }), field: `storage.${plaice.offerId}`, message: "Plie : Conservation : choisissez ambiant, réfrigéré ou surgelé." },
    { fields: row(plaice.offerId, { quantity: "3", costPrice: "4", storage: "chilled", lotNumber: "L".repeat(61) }), field: `lotNumber.${plaice.offerId}`, message: "Plie : Le numéro de lot est trop long" },
  ];
  for (const { fields, field, message } of cases) {
    const answer = asFailure(await submit({ ...window(), ...good, ...fields }, donor.cookie));
    expect(answer.init?.status, field).toBe(400);
    expect(answer.data.message.startsWith(message), `${answer.data.message} ≠ ${message}`).toBe(true);
    expect(answer.data.fieldErrors[field], field).toBe(answer.data.message);
  }
  const endBeforeStart = asFailure(await submit({ ...window(), pickupEnd: parisLocalIn(-1), ...good }, donor.cookie));
  expect(endBeforeStart.init?.status).toBe(400);
  expect(endBeforeStart.data.fieldErrors.pickupEnd).toBe("Fenêtre de retrait : la fin doit être après le début.");
  const noWindow = asFailure(await submit({ ...window(), pickupStart: "demain", ...good }, donor.cookie));
  expect(noWindow.data.fieldErrors.pickupStart).toBe("Saisissez le début du retrait : une date et une heure, par exemple 27/11/2026 17:00.");
  const nothing = asFailure(await submit({ ...window(), [`quantity.${sole.offerId}`]: "3" }, donor.cookie));
  expect(nothing.init?.status).toBe(400);
  expect(nothing.data.message).toBe("Cochez « Donner » pour au moins un produit.");

  expect(await lotsOfOffer(sole.offerId)).toEqual([]);
  expect(await lotsOfOffer(plaice.offerId)).toEqual([]);
});

test("someone else's offer, an unknown one or a distribution not over: 404 or 400, nothing written; English on request", async () => {
  const donor = await createFarmDonor();
  const other = await createFarmDonor();
  const mine = await createEndedOffer({ producerId: donor.producerId, productName: "Sole commune", sea: true });
  const theirs = await createEndedOffer({ producerId: other.producerId, productName: "Bar de ligne secret", sea: true });
  const future = await createEndedOffer({ producerId: donor.producerId, productName: "Turbot", endedHoursAgo: -24, sea: true });
  const good = row(mine.offerId, { quantity: "3", costPrice: "4", storage: "chilled" });

  const stolen = asFailure(await submit({ ...window(), ...good, ...row(theirs.offerId, { quantity: "3", costPrice: "4", storage: "chilled" }) }, donor.cookie));
  expect(stolen.init?.status).toBe(404);
  expect(JSON.stringify(stolen.data)).not.toContain("Bar de ligne secret");
  expect(asFailure(await submit({ ...window(), ...row("offre-inconnue", { quantity: "3" }) }, donor.cookie)).init?.status).toBe(404);
  expect(asFailure(await submit({ ...window(), "give.x'; DROP": "on" }, donor.cookie)).init?.status).toBe(400);

  const early = asFailure(await submit({ ...window(), ...row(future.offerId, { quantity: "3", costPrice: "4", storage: "chilled" }) }, donor.cookie));
  expect(early.init?.status).toBe(400);
  expect(early.data.message).toContain("Turbot : sa distribution n'est pas terminée");

  const english = asFailure(await submit({ ...window(), ...row(mine.offerId, { quantity: "99", costPrice: "4", storage: "chilled" }) }, `${donor.cookie}; tm_lang=en`));
  expect(english.data.message).toBe("Sole commune: Quantity: at most what is left unsold, that is 15.");

  for (const offerId of [mine.offerId, theirs.offerId, future.offerId]) expect(await lotsOfOffer(offerId)).toEqual([]);
});

test("an unverified producer is refused the page and the submit; a visitor goes to the login page", async () => {
  const unverified = await createFarmDonor({ verified: false });
  const offer = await createEndedOffer({ producerId: unverified.producerId, sea: true });
  expect(await statusOf(() => unsoldLoader({ request: get(PATH, unverified.cookie), params: {}, context: {} }))).toBe(403);
  expect(await statusOf(() => submit({ ...window(), ...row(offer.offerId, { quantity: "3", costPrice: "4", storage: "chilled" }) }, unverified.cookie))).toBe(403);
  expect(await lotsOfOffer(offer.offerId)).toEqual([]);
  expect(await statusOf(() => unsoldLoader({ request: get(PATH), params: {}, context: {} }))).toBe(302);
});

/** The form as the page fills it in: every prefilled value of the rows, and the common place and window. */
function prefilledForm(page: Awaited<ReturnType<typeof loadUnsold>>): Record<string, string> {
  const fields: Record<string, string> = { ...page.defaults };
  for (const offer of page.offers) {
    fields[`quantity.${offer.offerId}`] = quantityInput(offer.unsoldMilli, "fr");
    fields[`costPrice.${offer.offerId}`] = offer.costPriceCents === null ? "" : centsToInput(offer.costPriceCents, "fr");
    fields[`useBy.${offer.offerId}`] = offer.useBy ?? "";
    fields[`bestBefore.${offer.offerId}`] = "";
    fields[`storage.${offer.offerId}`] = offer.storage;
    fields[`lotNumber.${offer.offerId}`] = "";
    if (offer.rawFishery) fields[`rawFishery.${offer.offerId}`] = "on";
  }
  return fields;
}

/** Another offer of the same product, at a distribution that ended `hoursAgo` at the same pickup point. */
async function sameProductLater(offer: { productId: string; pickupPointId: string }, hoursAgo: number, unsold: number) {
  const endsAt = new Date(Date.now() - hoursAgo * 3600_000);
  const startsAt = new Date(endsAt.getTime() - 2 * 3600_000);
  const distributionId = randomUUID();
  await db().distribution.create({
    data: { id: distributionId, pickupPointId: offer.pickupPointId, startsAt, endsAt, cutoffAt: new Date(startsAt.getTime() - 24 * 3600_000), opensAt: new Date(startsAt.getTime() - 7 * 24 * 3600_000) },
  });
  const offerId = randomUUID();
  await db().offer.create({ data: { id: offerId, distributionId, productId: offer.productId, priceCents: 2690, stock: unsold + 2, ordered: 2 } });
  return { offerId, distributionStartsAt: startsAt };
}

test("the page prefills each row: what is left, the use-by date from the distribution's day and the product, and the cost price of the product's last lot", async () => {
  const donor = await createFarmDonor();
  const sole = await createEndedOffer({ producerId: donor.producerId, productName: "Sole commune", stock: 20, ordered: 5, sea: true, endedHoursAgo: 6 * 24 });
  const leeks = await createEndedOffer({ producerId: donor.producerId, productName: "Poireaux", unit: "BUNCH", stock: 12, ordered: 2 });
  expect(await statusOf(() => submit({ ...window(), ...row(sole.offerId, { quantity: "15", costPrice: "4,50", useBy: parisDateIn(4), storage: "chilled" }) }, donor.cookie))).toBe(302);
  const thisWeek = await sameProductLater(sole, 3, 9);

  const page = await loadUnsold(donor.cookie);

  const sold = page.offers.find((offer) => offer.offerId === thisWeek.offerId);
  expect(sold).toMatchObject({ productName: "Sole commune", unsoldMilli: 9000, storage: "chilled", rawFishery: true, costPriceCents: 450 });
  expect(sold?.useBy).toBe(parisIsoDate(addParisDays(thisWeek.distributionStartsAt, 3)));
  expect(page.offers.find((offer) => offer.offerId === leeks.offerId)).toMatchObject({ unsoldMilli: 10_000, storage: "ambient", rawFishery: false, useBy: null, costPriceCents: null });
});

test("giving three rows takes a tick each: one submit of the prefilled form makes three lots", async () => {
  const donor = await createFarmDonor();
  const first = await createEndedOffer({ producerId: donor.producerId, productName: "Sole commune", sea: true, endedHoursAgo: 6 * 24 });
  const plaice = await createEndedOffer({ producerId: donor.producerId, productName: "Plie", sea: true, endedHoursAgo: 6 * 24 });
  const dab = await createEndedOffer({ producerId: donor.producerId, productName: "Limande", sea: true, endedHoursAgo: 6 * 24 });
  // Last week's lots gave each product its cost price.
  for (const [offer, cost] of [[first, "4"], [plaice, "3"], [dab, "2,50"]] as const) {
    expect(await statusOf(() => submit({ ...window(), ...row(offer.offerId, { quantity: "1", costPrice: cost, useBy: parisDateIn(4), storage: "chilled" }) }, donor.cookie))).toBe(302);
  }
  const rows = await Promise.all([first, plaice, dab].map((offer) => sameProductLater(offer, 2, 7)));
  const page = await loadUnsold(donor.cookie);
  expect(page.offers.map((offer) => offer.offerId).sort()).toEqual(rows.map((offer) => offer.offerId).sort());

  const fields = prefilledForm(page);
  for (const offer of rows) fields[`give.${offer.offerId}`] = "on";
  const answer = await submit(fields, donor.cookie);

  expect(answer).toBeInstanceOf(Response);
  expect((answer as Response).headers.get("location")).toBe("/producteur/dons?donnes=3");
  for (const offer of rows) {
    expect(await lotsOfOffer(offer.offerId)).toEqual([expect.objectContaining({ quantityMilli: 7000, unit: "KG", storage: "CHILLED", rawFishery: true })]);
  }
  expect((await lotsOfOffer(rows[2]!.offerId))[0]).toMatchObject({ productName: "Limande", costPriceCents: 250 });
});

test("every broken row is named at once, each beside its field, and nothing is published", async () => {
  const donor = await createFarmDonor();
  const sole = await createEndedOffer({ producerId: donor.producerId, productName: "Sole commune", stock: 20, ordered: 5, sea: true });
  const plaice = await createEndedOffer({ producerId: donor.producerId, productName: "Plie", stock: 10, ordered: 4, sea: true });
  const dab = await createEndedOffer({ producerId: donor.producerId, productName: "Limande", stock: 10, ordered: 4, sea: true });

  const answer = asFailure(
    await submit(
      {
        ...window(),
        ...row(sole.offerId, { quantity: "16", costPrice: "4", storage: "chilled" }),
        ...row(plaice.offerId, { quantity: "3", costPrice: "4", storage: "frozen" }),
        ...row(dab.offerId, { quantity: "3", costPrice: "4", storage: "chilled", useBy: parisDateIn(4) }),
      },
      donor.cookie,
    ),
  );

  expect(answer.init?.status).toBe(400);
  expect(answer.data.message).toBe("2 lignes refusées : rien n'a été publié. Corrigez chaque ligne signalée, puis donnez.");
  expect(answer.data.fieldErrors).toEqual({
    [`quantity.${sole.offerId}`]: "Sole commune : Quantité : au plus ce qui reste invendu, soit 15.",
    [`frozenAtMinus18.${plaice.offerId}`]: "Plie : Lot surgelé : confirmez qu'il est conservé à −18 °C ou moins.",
  });
  for (const offer of [sole, plaice, dab]) expect(await lotsOfOffer(offer.offerId)).toEqual([]);
});
