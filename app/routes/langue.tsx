import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirect } from "~/http/auth.server";
import { readForm } from "~/http/form.server";
import { LOCALE_COOKIE } from "~/http/locale.server";

/** Switches the interface language; the choice is kept in a cookie for a year. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.locale === "en" ? "en" : "fr";
  return redirect(safeRedirect(form.redirectTo), {
    headers: { "set-cookie": `${LOCALE_COOKIE}=${locale}; Path=/; SameSite=Lax; Max-Age=31536000` },
  });
}

export function loader() {
  return redirect("/");
}
