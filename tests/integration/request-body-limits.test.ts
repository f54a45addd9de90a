import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { setCartQuantity } from "~/domain/ordering/cart.server";
import { action as ordersApiAction } from "~/routes/api.v1.orders";
import { action as settingsAction } from "~/routes/association.reglages";
import { action as signUpAction } from "~/routes/inscription";
import { action as cartAction } from "~/routes/panier.$distributionId";
import { action as importAction } from "~/routes/producteur.import._index";
import { createDistribution, createMemberUser, createOffer, createProducerUser, createUser, signedInCookie, uniqueEmail } from "../factories";

/**
 * Request bodies are bounded before they are read (app/http/body.server.ts): a form over 64 KB, a
 * JSON body over 64 KB, a catalogue upload over its file's limit are refused 413 with a sentence
 * in the visitor's language, read no further, and change nothing — whether the body declares its
 * length (refused before a byte is read) or comes chunked (refused as soon as it goes past).
 */

const KB = 1024;

/** A body as a stream of chunks, up to `totalBytes`, counting what the server pulled (nothing is pulled before a read). */
function countedStream(totalBytes: number, chunk: Uint8Array) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 });
  return { stream, pulled };
}

/** A form whose legitimate fields come first, then one field padded to about `totalBytes`. */
function paddedForm(fields: Record<string, string>, totalBytes: number) {
  const head = new TextEncoder().encode(`${new URLSearchParams(fields).toString()}&padding=`);
  const filler = new Uint8Array(64 * KB).fill(0x61);
  let sentHead = false;
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sentHead) {
        sentHead = true;
        pulled.bytes += head.byteLength;
        return controller.enqueue(head);
      }
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += filler.byteLength;
      controller.enqueue(filler);
    },
  }, { highWaterMark: 0 });
  return { stream, pulled };
}

type Sent = { declaredLength?: number; cookie?: string; contentType?: string; language?: string };

