import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { db } from "~/db.server";
import { deliverDueEmails } from "~/domain/mail/deliver-outbox.server";
import { loader as outboxLoader } from "~/routes/admin.outbox";
import { action as signUpAction } from "~/routes/inscription";
import { loader as invitationLoader } from "~/routes/invitation.$token";
import { action as forgotAction } from "~/routes/mot-de-passe-oublie";
import { action as organisationAction } from "~/routes/producteur.organisation";
import { loader as resetLoader } from "~/routes/reinitialiser.$token";
import { loader as verifyLoader } from "~/routes/verifier-email.$token";
import { createMemberUser, createProducerUser, createUser, uniqueEmail } from "../factories";
import { receivedBy } from "../mailbox";
import { get, post, statusOf } from "../route-requests";

/**
 * Decision 015: the one-time links (password reset, invitation, email confirmation) are usable by
 * their recipient alone. Whoever reads the outbox page or dumps the database finds no link that
 * opens anything; the recipient, through a real SMTP server, gets links that work.
 */

type Usable = (token: string) => Promise<boolean>;

const resetUsable: Usable = async (token) => {
  const page = await resetLoader({ request: get(`/reinitialiser/${token}`), params: { token }, context: {} });
  return page.usable;
};
const invitationUsable: Usable = async (token) =>
  (await statusOf(() => invitationLoader({ request: get(`/invitation/${token}`), params: { token }, context: {} }))) === 200;
const verificationUsable: Usable = async (token) => {
  const page = await verifyLoader({ request: get(`/verifier-email/${token}`), params: { token }, context: {} });
  return page.usable;
};

/** Every string of a dump that could be a token (base64url, 20 characters or more), and each link's last part. */
function tokenCandidates(dump: string): string[] {
  return [...new Set(dump.match(/[A-Za-z0-9_-]{20,}/g) ?? [])];
}

async function anyUsable(candidates: string[]): Promise<string[]> {
  const usable: string[] = [];
  for (const candidate of candidates) {
    if ((await resetUsable(candidate)) || (await invitationUsable(candidate)) || (await verificationUsable(candidate))) usable.push(candidate);
  }
  return usable;
}

async function databaseDump(emails: string[], userIds: string[]): Promise<string> {
  const tables = await Promise.all([
    db().$queryRaw`SELECT * FROM "OutboxEmail" WHERE "to" = ANY(${emails})`,
    db().$queryRaw`SELECT * FROM "PasswordResetToken" WHERE "userId" = ANY(${userIds})`,
    db().$queryRaw`SELECT * FROM "OrganisationInvitation" WHERE email = ANY(${emails})`,
    db().$queryRaw`SELECT * FROM "EmailVerificationToken" WHERE "userId" = ANY(${userIds})`,
  ]);
  return JSON.stringify(tables);
}

