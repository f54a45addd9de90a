import { useRouteLoaderData } from "@remix-run/react";
import { translate, type Locale, type MessageKey } from "~/i18n/messages";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "fr";
}

/** `t("nav.home")` in the page's language. */
export function useT() {
  const locale = useLocale();
  return (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
}
