import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { archiveProduct } from "~/domain/catalog/archive-product.server";
import { placeOrder } from "~/domain/ordering/place-order.server";
import { action as editAction, loader as editLoader } from "~/routes/producteur.produits.$id";
import { loader as listLoader } from "~/routes/producteur.produits._index";
import { action as newAction, loader as newLoader } from "~/routes/producteur.produits.nouveau";
import { createDistribution, createMemberUser, createProducerUser, createUser, signedInCookie } from "../factories";
import { get } from "../route-requests";

/**
 * The producer's catalogue through its pages' loaders and actions, as a browser would call them:
 * create, edit, archive; ownership (another producer gets 404), other roles (403), and every rule
 * of the product form refusing bad input with a French message that names the field.
 */

type Failure = { init: { status: number } | null; data: { ok: false; message: string; fieldErrors: Record<string, string> } };

function post(path: string, fields: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: cookie ? { cookie } : {} });
}

async function settle(call: () => unknown): Promise<unknown> {
  try {
    return await call();
  } catch (thrown) {
    return thrown;
  }
}

function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  if (typeof result === "object" && result !== null && "init" in result) return (result as Failure).init?.status ?? 200;
  return 200;
}

async function ensureCategories() {
  const categories = [
    { id: "legumes", nameFr: "Légumes", nameEn: "Vegetables", position: 1 },
    { id: "poissons", nameFr: "Poissons", nameEn: "Fish", position: 5 },
    { id: "coquillages", nameFr: "Coquillages et crustacés", nameEn: "Shellfish", position: 6 },
  ];
  for (const category of categories) await db().category.upsert({ where: { id: category.id }, create: category, update: {} });
}

const carrots = { intent: "save", name: "Carottes des sables", categoryId: "legumes", unit: "KG", price: "3,20", vatRate: "5.5", kind: "PRODUCT" };
const scallops = {
  intent: "save",
  name: "Noix de Saint-Jacques",
  categoryId: "coquillages",
  unit: "KG",
  price: "28,50",
  vatRate: "5.5",
  commercialName: "Coquille Saint-Jacques",
  scientificName: "Pecten maximus",
  productionMethod: "CAUGHT_AT_SEA",
  faoArea: "27.7.d",
  gearCategory: "dredges",
  thawed: "non",
};

async function producerWithProduct(fields: Record<string, string | string[]> = carrots) {
  await ensureCategories();
  const producer = await createProducerUser();
  const result = await newAction({ request: post("/producteur/produits/nouveau", fields, producer.cookie), params: {}, context: {} });
  if (!(result instanceof Response)) throw new Error(`création refusée : ${JSON.stringify(result)}`);
  const productId = result.headers.get("location")!.match(/produits\/([^?]+)/)![1]!;
  return { ...producer, productId };
}

async function productRow(id: string) {
  return db().product.findUnique({ where: { id } });
}

async function productCount(producerId: string) {
  return db().product.count({ where: { producerId } });
}

test("a producer creates a product: it is saved for their organisation and the page shows it", async () => {
  await ensureCategories();
  const producer = await createProducerUser();
  const result = await newAction({
    request: post("/producteur/produits/nouveau", { ...carrots, allergens: ["celery", "mustard"], variableWeight: "oui", reference: "CAR-01" }, producer.cookie),
    params: {},
    context: {},
  });
  expect(result).toBeInstanceOf(Response);
  const location = (result as Response).headers.get("location")!;
  expect(location).toMatch(/^\/producteur\/produits\/[0-9a-f-]{36}\?cree=1$/);
  const products = await db().product.findMany({ where: { producerId: producer.producerId } });
  expect(products).toHaveLength(1);
  expect(products[0]).toMatchObject({
    name: "Carottes des sables",
    priceCents: 320,
    vatRateBp: 550,
    unit: "KG",
    variableWeight: true,
    allergens: ["celery", "mustard"],
    reference: "CAR-01",
    archivedAt: null,
  });

  const page = (await editLoader({ request: get(location, producer.cookie), params: { id: products[0]!.id }, context: {} })) as Awaited<ReturnType<typeof editLoader>>;
  expect(page.values).toMatchObject({ name: "Carottes des sables", price: "3,20", vatRate: "5,5", allergens: "celery,mustard", reference: "CAR-01" });
  const form = (await newLoader({ request: get("/producteur/produits/nouveau", producer.cookie), params: {}, context: {} })) as Awaited<ReturnType<typeof newLoader>>;
  expect(form.categories.find((category) => category.id === "poissons")?.sea).toBe(true);
});

