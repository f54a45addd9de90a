import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { logIn, logInSchema } from "~/domain/accounts/log-in.server";
import { destroySession } from "~/domain/accounts/session.server";
import { apiJson, handleApi, methodNotAllowed, readJsonBody, requireApiUser } from "~/http/api.server";
import { clearedSessionCookie, deviceToken, logInCookies, sessionToken } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { clientAddress } from "~/http/request-context.server";

/** GET: who am I. */
export async function loader({ request }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const user = await requireApiUser(request);
    return apiJson({ user: { id: user.id, email: user.email, name: user.name, roles: user.roles } });
  });
}

/** POST {email, password}: sets the session cookie. DELETE: logs out. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method === "DELETE") {
    const token = sessionToken(request);
    if (token) await destroySession(token);
    return apiJson({ ok: true }, { headers: { "set-cookie": clearedSessionCookie() } });
  }
  if (request.method !== "POST") return methodNotAllowed(request, ["POST", "DELETE"]);
  return handleApi(request, async () => {
    const credentials = await readJsonBody(request, logInSchema);
    // The same limits and the same known-browser exemption as the login page (decision 014).
    const session = await logIn({
      ...credentials,
      clientAddress: clientAddress(context),
      now: now(),
      previousSessionToken: sessionToken(request),
      deviceToken: deviceToken(request),
    });
    return apiJson({ ok: true, userId: session.userId }, { headers: logInCookies(session) });
  });
}
