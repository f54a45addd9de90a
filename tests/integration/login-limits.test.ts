import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { logIn } from "~/domain/accounts/log-in.server";
import { resetPassword } from "~/domain/accounts/reset-password.server";
import { hashToken } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { action as apiSessionAction } from "~/routes/api.v1.session";
import { action as logInAction } from "~/routes/connexion";
import { action as signUpAction } from "~/routes/inscription";
import { createUser, createUsers, TEST_PASSWORD, uniqueEmail } from "../factories";
import { asFailure, post } from "../route-requests";

const WRONG = "pas-le-bon-mot-de-passe";
const MINUTE = 60_000;

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
}

/** The token of a reset link as its email carries it (the row keeps only its hash). */
async function resetLinkSentTo(userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db().passwordResetToken.create({ data: { tokenHash: hashToken(token), userId, expiresAt: at(now, 60) } });
  return token;
}

function at(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * MINUTE);
}

test("thirty people logging in from one market wifi all get in, and so do thirty more: successes never count", async () => {
  const wifi = randomUUID();
  const now = new Date();
  const people = await createUsers(60);
  const outcomes: string[] = [];
  for (const person of people) {
    outcomes.push(await outcome(() => logIn({ email: person.email, password: TEST_PASSWORD, clientAddress: wifi, now })));
  }
  expect(outcomes).toEqual(Array<string>(60).fill("ok"));
});

test("one person logging in forty times in a row from the same place is never slowed", async () => {
  const person = await createUser();
  const address = randomUUID();
  const now = new Date();
  for (let login = 0; login < 40; login += 1) {
    await expect(logIn({ email: person.email, password: TEST_PASSWORD, clientAddress: address, now })).resolves.toMatchObject({ userId: person.id });
  }
});

test("after five wrong passwords an unknown browser waits a minute, then two, then four: slowed, not locked", async () => {
  const person = await createUser();
  const address = randomUUID();
  const start = new Date();
  const tries: string[] = [];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    tries.push(await outcome(() => logIn({ email: person.email, password: WRONG, clientAddress: address, now: start })));
  }
  expect(tries).toEqual(Array<string>(5).fill("invalid_credentials"));

  // Even the right password is not checked while the wait runs: the answer says how long.
  const refused = logIn({ email: person.email, password: TEST_PASSWORD, clientAddress: address, now: at(start, 0.5) });
  await expect(refused).rejects.toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: 30, messageParams: { minutes: 1 } } });

  // A minute later one more guess is allowed; failing it earns two minutes, then four.
  await expect(logIn({ email: person.email, password: WRONG, clientAddress: address, now: at(start, 1) })).rejects.toMatchObject({ code: "invalid_credentials" });
  await expect(logIn({ email: person.email, password: WRONG, clientAddress: address, now: at(start, 2.5) })).rejects.toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: 30 } });
  await expect(logIn({ email: person.email, password: WRONG, clientAddress: address, now: at(start, 3) })).rejects.toMatchObject({ code: "invalid_credentials" });
  await expect(logIn({ email: person.email, password: WRONG, clientAddress: address, now: at(start, 6) })).rejects.toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: 60 } });

  // The owner, once the wait is over, gets in with the right password.
  await expect(logIn({ email: person.email, password: TEST_PASSWORD, clientAddress: address, now: at(start, 7) })).resolves.toMatchObject({ userId: person.id });
});

test("five wrong passwords every quarter of an hour for sixteen hours never keep the admin out of their own browser", async () => {
  const admin = await createUser({ name: "Admin du territoire" });
  const start = new Date();
  const home = randomUUID();
  const first = await logIn({ email: admin.email, password: TEST_PASSWORD, clientAddress: home, now: start });

  const attacker = randomUUID();
  const adminOutcomes: string[] = [];
  const attackerOutcomes = new Set<string>();
  for (let quarter = 0; quarter < 64; quarter += 1) {
    const now = at(start, 15 * quarter + 1);
    for (let guess = 0; guess < 5; guess += 1) {
      attackerOutcomes.add(await outcome(() => logIn({ email: admin.email, password: `${WRONG}-${quarter}-${guess}`, clientAddress: attacker, now })));
    }
    if (quarter % 8 === 0) {
      adminOutcomes.push(await outcome(() => logIn({ email: admin.email, password: TEST_PASSWORD, clientAddress: home, now: at(now, 1), deviceToken: first.deviceToken })));
    }
  }
  expect(attackerOutcomes).toEqual(new Set(["invalid_credentials", "rate_limited"]));
  expect(adminOutcomes).toEqual(Array<string>(8).fill("ok"));
});

