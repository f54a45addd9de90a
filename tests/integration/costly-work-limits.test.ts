import { randomUUID } from "node:crypto";
import { afterEach, expect, test, vi } from "vitest";
import { db } from "~/db.server";
import * as passwords from "~/domain/accounts/password.server";
import { action as signUpAction } from "~/routes/inscription";
import { action as resetAction } from "~/routes/reinitialiser.$token";
import { uniqueEmail } from "../factories";
import { asFailure, post } from "../route-requests";

// The real argon2, watched: each call is one ~20 MiB, tens-of-milliseconds hash a stranger made us compute.
vi.mock("~/domain/accounts/password.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/domain/accounts/password.server")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
const hashes = vi.mocked(passwords.hashPassword);

afterEach(() => {
  hashes.mockClear();
});

function resetRequest(token: string, clientAddress: string) {
  return resetAction({ request: post(`/reinitialiser/${token}`, { password: "nouveau-mot-de-passe" }), params: { token }, context: { clientAddress } });
}

function signUpRequest(email: string, clientAddress: string) {
  return signUpAction({ request: post("/inscription", { name: "Camille Limite", email, password: "une-phrase-de-passe" }), params: {}, context: { clientAddress } });
}

test("a new password posted to a link that does not exist is refused as an invalid link, without hashing anything", async () => {
  const response = asFailure(await resetRequest(`inconnu-${randomUUID()}`, randomUUID()));
  expect(response.init?.status).toBe(400);
  expect(response.data.message).toBe("Ce lien n'est plus valable. Demandez un nouveau lien de réinitialisation.");
  expect(hashes).not.toHaveBeenCalled();
});

test("one address posting to reset links is slowed after 10 tries in 15 minutes; another address is not", async () => {
  const address = randomUUID();
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 11; attempt += 1) {
    statuses.push(asFailure(await resetRequest(`inconnu-${randomUUID()}`, address)).init?.status ?? 0);
  }
  expect(statuses).toEqual([...Array<number>(10).fill(400), 429]);
  const limited = asFailure(await resetRequest(`inconnu-${randomUUID()}`, address));
  expect(limited.data.message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes\.$/);
  expect(asFailure(await resetRequest(`inconnu-${randomUUID()}`, randomUUID())).init?.status).toBe(400);
  expect(hashes).not.toHaveBeenCalled();
});

test("one address creates at most 20 accounts an hour: the next is refused before any hash and creates nothing", async () => {
  const address = randomUUID();
  for (let signUp = 0; signUp < 20; signUp += 1) {
    const response = await signUpRequest(uniqueEmail("vague"), address);
    expect(response instanceof Response ? response.status : asFailure(response).init?.status).toBe(302);
  }
  expect(hashes).toHaveBeenCalledTimes(20);

  const refusedEmail = uniqueEmail("refusee");
  const refused = asFailure(await signUpRequest(refusedEmail, address));
  expect(refused.init?.status).toBe(429);
  expect(refused.data.message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes\.$/);
  expect(await db().user.count({ where: { email: refusedEmail } })).toBe(0);
  expect(hashes).toHaveBeenCalledTimes(20);

  // Someone else, elsewhere, signs up as usual.
  const elsewhere = await signUpRequest(uniqueEmail("ailleurs"), randomUUID());
  expect(elsewhere instanceof Response && elsewhere.status).toBe(302);
});