test("a sea product is saved with its labelling", async () => {
  const { productId } = await producerWithProduct(scallops);
  expect(await productRow(productId)).toMatchObject({
    commercialName: "Coquille Saint-Jacques",
    scientificName: "Pecten maximus",
    productionMethod: "CAUGHT_AT_SEA",
    faoArea: "27.7.d",
    gearCategory: "dredges",
    thawed: false,
    priceCents: 2850,
  });
});

test("an organic product needs the organisation's control body code", async () => {
  await ensureCategories();
  const producer = await createProducerUser();
  const refused = (await newAction({ request: post("/producteur/produits/nouveau", { ...carrots, organic: "oui" }, producer.cookie), params: {}, context: {} })) as Failure;
  expect(refused.init?.status).toBe(400);
  expect(refused.data.fieldErrors.organic).toContain("organisme certificateur");
  expect(await productCount(producer.producerId)).toBe(0);

  await db().organisation.update({ where: { id: producer.producerId }, data: { organicCertified: true, organicControlBody: "FR-BIO-01" } });
  const accepted = await newAction({ request: post("/producteur/produits/nouveau", { ...carrots, organic: "oui" }, producer.cookie), params: {}, context: {} });
  expect(accepted).toBeInstanceOf(Response);
  expect(await db().product.findFirst({ where: { producerId: producer.producerId }, select: { organic: true } })).toEqual({ organic: true });
});

const badInputs: Array<{ rule: string; fields: Record<string, string>; field: string; message: string }> = [
  { rule: "empty name", fields: { ...carrots, name: "" }, field: "name", message: "Nom : saisissez le nom du produit." },
  { rule: "name of 121 characters", fields: { ...carrots, name: "a".repeat(121) }, field: "name", message: "Nom : 120 caractères au plus." },
  { rule: "no price", fields: { ...carrots, price: "" }, field: "price", message: "Prix : saisissez le prix TTC en euros (exemple : 3,20)." },
  { rule: "negative price", fields: { ...carrots, price: "-2" }, field: "price", message: "Prix : le prix ne peut pas être négatif." },
  { rule: "huge price", fields: { ...carrots, price: "10000,01" }, field: "price", message: "Prix : 10 000 € au plus." },
  { rule: "enormous price", fields: { ...carrots, price: "99999999999999999999" }, field: "price", message: "Prix : saisissez un montant en euros (exemple : 3,20)." },
  { rule: "price with 3 decimals", fields: { ...carrots, price: "3,201" }, field: "price", message: "Prix : deux chiffres après la virgule au plus." },
  { rule: "price in words", fields: { ...carrots, price: "trois euros" }, field: "price", message: "Prix : saisissez un montant en euros (exemple : 3,20)." },
  { rule: "VAT of 7 %", fields: { ...carrots, vatRate: "7" }, field: "vatRate", message: "TVA : choisissez 0 %, 5,5 %, 10 % ou 20 %." },
  { rule: "unknown unit", fields: { ...carrots, unit: "tonne" }, field: "unit", message: "Unité : choisissez pièce, botte, kg, 100 g, douzaine ou litre." },
  { rule: "unknown category", fields: { ...carrots, categoryId: "martiens" }, field: "categoryId", message: "Catégorie : cette catégorie n'existe pas." },
  {
    rule: "variable-weight piece without estimate",
    fields: { ...carrots, unit: "PIECE", variableWeight: "oui" },
    field: "estimatedWeightGrams",
    message: "Poids estimé : obligatoire pour un produit à poids variable vendu à la pièce.",
  },
  { rule: "negative net quantity", fields: { ...carrots, netQuantityGrams: "-250" }, field: "netQuantityGrams", message: "Quantité nette : au moins 1 g." },
  { rule: "unknown allergen", fields: { ...carrots, allergens: "plutonium" }, field: "allergens", message: "Allergènes : « plutonium » n'est pas l'un des 14 allergènes réglementaires." },
  { rule: "sea product without scientific name", fields: { ...scallops, scientificName: "" }, field: "scientificName", message: "Nom scientifique : obligatoire pour un produit de la mer." },
  {
    rule: "sea product with a made-up scientific name",
    fields: { ...scallops, scientificName: "grosse coquille" },
    field: "scientificName",
    message: "Nom scientifique : choisissez une espèce de la liste ou saisissez un nom latin (genre et espèce, exemple : Pecten maximus).",
  },
  { rule: "sea product without commercial name", fields: { ...scallops, commercialName: "" }, field: "commercialName", message: "Dénomination commerciale : obligatoire pour un produit de la mer." },
  { rule: "sea product without method", fields: { ...scallops, productionMethod: "" }, field: "productionMethod", message: "Méthode de production : obligatoire pour un produit de la mer." },
  { rule: "sea product from an unknown FAO area", fields: { ...scallops, faoArea: "99.1" }, field: "faoArea", message: "Zone de capture : choisissez une division FAO de la liste (exemple : 27.7.d)." },
  { rule: "sea product without gear", fields: { ...scallops, gearCategory: "" }, field: "gearCategory", message: "Engin de pêche : obligatoire pour un produit de la mer." },
  { rule: "sea product without thawed answer", fields: { ...scallops, thawed: "" }, field: "thawed", message: "Décongelé : indiquez si le produit a été décongelé (oui ou non)." },
  {
    rule: "organic wild-caught fish",
    fields: { ...scallops, organic: "oui" },
    field: "organic",
    message: "Bio : un poisson sauvage (pêché en mer ou en eau douce) ne peut pas être bio.",
  },
];

