import { createHash } from "node:crypto";
import { heldDictionary, holdDictionary, type Dictionary } from "~/i18n/dictionary";
import { GROUP_CONTENTS } from "~/i18n/group-contents";
import { MESSAGE_GROUPS, type MessageGroup } from "~/i18n/groups";
import { en, fr, type Locale, type MessageKey } from "~/i18n/messages";

/**
 * The group dictionaries, made once from the whole catalogue (docs/decisions/025) and held here
 * so that the server renders a page with the very dictionary its browser will fetch.
 */
const LOCALES: readonly Locale[] = ["fr", "en"];
const keys = Object.keys(fr) as MessageKey[];

function made(group: MessageGroup, locale: Locale): Dictionary {
  const prefixes = GROUP_CONTENTS[group];
  const catalogue = locale === "en" ? en : fr;
  const dictionary: Dictionary = {};
  for (const key of keys) if (prefixes.some((prefix) => key.startsWith(prefix))) dictionary[key] = catalogue[key];
  return dictionary;
}

for (const group of MESSAGE_GROUPS) for (const locale of LOCALES) holdDictionary(group, locale, made(group, locale));

export function dictionaryOf(group: MessageGroup, locale: Locale): Dictionary {
  return heldDictionary(group, locale) ?? {};
}

/** Changes whenever any message or any group's contents change: the files' URLs change with it. */
export const messagesVersion = createHash("sha256")
  .update(JSON.stringify([fr, en, GROUP_CONTENTS]))
  .digest("base64url")
  .slice(0, 12);
