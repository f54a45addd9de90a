import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { EMAIL_VERIFICATION_PATH } from "~/domain/accounts/email-verification";
import { action as signUpAction } from "~/routes/inscription";
import { action as resendAction, loader as resendLoader } from "~/routes/verifier-email._index";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verifier-email.$token";
import { createUser, signedInCookie, uniqueEmail } from "../factories";
import { lastLinkTokenTo, receivedBy } from "../mailbox";
import { asFailure, get, post, statusOf } from "../route-requests";

/**
 * Issue 9: a person proves they read their address (asked before a first order paid at pickup).
 * Sign-up emails the link; the link works once, signed out too; a new one can be asked for, a
 * few times an hour.
 */

async function signUpThroughPage(email: string) {
  const response = await signUpAction({
    request: post("/inscription", { name: "Lou Martin", email, password: "une-phrase-de-passe" }),
    params: {},
    context: { clientAddress: randomUUID() },
  });
  expect(response).toBeInstanceOf(Response);
  return db().user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerifiedAt: true } });
}

function openLink(token: string) {
  return verifyLoader({ request: get(`${EMAIL_VERIFICATION_PATH}/${token}`), params: { token }, context: {} });
}

function confirm(token: string) {
  return verifyAction({ request: post(`${EMAIL_VERIFICATION_PATH}/${token}`, {}), params: { token }, context: {} });
}

test("sign-up emails a confirmation link; opened signed out, it confirms the address once; opening alone changes nothing", async () => {
  const email = uniqueEmail("confirme");
  const user = await signUpThroughPage(email);
  expect(user.emailVerifiedAt).toBeNull();
  const [welcome] = await receivedBy(email);
  expect(welcome?.subject).toBe("Bienvenue sur Terre & Mer");
  expect(welcome?.text).toContain("Confirmez votre adresse e-mail");
  const token = await lastLinkTokenTo(email, `${EMAIL_VERIFICATION_PATH}/`);

  // A mail scanner opening the link confirms nothing.
  expect(await openLink(token)).toEqual({ usable: true });
  expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();

  expect(await confirm(token)).toEqual({ ok: true });
  expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);

  const again = asFailure(await confirm(token));
  expect(again.init?.status).toBe(400);
  expect(again.data.message).toBe("Ce lien de confirmation n'est plus valable (déjà utilisé ou expiré). Connectez-vous et demandez un nouveau lien.");
  expect(await openLink(token)).toEqual({ usable: false });
});

test("an expired link, a made-up one, or one sent to an address the account no longer has confirms nothing", async () => {
  const email = uniqueEmail("tardive");
  const user = await signUpThroughPage(email);
  const token = await lastLinkTokenTo(email, `${EMAIL_VERIFICATION_PATH}/`);
  await db().emailVerificationToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect(asFailure(await confirm(token)).init?.status).toBe(400);
  for (const forged of ["A".repeat(43), "../../etc", ""]) expect(asFailure(await confirm(forged)).init?.status).toBe(400);

  const moved = uniqueEmail("demenagee");
  const other = await signUpThroughPage(moved);
  const otherToken = await lastLinkTokenTo(moved, `${EMAIL_VERIFICATION_PATH}/`);
  await db().user.update({ where: { id: other.id }, data: { email: uniqueEmail("nouvelle-adresse") } });
  expect(asFailure(await confirm(otherToken)).init?.status).toBe(400);

  const rows = await db().user.findMany({ where: { id: { in: [user.id, other.id] } }, select: { emailVerifiedAt: true } });
  expect(rows).toEqual([{ emailVerifiedAt: null }, { emailVerifiedAt: null }]);
});

test("a signed-in person asks for a new link: it works; three an hour per account, then 429 with a clear message", async () => {
  const email = uniqueEmail("relance");
  const user = await signUpThroughPage(email);
  const cookie = await signedInCookie(user.id);
  expect(await resendLoader({ request: get(EMAIL_VERIFICATION_PATH, cookie), params: {}, context: {} })).toEqual({ email, verified: false });

  const context = { clientAddress: randomUUID() };
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const result = await resendAction({ request: post(EMAIL_VERIFICATION_PATH, {}, cookie), params: {}, context });
    statuses.push(asFailure(result).init?.status ?? 200);
    if (attempt === 3) expect(asFailure(result).data.message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes\.$/);
  }
  expect(statuses).toEqual([200, 200, 200, 429]);
  // The welcome email and three new links, each of which works.
  const messages = await receivedBy(email);
  expect(messages.map((message) => message.subject)).toEqual([
    "Bienvenue sur Terre & Mer",
    "Confirmez votre adresse e-mail Terre & Mer",
    "Confirmez votre adresse e-mail Terre & Mer",
    "Confirmez votre adresse e-mail Terre & Mer",
  ]);
  const token = await lastLinkTokenTo(email, `${EMAIL_VERIFICATION_PATH}/`);
  expect(await confirm(token)).toEqual({ ok: true });
  expect(await resendLoader({ request: get(EMAIL_VERIFICATION_PATH, cookie), params: {}, context: {} })).toEqual({ email, verified: true });
});

test("one client address asks for at most 20 links an hour, whatever the accounts; a confirmed address gets none; a visitor is sent to log in", async () => {
  const context = { clientAddress: randomUUID() };
  const statuses: number[] = [];
  for (let index = 0; index < 11; index += 1) {
    const user = await createUser({ emailVerified: false });
    const cookie = await signedInCookie(user.id);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      statuses.push(asFailure(await resendAction({ request: post(EMAIL_VERIFICATION_PATH, {}, cookie), params: {}, context })).init?.status ?? 200);
    }
  }
  expect(statuses.filter((status) => status === 200)).toHaveLength(20);
  expect(statuses.slice(20)).toEqual([429, 429]);

  const confirmed = await createUser();
  const confirmedCookie = await signedInCookie(confirmed.id);
  expect(await resendAction({ request: post(EMAIL_VERIFICATION_PATH, {}, confirmedCookie), params: {}, context: { clientAddress: randomUUID() } })).toEqual({ ok: true });
  expect(await db().outboxEmail.count({ where: { to: confirmed.email } })).toBe(0);

  expect(await statusOf(() => resendAction({ request: post(EMAIL_VERIFICATION_PATH, {}), params: {}, context: {} }))).toBe(302);
});
