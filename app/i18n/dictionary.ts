import type { MessageGroup } from "~/i18n/groups";
import type { Locale, MessageKey } from "~/i18n/messages";

/**
 * The messages a page holds: its group's dictionary in its language (docs/decisions/025). The
 * server holds every group's (app/i18n/dictionaries.server.ts); a browser holds those it fetched
 * from /i18n/<version>/<group>.<locale>.json, before hydrating (app/entry.client.tsx) and when a
 * navigation enters another group or language (the root's clientLoader).
 */
export type Dictionary = Partial<Record<MessageKey, string>>;

export type DictionaryFile = { group: MessageGroup; locale: Locale; messages: Dictionary };

const held = new Map<string, Dictionary>();

export function holdDictionary(group: MessageGroup, locale: Locale, messages: Dictionary): void {
  held.set(`${group}.${locale}`, messages);
}

export function heldDictionary(group: MessageGroup, locale: Locale): Dictionary | undefined {
  return held.get(`${group}.${locale}`);
}

/** A versioned address: the file never changes under it, so it is cached for a year. */
export function dictionaryHref(version: string, group: MessageGroup, locale: Locale): string {
  return `/i18n/${encodeURIComponent(version)}/${group}.${locale}.json`;
}

/** Fetches a dictionary file and holds it. */
export async function loadDictionary(href: string): Promise<void> {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href} : ${response.status}`);
  const file: DictionaryFile = await response.json();
  holdDictionary(file.group, file.locale, file.messages);
}

/** "{count} produits" with { count: 3 } → "3 produits"; an unknown placeholder stays as written. */
export function fillIn(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