test.each(badInputs)("creating a product with $rule: 400 naming the field, nothing saved", async ({ fields, field, message }) => {
  await ensureCategories();
  const producer = await createProducerUser();
  await db().organisation.update({ where: { id: producer.producerId }, data: { organicControlBody: "FR-BIO-01" } });
  const result = (await newAction({ request: post("/producteur/produits/nouveau", fields, producer.cookie), params: {}, context: {} })) as Failure;
  expect(result.init?.status).toBe(400);
  expect(result.data.message).toBe("Certaines informations sont invalides : vérifiez les champs signalés.");
  expect(result.data.fieldErrors[field]).toBe(message);
  expect(await productCount(producer.producerId)).toBe(0);
});

test("bad input is explained in English to an English reader, and an edit with bad input changes nothing", async () => {
  const { cookie, productId } = await producerWithProduct();
  const before = await productRow(productId);
  const result = (await editAction({
    request: post(`/producteur/produits/${productId}`, { ...carrots, name: "", price: "-1" }, `${cookie}; tm_lang=en`),
    params: { id: productId },
    context: {},
  })) as Failure;
  expect(result.init?.status).toBe(400);
  expect(result.data.fieldErrors).toEqual({ name: "Name: enter the product's name.", price: "Price: the price cannot be negative." });
  expect(await productRow(productId)).toEqual(before);
});

test("all the issues of a form come at once", async () => {
  await ensureCategories();
  const producer = await createProducerUser();
  const result = (await newAction({ request: post("/producteur/produits/nouveau", { intent: "save" }, producer.cookie), params: {}, context: {} })) as Failure;
  expect(result.init?.status).toBe(400);
  expect(Object.keys(result.data.fieldErrors).sort()).toEqual(["categoryId", "name", "price", "unit", "vatRate"]);
});

test("a reference is unique per producer: a second product with it is refused on that field", async () => {
  const { cookie, producerId } = await producerWithProduct({ ...carrots, reference: "REF-7" });
  const result = (await newAction({ request: post("/producteur/produits/nouveau", { ...carrots, name: "Autre", reference: "REF-7" }, cookie), params: {}, context: {} })) as Failure;
  expect(result.init?.status).toBe(400);
  expect(result.data.fieldErrors.reference).toBe("Référence : un autre de vos produits porte déjà cette référence.");
  expect(await productCount(producerId)).toBe(1);
  // Another producer may use the same reference for their own product.
  await producerWithProduct({ ...carrots, reference: "REF-7" });
});

