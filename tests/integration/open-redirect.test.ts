import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { loader as logInLoader, action as logInAction } from "~/routes/connexion";
import { action as signUpAction } from "~/routes/inscription";
import { action as languageAction } from "~/routes/langue";
import { createUser, signedInCookie, TEST_PASSWORD, uniqueEmail } from "../factories";
import { get, post } from "../route-requests";

const EVIL = "/\t/evil.example";

/** Where a browser on this site lands when it follows the answer's Location. */
function landing(response: unknown): string {
  if (!(response instanceof Response)) throw new Error("une redirection était attendue");
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location") ?? "", "http://localhost/page").href;
}

async function thrown(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return error;
  }
}

test("the language switch never sends the visitor to another site", async () => {
  const response = await languageAction({ request: post("/langue", { locale: "en", redirectTo: EVIL }), params: {}, context: {} });
  expect(landing(response)).toBe("http://localhost/");
  const back = await languageAction({ request: post("/langue", { locale: "en", redirectTo: "/distributions/abc?q=1" }), params: {}, context: {} });
  expect(landing(back)).toBe("http://localhost/distributions/abc?q=1");
});

test("logging in with a tricky redirectTo lands on the home page of this site", async () => {
  const user = await createUser();
  const response = await logInAction({
    request: post("/connexion", { email: user.email, password: TEST_PASSWORD, redirectTo: EVIL }),
    params: {},
    context: { clientAddress: randomUUID() },
  });
  expect(landing(response)).toBe("http://localhost/");
});

test("a signed-in visitor opening /connexion with a tricky redirectTo stays on this site", async () => {
  const user = await createUser();
  const cookie = await signedInCookie(user.id);
  const response = await thrown(() => logInLoader({ request: get(`/connexion?redirectTo=${encodeURIComponent(EVIL)}`, cookie), params: {}, context: {} }));
  expect(landing(response)).toBe("http://localhost/");
});

test("signing up with a tricky redirectTo lands on the home page of this site", async () => {
  const response = await signUpAction({
    request: post("/inscription", { name: "Lou Redirigée", email: uniqueEmail("redirection"), password: "une-phrase-de-passe", redirectTo: "/\n/evil.example" }),
    params: {},
    context: { clientAddress: randomUUID() },
  });
  expect(landing(response)).toBe("http://localhost/");
});
