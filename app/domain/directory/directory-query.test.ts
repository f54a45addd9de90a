import { describe, expect, test } from "vitest";
import { communeOf, containsPattern, directoryHref, directoryParams, kindWordOf, readDirectoryQuery, type DirectoryQuery } from "~/domain/directory/directory-query";

describe("the directory's query in the URL", () => {
  test("every filter read back from the URL it writes", () => {
    const query: DirectoryQuery = { q: "coquilles saint-jacques", kind: "pecheur", commune: "76217", near: null, category: "cat-mer", organic: true, label: true, page: 3 };
    expect(readDirectoryQuery(directoryParams(query))).toEqual(query);
    expect(directoryHref(query)).toBe("/annuaire?q=coquilles+saint-jacques&type=pecheur&commune=76217&categorie=cat-mer&bio=1&label=1&page=3");
  });

  test("an empty search is the bare directory", () => {
    expect(directoryHref(readDirectoryQuery(new URLSearchParams("")))).toBe("/annuaire");
  });

  test("what the page does not know is dropped, not refused: an aged link still opens", () => {
    const query = readDirectoryQuery(new URLSearchParams("q=%20%20cidre%20%20brut%20&type=sorcier&commune=Dieppe&categorie=a%20b&bio=oui&label=yes&page=-2"));
    expect(query).toEqual({ q: "cidre brut", kind: null, commune: null, near: null, category: null, organic: false, label: false, page: 1 });
  });

  test("a page beyond the last one a link may ask is brought back to it; a long search is cut", () => {
    expect(readDirectoryQuery(new URLSearchParams("page=99999")).page).toBe(500);
    expect(readDirectoryQuery(new URLSearchParams(`q=${"a".repeat(200)}`)).q).toHaveLength(80);
  });

  test("changing the page keeps every filter", () => {
    const query = readDirectoryQuery(new URLSearchParams("q=cidre&bio=1"));
    expect(directoryHref(query, { page: 2 })).toBe("/annuaire?q=cidre&bio=1&page=2");
  });

  test("the search's words are taken literally: % and _ match only themselves", () => {
    expect(containsPattern("100%_Bio\\")).toBe("%100\\%\\_bio\\\\%");
  });

  test("near a commune: named by its INSEE code or its name in any case and accents, 20 km when no radius is given, read back from the URL it writes", () => {
    const dieppe = { commune: "76217", km: 20 };
    expect(readDirectoryQuery(new URLSearchParams("q=coquilles&pres=Dieppe")).near).toEqual(dieppe);
    expect(readDirectoryQuery(new URLSearchParams("pres=76217&km=20")).near).toEqual(dieppe);
    expect(readDirectoryQuery(new URLSearchParams("pres=ARQUES-LA-BATAILLE&km=10")).near).toEqual({ commune: "76026", km: 10 });
    expect(readDirectoryQuery(new URLSearchParams("pres=arques%20la%20bataille&km=40")).near).toEqual({ commune: "76026", km: 40 });
    const query = readDirectoryQuery(new URLSearchParams("q=coquilles&pres=dieppe&km=40&label=1"));
    expect(directoryHref(query)).toBe("/annuaire?q=coquilles&pres=dieppe&km=40&label=1");
    expect(readDirectoryQuery(directoryParams(query))).toEqual(query);
    expect(directoryHref(query, { page: 2 })).toBe("/annuaire?q=coquilles&pres=dieppe&km=40&label=1&page=2");
  });

  test("« in the commune only » (0 km) is the exact-commune filter, « à Dieppe », not « près de Dieppe »", () => {
    const query = readDirectoryQuery(new URLSearchParams("pres=dieppe&km=0"));
    expect(query.commune).toBe("76217");
    expect(query.near).toBeNull();
    expect(directoryHref(query)).toBe("/annuaire?commune=76217");
  });

  test("a commune outside the territory or a radius not offered is dropped, not refused", () => {
    expect(readDirectoryQuery(new URLSearchParams("pres=Rouen&km=20"))).toMatchObject({ near: null, commune: null });
    expect(readDirectoryQuery(new URLSearchParams("pres=dieppe&km=1000")).near).toEqual({ commune: "76217", km: 20 });
    expect(communeOf("")).toBeNull();
    expect(communeOf("Neuville-lès-Dieppe")).toBeNull();
  });

  test("each actor is named by its kind's URL word", () => {
    expect(kindWordOf("producer", "FISHER")).toBe("pecheur");
    expect(kindWordOf("pickupPoint", null)).toBe("point-de-retrait");
    expect(kindWordOf("charity", null)).toBe("association");
    expect(kindWordOf("essActor", "CIGALES")).toBe("cigales");
    expect(kindWordOf("essActor", "COMMUNITY_GARDEN")).toBe("jardin-partage");
  });
});