function postStream(path: string, body: ReadableStream<Uint8Array>, sent: Sent = {}): Request {
  const headers = new Headers({ "content-type": sent.contentType ?? "application/x-www-form-urlencoded" });
  if (sent.declaredLength !== undefined) headers.set("content-length", String(sent.declaredLength));
  if (sent.cookie) headers.set("cookie", sent.cookie);
  if (sent.language) headers.set("accept-language", sent.language);
  return new Request(`http://localhost${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** What an action answered or threw, as the response the framework sends: its status and JSON body. */
async function answer(run: () => Promise<unknown>): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    result = error;
  }
  if (result instanceof Response) {
    const text = await result.text();
    return { status: result.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: result.headers };
  }
  if (typeof result === "object" && result !== null && "init" in result && "data" in result) {
    const typed = result as { data: Record<string, unknown>; init: { status?: number } | null };
    return { status: typed.init?.status ?? 200, body: typed.data, headers: new Headers() };
  }
  throw new Error(`unexpected answer: ${String(result)}`);
}

async function customerAtCheckout() {
  const distribution = await createDistribution();
  const offer = await createOffer({ distributionId: distribution.id, stock: 10 });
  const user = await createUser();
  await setCartQuantity({ userId: user.id, offerId: offer.id, quantity: 2, now: new Date() });
  const fields = { intent: "checkout", slotId: distribution.slotIds[0] ?? "", paymentMethod: "at_pickup", idempotencyKey: randomUUID() };
  return { distribution, offer, user, fields, cookie: await signedInCookie(user.id) };
}

test("a checkout form padded past 64 KB and sent chunked is refused 413 in French, read no further, and places no order", async () => {
  const { distribution, offer, user, fields, cookie } = await customerAtCheckout();
  const { stream, pulled } = paddedForm(fields, 50 * 1024 * KB);
  const result = await answer(() => cartAction({ request: postStream(`/panier/${distribution.id}`, stream, { cookie }), params: { distributionId: distribution.id }, context: {} }));
  expect(result.status).toBe(413);
  expect(result.body.message).toBe("Votre envoi est trop volumineux (64 Ko au plus) : rien n'a été enregistré. Raccourcissez les champs ou envoyez un fichier plus léger.");
  // Stopped just past the limit, not after the 50 MB.
  expect(pulled.bytes).toBeLessThan(256 * KB);
  expect(await db().order.count({ where: { userId: user.id } })).toBe(0);
  expect(await db().offer.findUniqueOrThrow({ where: { id: offer.id }, select: { ordered: true } })).toEqual({ ordered: 0 });
});

test("a checkout form declaring 1 GB is refused 413 before a byte of it is read, in English when asked", async () => {
  const { distribution, user, fields, cookie } = await customerAtCheckout();
  const { stream, pulled } = paddedForm(fields, 1024 * 1024 * KB);
  const result = await answer(() =>
    cartAction({ request: postStream(`/panier/${distribution.id}`, stream, { cookie, declaredLength: 1024 ** 3, language: "en-GB,en" }), params: { distributionId: distribution.id }, context: {} }),
  );
  expect(result.status).toBe(413);
  expect(result.body.message).toBe("What you sent is too large (64 KB at most): nothing was saved. Shorten the fields or send a lighter file.");
  expect(pulled.bytes).toBe(0);
  expect(await db().order.count({ where: { userId: user.id } })).toBe(0);
});

test("a sign-up just under 64 KB still creates its account", async () => {
  const email = uniqueEmail("juste");
  const body = `${new URLSearchParams({ name: "Juste Sous", email, password: "un-mot-de-passe-solide" }).toString()}&note=${"a".repeat(60 * KB)}`;
  const request = new Request("http://localhost/inscription", {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length) },
  });
  const result = await answer(() => signUpAction({ request, params: {}, context: {} }));
  expect(result.status).toBe(302);
  expect(await db().user.count({ where: { email } })).toBe(1);
});

test("a sign-up padded past 64 KB creates no account", async () => {
  const email = uniqueEmail("gros");
  const { stream } = paddedForm({ name: "Gros Envoi", email, password: "un-mot-de-passe-solide" }, 2 * 1024 * KB);
  const result = await answer(() => signUpAction({ request: postStream("/inscription", stream), params: {}, context: {} }));
  expect(result.status).toBe(413);
  expect(await db().user.count({ where: { email } })).toBe(0);
});

test("a charity's settings form (repeated checkboxes) padded past 64 KB changes nothing", async () => {
  const { organisationId, cookie } = await createMemberUser("CHARITY");
  const before = await db().charitySettings.findUnique({ where: { organisationId } });
  const { stream } = paddedForm({ storesChilled: "on", minQuantity: "3", maxQuantity: "30" }, 1024 * KB);
  const result = await answer(() => settingsAction({ request: postStream("/association/reglages", stream, { cookie }), params: {}, context: {} }));
  expect(result.status).toBe(413);
  expect(await db().charitySettings.findUnique({ where: { organisationId } })).toEqual(before);
});

test("an API order whose JSON goes past 64 KB is refused 413 with its JSON reason, and no order is placed", async () => {
  const { distribution, offer, user, cookie } = await customerAtCheckout();
  const json = JSON.stringify({ distributionId: distribution.id, slotId: distribution.slotIds[0], paymentMethod: "at_pickup", lines: [{ offerId: offer.id, quantity: 1 }] });
  const padded = new TextEncoder().encode(`${json.slice(0, -1)},"padding":"`);
  const { stream, pulled } = countedStream(10 * 1024 * KB, new Uint8Array(64 * KB).fill(0x61));
  const whole = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(padded);
    },
    async pull(controller) {
      const reader = stream.getReader();
      const { done, value } = await reader.read();
      reader.releaseLock();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  const response = await ordersApiAction({ request: postStream("/api/v1/orders", whole, { cookie, contentType: "application/json" }), params: {}, context: {} });
  expect(response.status).toBe(413);
  expect(response.headers.get("connection")).toBe("close");
  expect(await response.json()).toEqual({ error: "body_too_large", message: "Votre envoi est trop volumineux (64 Ko au plus) : rien n'a été enregistré. Raccourcissez les champs ou envoyez un fichier plus léger." });
  expect(pulled.bytes).toBeLessThan(256 * KB);
  expect(await db().order.count({ where: { userId: user.id } })).toBe(0);
});

test("an API order declaring more than 64 KB is refused 413 before its body is read", async () => {
  const { user, cookie } = await customerAtCheckout();
  const { stream, pulled } = countedStream(1024 * KB, new Uint8Array(64 * KB).fill(0x20));
  const response = await ordersApiAction({ request: postStream("/api/v1/orders", stream, { cookie, contentType: "application/json", declaredLength: 1024 * KB }), params: {}, context: {} });
  expect(response.status).toBe(413);
  expect(((await response.json()) as { error: string }).error).toBe("body_too_large");
  expect(pulled.bytes).toBe(0);
  expect(await db().order.count({ where: { userId: user.id } })).toBe(0);
});

test("a catalogue upload made of many small parts, past the file's limit in all, is refused 413 and stores no import", async () => {
  const { producerId, cookie } = await createProducerUser();
  const boundary = "----borne";
  const part = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${"a".repeat(60 * KB)}\r\n`);
  const { stream, pulled } = countedStream(20 * 1024 * KB, part);
  const result = await answer(() =>
    importAction({ request: postStream("/producteur/import", stream, { cookie, contentType: `multipart/form-data; boundary=${boundary}` }), params: {}, context: {} }),
  );
  expect(result.status).toBe(413);
  expect(result.body.message).toBe("Fichier : trop lourd, 2 Mo au plus. Découpez-le en plusieurs fichiers.");
  expect(pulled.bytes).toBeLessThan(3 * 1024 * KB);
  expect(await db().catalogueImport.count({ where: { producerId } })).toBe(0);
});
