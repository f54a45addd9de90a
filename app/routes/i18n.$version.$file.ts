import type { LoaderFunctionArgs } from "@remix-run/node";
import type { DictionaryFile } from "~/i18n/dictionary";
import { dictionaryOf, messagesVersion } from "~/i18n/dictionaries.server";
import { isMessageGroup } from "~/i18n/groups";

/**
 * GET /i18n/<version>/<group>.<locale>.json: one group's messages in one language, what a
 * browser holds for that group's pages (docs/decisions/025). The current version's file never
 * changes, so it is cached for a year; another version (a page from before a deployment) gets
 * today's messages, not to be kept.
 */
export function loader({ params }: LoaderFunctionArgs) {
  const match = /^(\w+)\.(fr|en)\.json$/.exec(params.file ?? "");
  const group = match?.[1];
  const locale = match?.[2] === "en" ? "en" : "fr";
  if (!group || !isMessageGroup(group)) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const file: DictionaryFile = { group, locale, messages: dictionaryOf(group, locale) };
  return new Response(JSON.stringify(file), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": params.version === messagesVersion ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