test("no usable reset, invitation or confirmation link in the outbox, the database or the admin page; the recipient's emails work", async () => {
  // A password reset asked from the page.
  const forgetful = await createUser({ locale: "fr" });
  await forgotAction({ request: post("/mot-de-passe-oublie", { email: forgetful.email }), params: {}, context: {} });
  // An invitation from a verified farm.
  const producer = await createProducerUser();
  const invitedEmail = uniqueEmail("invitee");
  const invited = await organisationAction({ request: post("/producteur/organisation", { intent: "invite", email: invitedEmail }, producer.cookie), params: {}, context: {} });
  expect(invited).toMatchObject({ ok: true });
  // A sign-up, whose welcome email carries the confirmation link.
  const newcomerEmail = uniqueEmail("nouvelle");
  const signedUp = await signUpAction({
    request: post("/inscription", { name: "Lou Martin", email: newcomerEmail, password: "une-phrase-de-passe" }),
    params: {},
    context: { clientAddress: randomUUID() },
  });
  expect(signedUp).toBeInstanceOf(Response);
  const newcomer = await db().user.findUniqueOrThrow({ where: { email: newcomerEmail }, select: { id: true } });

  const emails = [forgetful.email, invitedEmail, newcomerEmail];
  const userIds = [forgetful.id, newcomer.id];
  expect(await db().outboxEmail.count({ where: { to: { in: emails } } })).toBe(3);

  // The database, as a dump would show it: no string in it opens anything.
  const before = await databaseDump(emails, userIds);
  expect(before).toContain("/reinitialiser/");
  expect(before).toContain("/invitation/");
  expect(before).toContain("/verifier-email/");
  expect(await anyUsable(tokenCandidates(before))).toEqual([]);

  // The admin page: it says a personal link went to the recipient alone, and holds none.
  const admin = await createMemberUser("ADMIN");
  const page = await outboxLoader({ request: get("/admin/outbox", admin.cookie), params: {}, context: {} });
  const shown = page.emails.filter((email) => emails.includes(email.to));
  expect(shown).toHaveLength(3);
  for (const email of shown) expect(email.text).toContain("[lien personnel, envoyé au seul destinataire]");
  expect(await anyUsable(tokenCandidates(JSON.stringify(shown)))).toEqual([]);

  // The recipients, through a real SMTP server: each link works.
  const [resetEmail] = await receivedBy(forgetful.email);
  const [invitationEmail] = await receivedBy(invitedEmail);
  const [welcomeEmail] = await receivedBy(newcomerEmail);
  const resetToken = resetEmail?.text.match(/\/reinitialiser\/([A-Za-z0-9_-]+)/)?.[1] ?? "";
  const invitationToken = invitationEmail?.text.match(/\/invitation\/([A-Za-z0-9_-]+)/)?.[1] ?? "";
  const verificationToken = welcomeEmail?.text.match(/\/verifier-email\/([A-Za-z0-9_-]+)/)?.[1] ?? "";
  expect(await resetUsable(resetToken)).toBe(true);
  expect(await invitationUsable(invitationToken)).toBe(true);
  expect(await verificationUsable(verificationToken)).toBe(true);
  expect(resetEmail?.html).toContain(`/reinitialiser/${resetToken}"`);
  expect(welcomeEmail?.html).toContain(`/verifier-email/${verificationToken}"`);

  // Sent: the database still holds none of them, nor any other usable string.
  const after = await databaseDump(emails, userIds);
  for (const token of [resetToken, invitationToken, verificationToken]) expect(after).not.toContain(token);
  expect(await anyUsable(tokenCandidates(after))).toEqual([]);
  expect(await db().outboxEmail.count({ where: { to: { in: emails }, status: "SENT" } })).toBe(3);
});

test("a retried email carries a fresh link and the link of the failed attempt opens nothing", async () => {
  const user = await createUser();
  await forgotAction({ request: post("/mot-de-passe-oublie", { email: user.email }), params: {}, context: {} });
  // The first attempt fails after the message left: it may have arrived, or be lying on a server.
  const attempted: string[] = [];
  const failing = {
    async sendMail(message: { text: string }) {
      attempted.push(message.text);
      throw new Error("451 4.3.0 try again later");
    },
  };
  const first = await deliverDueEmails({ transport: failing, from: "t@example.test", onlyTo: user.email });
  expect(first).toMatchObject({ retried: 1 });
  const firstToken = attempted[0]?.match(/\/reinitialiser\/([A-Za-z0-9_-]+)/)?.[1] ?? "";
  expect(firstToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const [email] = await receivedBy(user.email, new Date(Date.now() + 5 * 60_000));
  const token = email?.text.match(/\/reinitialiser\/([A-Za-z0-9_-]+)/)?.[1] ?? "";
  expect(token).not.toBe(firstToken);
  expect(await resetUsable(token)).toBe(true);
  expect(await resetUsable(firstToken)).toBe(false);
});

test("an email whose link expired before it could be sent is not sent, and says why in the outbox", async () => {
  const user = await createUser();
  await forgotAction({ request: post("/mot-de-passe-oublie", { email: user.email }), params: {}, context: {} });
  // The SMTP server was away for more than the link's hour.
  const messages = await receivedBy(user.email, new Date(Date.now() + 2 * 3600_000));
  expect(messages).toEqual([]);
  const row = await db().outboxEmail.findFirstOrThrow({ where: { to: user.email }, select: { status: true, lastError: true } });
  expect(row).toEqual({ status: "FAILED", lastError: "Lien expiré, déjà utilisé ou retiré avant l'envoi : e-mail non envoyé." });
});