test("the login page sets the known-browser cookie, and with it the right password passes while the account is slowed", async () => {
  const admin = await createUser();
  const first = await logInAction({ request: post("/connexion", { email: admin.email, password: TEST_PASSWORD, redirectTo: "/admin" }), params: {}, context: { clientAddress: randomUUID() } });
  if (!(first instanceof Response)) throw new Error("une redirection était attendue");
  const cookies = first.headers.getSetCookie();
  const device = cookies.find((cookie) => cookie.startsWith("tm_device="));
  expect(device).toMatch(/^tm_device=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
  expect(cookies.some((cookie) => cookie.startsWith("tm_session="))).toBe(true);

  for (let guess = 0; guess < 12; guess += 1) {
    await outcome(() => logIn({ email: admin.email, password: WRONG, clientAddress: randomUUID(), now: new Date() }));
  }
  const elsewhere = asFailure(await logInAction({ request: post("/connexion", { email: admin.email, password: TEST_PASSWORD, redirectTo: "/" }), params: {}, context: { clientAddress: randomUUID() } }));
  expect(elsewhere.init?.status).toBe(429);
  expect(elsewhere.data.message).toMatch(/^Trop de tentatives de connexion\. Réessayez dans \d+ minutes, ou choisissez « Mot de passe oublié \? »\./);

  const known = await logInAction({
    request: post("/connexion", { email: admin.email, password: TEST_PASSWORD, redirectTo: "/admin" }, device?.split(";")[0]),
    params: {},
    context: { clientAddress: randomUUID() },
  });
  expect(known instanceof Response && known.status).toBe(302);
  expect(known instanceof Response && known.headers.get("location")).toBe("/admin");
});

test("a known browser's cookie in a thief's hands allows five guesses, then counts for nothing", async () => {
  const person = await createUser();
  const now = new Date();
  const { deviceToken } = await logIn({ email: person.email, password: TEST_PASSWORD, clientAddress: randomUUID(), now });
  const address = randomUUID();
  // Twenty guesses at once with the stolen cookie and from one address: five through the cookie,
  // then the ordinary limit of the account at this address.
  const outcomes = await Promise.all(
    Array.from({ length: 20 }, (_, guess) => outcome(() => logIn({ email: person.email, password: `${WRONG}-${guess}`, clientAddress: address, now, deviceToken }))),
  );
  expect(outcomes.filter((result) => result === "invalid_credentials")).toHaveLength(10);
  expect(outcomes.filter((result) => result === "rate_limited")).toHaveLength(10);
  await expect(logIn({ email: person.email, password: TEST_PASSWORD, clientAddress: address, now, deviceToken })).rejects.toMatchObject({ code: "rate_limited" });
});

test("a hundred guesses sent at once on one account from one address: only five passwords are checked", async () => {
  const person = await createUser();
  const address = randomUUID();
  const now = new Date();
  const outcomes = await Promise.all(Array.from({ length: 100 }, (_, guess) => outcome(() => logIn({ email: person.email, password: `${WRONG}-${guess}`, clientAddress: address, now }))));
  expect(outcomes.filter((result) => result === "invalid_credentials")).toHaveLength(5);
  expect(outcomes.filter((result) => result === "rate_limited")).toHaveLength(95);
});

test("one address trying many accounts is slowed after 30 failures; others at that address who logged in there before still get in", async () => {
  const wifi = randomUUID();
  const now = new Date();
  const regular = await createUser();
  const { deviceToken } = await logIn({ email: regular.email, password: TEST_PASSWORD, clientAddress: wifi, now });
  const outcomes: string[] = [];
  for (let attempt = 0; attempt < 31; attempt += 1) {
    outcomes.push(await outcome(() => logIn({ email: uniqueEmail("inconnu"), password: WRONG, clientAddress: wifi, now })));
  }
  expect(outcomes).toEqual([...Array<string>(30).fill("invalid_credentials"), "rate_limited"]);
  await expect(logIn({ email: regular.email, password: TEST_PASSWORD, clientAddress: wifi, now, deviceToken })).resolves.toMatchObject({ userId: regular.id });
  await expect(logIn({ email: uniqueEmail("inconnu"), password: WRONG, clientAddress: randomUUID(), now })).rejects.toMatchObject({ code: "invalid_credentials" });
  // The address's count is forgotten within the hour.
  await expect(logIn({ email: uniqueEmail("inconnu"), password: WRONG, clientAddress: wifi, now: at(now, 61) })).rejects.toMatchObject({ code: "invalid_credentials" });
});

test("an owner slowed on a new phone gets in through a reset link, and that phone is known from then on", async () => {
  const person = await createUser();
  const now = new Date();
  for (let guess = 0; guess < 12; guess += 1) {
    await outcome(() => logIn({ email: person.email, password: WRONG, clientAddress: randomUUID(), now }));
  }
  const phone = randomUUID();
  await expect(logIn({ email: person.email, password: TEST_PASSWORD, clientAddress: phone, now })).rejects.toMatchObject({ code: "rate_limited" });

  const token = await resetLinkSentTo(person.id, now);
  const reset = await resetPassword({ token, password: "nouveau-mot-de-passe", clientAddress: phone, now });
  await expect(logIn({ email: person.email, password: "nouveau-mot-de-passe", clientAddress: phone, now, deviceToken: reset.deviceToken })).resolves.toMatchObject({
    userId: person.id,
  });
});

test("the API login sets the known-browser cookie too, and with it the right password passes while the account is slowed", async () => {
  const person = await createUser();
  const apiLogIn = (cookie?: string) =>
    apiSessionAction({
      request: new Request("http://localhost/api/v1/session", {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ email: person.email, password: TEST_PASSWORD }),
      }),
      params: {},
      context: { clientAddress: randomUUID() },
    }) as Promise<Response>;
  const first = await apiLogIn();
  expect(first.status).toBe(200);
  const device = first.headers.getSetCookie().find((cookie) => cookie.startsWith("tm_device="));
  expect(device).toMatch(/^tm_device=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);

  for (let guess = 0; guess < 12; guess += 1) {
    await outcome(() => logIn({ email: person.email, password: WRONG, clientAddress: randomUUID(), now: new Date() }));
  }
  expect((await apiLogIn()).status).toBe(429);
  expect((await apiLogIn(device?.split(";")[0])).status).toBe(200);
});

test("the browser where an account was opened is known: a stranger slowing the new account does not keep its owner out there", async () => {
  const email = uniqueEmail("nouveau");
  const opened = await signUpAction({
    request: post("/inscription", { name: "Lou Martin", email, password: "une-phrase-de-passe", redirectTo: "/" }),
    params: {},
    context: { clientAddress: randomUUID() },
  });
  if (!(opened instanceof Response)) throw new Error("une redirection était attendue");
  const device = opened.headers.getSetCookie().find((cookie) => cookie.startsWith("tm_device="));
  expect(device).toMatch(/^tm_device=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);

  for (let guess = 0; guess < 12; guess += 1) {
    await outcome(() => logIn({ email, password: WRONG, clientAddress: randomUUID(), now: new Date() }));
  }
  const back = await logInAction({ request: post("/connexion", { email, password: "une-phrase-de-passe", redirectTo: "/" }, device?.split(";")[0]), params: {}, context: { clientAddress: randomUUID() } });
  expect(back instanceof Response && back.status).toBe(302);
});
