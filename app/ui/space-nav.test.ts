import { expect, test } from "vitest";
import { currentSection, type SpaceSection } from "~/ui/space-nav";

const sections: SpaceSection[] = [
  { to: "/producteur", key: "producer.nav.home", end: true },
  { to: "/producteur/produits", key: "producer.nav.products", end: false },
  { to: "/producteur/dons", key: "producer.nav.donations", end: false },
];

test("the phone menu names the section the page belongs to: its own path, or a page below it; the home only on its own path", () => {
  expect(currentSection(sections, "/producteur")?.key).toBe("producer.nav.home");
  expect(currentSection(sections, "/producteur/")?.key).toBe("producer.nav.home");
  expect(currentSection(sections, "/producteur/produits/abc")?.key).toBe("producer.nav.products");
  expect(currentSection(sections, "/producteur/dons/invendus")?.key).toBe("producer.nav.donations");
  expect(currentSection(sections, "/producteur/donsX")).toBeUndefined();
  expect(currentSection(sections, "/producteur/import")).toBeUndefined();
});
