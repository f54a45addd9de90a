import { expect, test } from "vitest";
import { statementsIssued } from "~/db.server";
import { readDirectoryQuery } from "~/domain/directory/directory-query";
import { MAX_SHARED_SEARCHES, SHARED_SEARCH_MS, sharedDirectorySearch, sharedSearchCount } from "~/domain/directory/shared-directory-search.server";
import { useOwnMigratedDatabase } from "../setup/fresh-database";
import { createActor, createProduct, ensureNamedCategory } from "../factories-directory";
import { createLabel } from "../factories-label-public";

/**
 * The directory's answer shared for one second per server (decision 034): the same search within
 * the second costs no statement; a label still stops showing, counting and passing the label
 * filter at its expiry instant, even inside that second; after the second the search is read again.
 */
useOwnMigratedDatabase("directory_shared_search");

const query = (search: string) => readDirectoryQuery(new URLSearchParams(search));

test("the same search within a second is answered from one read; a second later it is read again and sees what changed", async () => {
  const category = await ensureNamedCategory("boissons", "Boissons", "Drinks", 8);
  const first = await createActor({ name: "Cidrerie partagée", commune: "ancourt" });
  await createProduct(first.id, "Cidre doux", category);
  const t0 = new Date("2027-05-07T15:30:00.000Z");

  const before = statementsIssued();
  const read = await sharedDirectorySearch(query("q=cidre"), t0);
  const again = await sharedDirectorySearch(query("q=cidre"), new Date(t0.getTime() + SHARED_SEARCH_MS - 1));
  expect(statementsIssued() - before).toBe(1);
  expect(again).toBe(read);
  expect(read.results.map((result) => result.name)).toEqual(["Cidrerie partagée"]);

  // Another search is its own read.
  expect((await sharedDirectorySearch(query("q=cidre&bio=1"), t0)).total).toBe(0);

  const second = await createActor({ name: "Cidrerie nouvelle", commune: "ancourt" });
  await createProduct(second.id, "Cidre brut", category);
  const later = await sharedDirectorySearch(query("q=cidre"), new Date(t0.getTime() + SHARED_SEARCH_MS));
  expect(later.results.map((result) => result.name)).toEqual(["Cidrerie nouvelle", "Cidrerie partagée"]);
});

test("a label that ends inside the shared second stops passing the label filter at its instant, not a second later", async () => {
  const category = await ensureNamedCategory("miel", "Miel", "Honey", 9);
  const holder = await createActor({ name: "Miellerie à l'instant", commune: "arques" });
  const product = await createProduct(holder.id, "Miel de trèfle", category);
  const ends = new Date("2027-05-07T16:00:00.000Z");
  await createLabel({ productId: product, status: "GRANTED", validFrom: new Date(ends.getTime() - 300 * 86_400_000), validUntil: ends });

  const justBefore = await sharedDirectorySearch(query("q=miel&label=1"), new Date(ends.getTime() - 400));
  expect(justBefore.results.map((result) => result.name)).toEqual(["Miellerie à l'instant"]);
  expect(justBefore.results[0]?.labels).toHaveLength(1);
  // 1 ms before its end: still the shared answer, true then.
  expect((await sharedDirectorySearch(query("q=miel&label=1"), new Date(ends.getTime() - 1))).total).toBe(1);
  // At its end, 400 ms into the shared second: read again, and the label counts no more.
  const atTheEnd = await sharedDirectorySearch(query("q=miel&label=1"), ends);
  expect(atTheEnd.total).toBe(0);
  const unfiltered = await sharedDirectorySearch(query("q=miel"), ends);
  expect(unfiltered.results[0]?.labels).toEqual([]);
});

test("distinct searches in a loop do not pile up: the server keeps at most MAX_SHARED_SEARCHES answers", async () => {
  const at = new Date("2027-05-08T10:00:00.000Z");
  for (let index = 0; index < MAX_SHARED_SEARCHES * 2 + 5; index += 1) {
    await sharedDirectorySearch(query(`q=introuvable${index}`), at);
    expect(sharedSearchCount()).toBeLessThanOrEqual(MAX_SHARED_SEARCHES);
  }
});