test("editing a product changes it, but an offer already on sale keeps its own price", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  const distribution = await createDistribution();
  const offerId = randomUUID();
  await db().offer.create({ data: { id: offerId, distributionId: distribution.id, productId, priceCents: 320, stock: 10 } });

  const result = await editAction({ request: post(`/producteur/produits/${productId}`, { ...carrots, name: "Carottes nouvelles", price: "3,90" }, cookie), params: { id: productId }, context: {} });
  expect(result).toBeInstanceOf(Response);
  expect((result as Response).headers.get("location")).toBe(`/producteur/produits/${productId}?enregistre=1`);
  expect(await productRow(productId)).toMatchObject({ name: "Carottes nouvelles", priceCents: 390, producerId });
  expect(await db().offer.findUnique({ where: { id: offerId }, select: { priceCents: true } })).toEqual({ priceCents: 320 });
});

test("a product that was ordered is archived, never deleted, and can be restored", async () => {
  const { cookie, productId } = await producerWithProduct();
  const distribution = await createDistribution();
  const offerId = randomUUID();
  await db().offer.create({ data: { id: offerId, distributionId: distribution.id, productId, priceCents: 320, stock: 10 } });
  await placeOrder({ distributionId: distribution.id, lines: [{ offerId, quantity: 1 }], paymentMethod: "at_pickup", customer: await createUser(), now: new Date(), appUrl: "http://localhost" });

  const archived = await editAction({ request: post(`/producteur/produits/${productId}`, { intent: "archive" }, cookie), params: { id: productId }, context: {} });
  expect((archived as Response).headers.get("location")).toBe(`/producteur/produits/${productId}?archive=1`);
  expect((await productRow(productId))?.archivedAt).toBeInstanceOf(Date);
  const page = (await editLoader({ request: get(`/producteur/produits/${productId}`, cookie), params: { id: productId }, context: {} })) as Awaited<ReturnType<typeof editLoader>>;
  expect(page.product).toMatchObject({ archived: true, offered: true });

  const list = (await listLoader({ request: get("/producteur/produits", cookie), params: {}, context: {} })) as Awaited<ReturnType<typeof listLoader>>;
  expect(list.active.map((product) => product.id)).not.toContain(productId);
  expect(list.archived.map((product) => product.id)).toEqual([productId]);

  await editAction({ request: post(`/producteur/produits/${productId}`, { intent: "restore" }, cookie), params: { id: productId }, context: {} });
  expect((await productRow(productId))?.archivedAt).toBeNull();
});

test("a product never put on sale is deleted", async () => {
  const { cookie, producerId, productId } = await producerWithProduct();
  const result = await editAction({ request: post(`/producteur/produits/${productId}`, { intent: "archive" }, cookie), params: { id: productId }, context: {} });
  expect((result as Response).headers.get("location")).toBe("/producteur/produits?supprime=1");
  expect(await productCount(producerId)).toBe(0);
});

test("the list shows only the producer's own products, and finds them by name or reference", async () => {
  const a = await producerWithProduct({ ...carrots, name: "Poireaux d'hiver", reference: "POI-1" });
  await newAction({ request: post("/producteur/produits/nouveau", { ...carrots, name: "Céleri-rave" }, a.cookie), params: {}, context: {} });
  await producerWithProduct({ ...carrots, name: "Poireaux du voisin" });

  const all = (await listLoader({ request: get("/producteur/produits", a.cookie), params: {}, context: {} })) as Awaited<ReturnType<typeof listLoader>>;
  expect(all.active.map((product) => product.name)).toEqual(["Céleri-rave", "Poireaux d'hiver"]);
  const byName = (await listLoader({ request: get("/producteur/produits?q=poireaux", a.cookie), params: {}, context: {} })) as Awaited<ReturnType<typeof listLoader>>;
  expect(byName.active.map((product) => product.name)).toEqual(["Poireaux d'hiver"]);
  const byReference = (await listLoader({ request: get("/producteur/produits?q=poi-1", a.cookie), params: {}, context: {} })) as Awaited<ReturnType<typeof listLoader>>;
  expect(byReference.active.map((product) => product.name)).toEqual(["Poireaux d'hiver"]);
  const wildcard = (await listLoader({ request: get("/producteur/produits?q=%25", a.cookie), params: {}, context: {} })) as Awaited<ReturnType<typeof listLoader>>;
  expect(wildcard.active).toEqual([]);
  const huge = (await listLoader({ request: get(`/producteur/produits?q=${"x".repeat(5000)}`, a.cookie), params: {}, context: {} })) as Awaited<ReturnType<typeof listLoader>>;
  expect(huge.active).toEqual([]);
});

