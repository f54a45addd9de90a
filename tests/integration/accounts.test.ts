import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { logIn } from "~/domain/accounts/log-in.server";
import { requestPasswordReset } from "~/domain/accounts/request-password-reset.server";
import { resetPassword } from "~/domain/accounts/reset-password.server";
import { findSessionUser } from "~/domain/accounts/session.server";
import { signUp } from "~/domain/accounts/sign-up.server";
import { DomainError } from "~/domain/errors";
import { loader as outboxLoader } from "~/routes/admin.outbox";
import { action as signUpAction } from "~/routes/inscription";
import { createUser, signedInCookie, TEST_PASSWORD, uniqueEmail } from "../factories";
import { lastLinkTokenTo } from "../mailbox";

const APP_URL = "http://localhost:3000";

async function outboxFor(email: string) {
  return db().outboxEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

test("signing up creates the account, opens a session and writes a welcome email in the person's language", async () => {
  const email = uniqueEmail("nouvelle");
  const result = await signUp({ name: "Lou Martin", email, password: "une-phrase-de-passe", locale: "en", now: new Date(), appUrl: APP_URL, clientAddress: randomUUID() });
  const user = await findSessionUser(result.sessionToken, new Date());
  expect(user).toMatchObject({ email, name: "Lou Martin", roles: ["CONSUMER"] });
  const emails = await outboxFor(email);
  expect(emails).toHaveLength(1);
  expect(emails[0]).toMatchObject({ locale: "en", subject: "Welcome to Terre & Mer", status: "PENDING" });
  expect(emails[0]?.html).toContain('lang="en"');
});

test("an email already registered, in any letter case, is refused and nothing is created", async () => {
  const existing = await createUser();
  await expect(
    signUp({ name: "Double", email: existing.email, password: "une-phrase-de-passe", locale: "fr", now: new Date(), appUrl: APP_URL, clientAddress: randomUUID() }),
  ).rejects.toMatchObject({ code: "email_taken" });
  const response = await signUpAction({
    request: new Request("http://localhost/inscription", { method: "POST", body: new URLSearchParams({ name: "Double", email: existing.email.toUpperCase(), password: "une-phrase-de-passe" }) }),
    params: {},
    context: {},
  });
  expect(response).toMatchObject({ init: { status: 409 } });
  expect(await db().user.count({ where: { email: existing.email } })).toBe(1);
  expect(await outboxFor(existing.email)).toHaveLength(0);
});

test("sign-up with bad input answers 400 with French messages per field and creates nothing", async () => {
  const email = uniqueEmail("invalide");
  const response = await signUpAction({
    request: new Request("http://localhost/inscription", { method: "POST", body: new URLSearchParams({ name: "", email: `${email}@@`, password: "court" }) }),
    params: {},
    context: {},
  });
  expect(response).toMatchObject({
    init: { status: 400 },
    data: {
      fieldErrors: {
        name: "Saisissez votre nom.",
        email: "Saisissez une adresse e-mail valide (exemple : nom@domaine.fr).",
        password: "Le mot de passe doit faire au moins 10 caractères.",
      },
    },
  });
  expect(await db().user.count({ where: { email } })).toBe(0);
});

test("logging in rotates the session: the presented session is closed and a new one opened", async () => {
  const user = await createUser();
  const first = await logIn({ email: user.email, password: TEST_PASSWORD, clientAddress: randomUUID(), now: new Date() });
  const second = await logIn({ email: user.email, password: TEST_PASSWORD, clientAddress: randomUUID(), now: new Date(), previousSessionToken: first.sessionToken });
  expect(second.sessionToken).not.toBe(first.sessionToken);
  expect(await findSessionUser(first.sessionToken, new Date())).toBeNull();
  expect(await findSessionUser(second.sessionToken, new Date())).toMatchObject({ id: user.id });
});

test("one address failing on many accounts is slowed after 30 failures in an hour", async () => {
  const address = randomUUID();
  const now = new Date();
  const outcomes: string[] = [];
  for (let attempt = 0; attempt < 31; attempt += 1) {
    try {
      await logIn({ email: uniqueEmail("inconnu"), password: "nimporte-quoi", clientAddress: address, now });
      outcomes.push("ok");
    } catch (error) {
      outcomes.push(error instanceof DomainError ? error.code : "crash");
    }
  }
  expect(outcomes.slice(0, 30).every((outcome) => outcome === "invalid_credentials")).toBe(true);
  expect(outcomes[30]).toBe("rate_limited");
});

test("a password reset link works once, within the hour, and closes the other sessions", async () => {
  const user = await createUser({ locale: "fr" });
  const now = new Date();
  const oldSession = await logIn({ email: user.email, password: TEST_PASSWORD, clientAddress: randomUUID(), now });
  await requestPasswordReset({ email: user.email, now, appUrl: APP_URL });
  const [email] = await outboxFor(user.email);
  expect(email?.subject).toBe("Réinitialiser votre mot de passe Terre & Mer");
  // The link is in the email the person receives, never in the outbox (decision 015).
  const token = await lastLinkTokenTo(user.email, "/reinitialiser/", new Date(now.getTime() + 60_000));

  const later = new Date(now.getTime() + 59 * 60_000);
  await resetPassword({ token: token ?? "", password: "nouveau-mot-de-passe", clientAddress: randomUUID(), now: later });
  expect(await findSessionUser(oldSession.sessionToken, later)).toBeNull();
  await expect(logIn({ email: user.email, password: TEST_PASSWORD, clientAddress: randomUUID(), now: later })).rejects.toMatchObject({ code: "invalid_credentials" });
  await expect(logIn({ email: user.email, password: "nouveau-mot-de-passe", clientAddress: randomUUID(), now: later })).resolves.toMatchObject({ userId: user.id });
  await expect(resetPassword({ token: token ?? "", password: "encore-un-autre-mdp", clientAddress: randomUUID(), now: later })).rejects.toMatchObject({ code: "token_invalid" });
});

test("an expired reset link is refused and the password stays the same", async () => {
  const user = await createUser();
  const now = new Date();
  await requestPasswordReset({ email: user.email, now, appUrl: APP_URL });
  const token = await lastLinkTokenTo(user.email, "/reinitialiser/", new Date(now.getTime() + 60_000));
  await expect(resetPassword({ token, password: "nouveau-mot-de-passe", clientAddress: randomUUID(), now: new Date(now.getTime() + 61 * 60_000) })).rejects.toMatchObject({ code: "token_invalid" });
  await expect(logIn({ email: user.email, password: TEST_PASSWORD, clientAddress: randomUUID(), now })).resolves.toMatchObject({ userId: user.id });
});

test("asking a reset for an unknown address sends nothing and says nothing different", async () => {
  const email = uniqueEmail("personne");
  await expect(requestPasswordReset({ email, now: new Date(), appUrl: APP_URL })).resolves.toBeUndefined();
  expect(await outboxFor(email)).toHaveLength(0);
});

test("the outbox page is for territory admins only", async () => {
  const consumer = await createUser();
  const asConsumer = outboxLoader({ request: new Request("http://localhost/admin/outbox", { headers: { cookie: await signedInCookie(consumer.id) } }), params: {}, context: {} });
  await expect(asConsumer).rejects.toMatchObject({ status: 403 });
  const anonymous = outboxLoader({ request: new Request("http://localhost/admin/outbox"), params: {}, context: {} });
  await expect(anonymous).rejects.toMatchObject({ status: 302 });

  const admin = await createUser();
  const territory = randomUUID();
  await db().organisation.create({ data: { id: territory, kind: "TERRITORY", name: "Agglo test", slug: `agglo-${territory}` } });
  await db().membership.create({ data: { userId: admin.id, organisationId: territory, role: "ADMIN" } });
  // An email waiting to be sent; written a minute ahead so that it stays first of the newest-first
  // list while other test files fill the shared outbox at the same time.
  const recipient = uniqueEmail("attente");
  await db().outboxEmail.create({
    data: { id: randomUUID(), to: recipient, locale: "fr", subject: "Votre commande est confirmée", text: "Bonjour", html: "<p>Bonjour</p>", createdAt: new Date(Date.now() + 60_000) },
  });
  const page = await outboxLoader({ request: new Request("http://localhost/admin/outbox", { headers: { cookie: await signedInCookie(admin.id) } }), params: {}, context: {} });
  expect(page.emails[0]).toMatchObject({ to: recipient, subject: "Votre commande est confirmée", status: "PENDING" });
});
