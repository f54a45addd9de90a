import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroySession } from "~/domain/accounts/session.server";
import { clearedSessionCookie, sessionToken } from "~/http/auth.server";

export async function action({ request }: ActionFunctionArgs) {
  const token = sessionToken(request);
  if (token) await destroySession(token);
  return redirect("/", { headers: { "set-cookie": clearedSessionCookie() } });
}

export function loader() {
  return redirect("/");
}