test("another producer gets 404 for every page and action of a product, and changes nothing", async () => {
  const a = await producerWithProduct();
  const b = await createProducerUser();
  const before = await productRow(a.productId);
  const url = `/producteur/produits/${a.productId}`;

  expect(statusOf(await settle(() => editLoader({ request: get(url, b.cookie), params: { id: a.productId }, context: {} })))).toBe(404);
  for (const fields of [{ ...carrots, name: "Volé" }, { intent: "archive" }, { intent: "restore" }, { intent: "remove-photo" }]) {
    expect(statusOf(await settle(() => editAction({ request: post(url, fields, b.cookie), params: { id: a.productId }, context: {} })))).toBe(404);
  }
  // A missing product and a malformed id are the same 404.
  expect(statusOf(await settle(() => editLoader({ request: get("/producteur/produits/inconnu", a.cookie), params: { id: randomUUID() }, context: {} })))).toBe(404);
  expect(statusOf(await settle(() => editLoader({ request: get("/producteur/produits/x", a.cookie), params: { id: "../../etc" }, context: {} })))).toBe(404);

  const list = (await listLoader({ request: get("/producteur/produits", b.cookie), params: {}, context: {} })) as Awaited<ReturnType<typeof listLoader>>;
  expect(list.active).toEqual([]);
  expect(await productRow(a.productId)).toEqual(before);
});

test("a consumer or a charity gets 403 on every product page; an anonymous visitor is sent to log in", async () => {
  const a = await producerWithProduct();
  const consumer = await createUser();
  const charity = await createMemberUser("CHARITY");
  const before = await productRow(a.productId);
  const url = `/producteur/produits/${a.productId}`;
  for (const cookie of [await signedInCookie(consumer.id), charity.cookie]) {
    expect(statusOf(await settle(() => listLoader({ request: get("/producteur/produits", cookie), params: {}, context: {} })))).toBe(403);
    expect(statusOf(await settle(() => newLoader({ request: get("/producteur/produits/nouveau", cookie), params: {}, context: {} })))).toBe(403);
    expect(statusOf(await settle(() => newAction({ request: post("/producteur/produits/nouveau", carrots, cookie), params: {}, context: {} })))).toBe(403);
    expect(statusOf(await settle(() => editLoader({ request: get(url, cookie), params: { id: a.productId }, context: {} })))).toBe(403);
    expect(statusOf(await settle(() => editAction({ request: post(url, { intent: "archive" }, cookie), params: { id: a.productId }, context: {} })))).toBe(403);
  }
  const anonymous = await settle(() => newAction({ request: post("/producteur/produits/nouveau", carrots), params: {}, context: {} }));
  expect(statusOf(anonymous)).toBe(302);
  expect((anonymous as Response).headers.get("location")).toMatch(/^\/connexion/);
  expect(await productRow(a.productId)).toEqual(before);
  expect(await db().product.count({ where: { name: carrots.name, producer: { memberships: { some: { userId: consumer.id } } } } })).toBe(0);
});

test("deleting a never-offered product while an offer for it is being made never leaves an offer without its product", async () => {
  const distribution = await createDistribution();
  for (let round = 0; round < 10; round += 1) {
    const { producerId, productId } = await producerWithProduct();
    const offerId = randomUUID();
    const [archived, offered] = await Promise.allSettled([
      archiveProduct({ producerId, productId, now: new Date() }),
      db().offer.create({ data: { id: offerId, distributionId: distribution.id, productId, priceCents: 320, stock: 5 } }),
    ]);
    expect(archived.status).toBe("fulfilled");
    const product = await productRow(productId);
    const offer = await db().offer.findUnique({ where: { id: offerId }, select: { productId: true } });
    if (archived.status === "fulfilled" && archived.value.outcome === "deleted") {
      // The product went first: the offer was refused by the foreign key, none is left dangling.
      expect(offered.status).toBe("rejected");
      expect(product).toBeNull();
      expect(offer).toBeNull();
    } else {
      // The offer went first: the product is kept, archived, and the offer still points at it.
      expect(offered.status).toBe("fulfilled");
      expect(product?.archivedAt).toBeInstanceOf(Date);
      expect(offer).toEqual({ productId });
    }
  }
});
