import { expect, test } from "vitest";
import { loader as rootLoader } from "~/root";
import { loader as logInLoader } from "~/routes/connexion";
import { createUser, signedInCookie } from "../factories";
import { get } from "../route-requests";

// "%E0%A4%A" is a cut percent-escape: decodeURIComponent throws URIError on it.
const BROKEN = "%E0%A4%A";

function page(cookie: string, acceptLanguage = "fr-FR") {
  const request = get("/", cookie);
  request.headers.set("accept-language", acceptLanguage);
  return request;
}

test("a malformed language cookie is ignored: every page still answers, in the browser's language", async () => {
  await expect(rootLoader({ request: page(`tm_lang=${BROKEN}`, "en-GB"), params: {}, context: {} })).resolves.toMatchObject({ locale: "en", user: null });
  await expect(rootLoader({ request: page(`tm_lang=${BROKEN}`), params: {}, context: {} })).resolves.toMatchObject({ locale: "fr" });
  await expect(logInLoader({ request: page(`tm_lang=${BROKEN}`), params: {}, context: {} })).resolves.toBeNull();
});

test("a malformed cookie beside a good session leaves the person signed in", async () => {
  const user = await createUser({ name: "Maëlle Biscuit", locale: "en" });
  const session = await signedInCookie(user.id);
  const result = await rootLoader({ request: page(`tm_lang=${BROKEN}; ${session}; other=${BROKEN}`), params: {}, context: {} });
  expect(result).toMatchObject({ locale: "en", user: { name: "Maëlle Biscuit" } });
});

test("a malformed session cookie counts as signed out, not as an error", async () => {
  await expect(rootLoader({ request: page(`tm_session=${BROKEN}`), params: {}, context: {} })).resolves.toMatchObject({ user: null, locale: "fr" });
});
