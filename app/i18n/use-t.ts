import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { fillIn, heldDictionary } from "~/i18n/dictionary";
import { messageGroupOf } from "~/i18n/groups";
import type { Locale, MessageKey } from "~/i18n/messages";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "fr";
}

/**
 * `t("nav.home")` in the page's language, from the page group's dictionary (docs/decisions/025):
 * never the whole catalogue, which stays on the server.
 */
export function useT() {
  const locale = useLocale();
  const group = messageGroupOf(useLocation().pathname);
  const dictionary = heldDictionary(group, locale);
  return (key: MessageKey, params?: Record<string, string | number>) => {
    const template = dictionary?.[key];
    if (template !== undefined) return fillIn(template, params);
    // Outside production a missing message is an error (tests fail on it): add its prefix to the group.
    if (process.env.NODE_ENV !== "production") console.error(`Message « ${key} » absent du dictionnaire ${group}.${locale} : ajoutez son préfixe au groupe dans app/i18n/group-contents.ts`);
    return key;
  };
}
