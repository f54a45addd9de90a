import { searchDirectory, type DirectoryPage } from "~/domain/directory/search-directory.server";
import type { ActorType, DirectoryQuery } from "~/domain/directory/directory-query";

/**
 * The directory's search shared for one second per app server (decision 034, as the catalogue's
 * copy of decision 008): on a Friday evening many residents open the directory and its popular
 * searches at once; each server answers the same search (same words, filters, page) from one read
 * for a second, and the requests that arrive while it is being read wait for that one read.
 *
 * An answer is shared only for the instants it is true of by time: from the `now` it was read at,
 * for one second, and never past the next instant a label ends (`labelsChangeAt`), so a label stops
 * showing, counting and passing the label filter at its expiry instant, as everywhere else. What a
 * person changes (a producer verified or refused, a label granted or suspended, a new product)
 * shows at most a second later, as in the catalogue.
 */
export const SHARED_SEARCH_MS = 1000;
/**
 * The most searches one server keeps at once. An answer can weigh a few hundred kB (the map's
 * markers, up to 2,000): a visitor sending distinct searches in a loop must not grow the process'
 * memory with them, so past this bound the expired answers go, then all (the next ones are read again).
 */
export const MAX_SHARED_SEARCHES = 100;

type Entry = { from: number; until: number; page: Promise<DirectoryPage> };
const entries = new Map<string, Entry>();

export async function sharedDirectorySearch(query: DirectoryQuery, now: Date, options: { actors?: readonly ActorType[] } = {}): Promise<DirectoryPage> {
  const key = JSON.stringify([query, options.actors ?? null]);
  const at = now.getTime();
  const cached = entries.get(key);
  if (cached && cached.from <= at && at < cached.until) {
    const read = await cached.page.catch(() => null);
    // Checked again once read: the read may have learnt that a label ends before this instant.
    if (read && at < cached.until) return read;
  }
  if (entries.size >= MAX_SHARED_SEARCHES) {
    for (const [stale, entry] of entries) if (entry.until <= at || entry.from > at) entries.delete(stale);
    if (entries.size >= MAX_SHARED_SEARCHES) entries.clear();
  }
  const page = searchDirectory(query, now, options);
  const entry: Entry = { from: at, until: at + SHARED_SEARCH_MS, page };
  entries.set(key, entry);
  page.then(
    (read) => {
      // Not past the next label's end: the answer is shared only while no label can end in it.
      if (read.labelsChangeAt) entry.until = Math.min(entry.until, read.labelsChangeAt.getTime());
    },
    () => {
      // A failed read is not kept: the next request tries again.
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return page;
}

/** How many searches this server keeps now (for the bound's test). */
export function sharedSearchCount(): number {
  return entries.size;
}

/** Forgets every shared answer of this process: for a test that changes the data and searches again within the second. */
export function forgetSharedDirectorySearches(): void {
  entries.clear();
}
