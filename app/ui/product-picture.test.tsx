import { readFileSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { DEMO_CATEGORIES } from "~/demo/demo-territory";
import { CATEGORIES_WITH_PICTOGRAM } from "~/ui/category-pictogram";
import { OrganisationPicture, ProductPicture } from "~/ui/product-picture";

function attributes(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((match) => [match[1]!.toLowerCase(), match[2]!.replaceAll("&amp;", "&")]));
}

test("a photo is offered at every stored width no wider than itself, with its size so nothing shifts, lazily", () => {
  const html = renderToStaticMarkup(<ProductPicture photo={{ id: "p1", width: 1024, height: 768 }} category="legumes" alt="Carottes" sizes="(min-width: 640px) 33vw, 100vw" />);
  const img = attributes(html);
  expect(html.startsWith("<img")).toBe(true);
  expect(img.srcset).toBe("/photos/p1?w=160 160w, /photos/p1?w=320 320w, /photos/p1?w=640 640w, /photos/p1?w=1024 1024w");
  expect(img.src).toBe("/photos/p1?w=640");
  expect(img.sizes).toBe("(min-width: 640px) 33vw, 100vw");
  expect([img.width, img.height]).toEqual(["1024", "768"]);
  expect(img.alt).toBe("Carottes");
  expect([img.loading, img.decoding]).toEqual(["lazy", "async"]);
  expect(img.fetchpriority).toBeUndefined();
});

test("a small photo is never asked for wider than it is, and the first one above the fold loads first", () => {
  const img = attributes(renderToStaticMarkup(<ProductPicture photo={{ id: "p2", width: 500, height: 700 }} category="poissons" alt="" sizes="100vw" eager />));
  expect(img.srcset).toBe("/photos/p2?w=160 160w, /photos/p2?w=320 320w, /photos/p2?w=500 500w");
  expect(img.src).toBe("/photos/p2?w=500");
  expect([img.width, img.height]).toEqual(["500", "700"]);
  expect(img.loading).toBe("eager");
  expect(img.fetchpriority).toBe("high");
});

test("without a photo the category's pictogram stands in, hidden from screen readers, in a 4:3 box", () => {
  const fish = renderToStaticMarkup(<ProductPicture photo={null} category="poissons" alt="Bar de ligne" sizes="100vw" />);
  expect(fish).not.toContain("/photos/");
  expect(attributes(fish)["aria-hidden"]).toBe("true");
  expect(attributes(fish)).toMatchObject({ "data-pictogram": "poissons", src: "/pictograms/poissons.svg", alt: "" });
  expect(attributes(fish).loading).toBe("lazy");
  expect(attributes(renderToStaticMarkup(<ProductPicture photo={null} category="poissons" alt="" sizes="100vw" eager />)).loading).toBe("eager");
  expect(fish).toContain("aspect-[4/3]");
  expect(attributes(renderToStaticMarkup(<ProductPicture photo={null} category="boulangerie" alt="" sizes="100vw" />)).src).toBe("/pictograms/boulangerie.svg");
  expect(attributes(renderToStaticMarkup(<ProductPicture photo={undefined} category="inconnue" alt="" sizes="100vw" />)).src).toBe("/pictograms/generique.svg");
});

test("a producer without a photo gets a barn, with one their photo", () => {
  expect(attributes(renderToStaticMarkup(<OrganisationPicture photo={null} alt="La ferme" sizes="100vw" />)).src).toBe("/pictograms/producteur.svg");
  expect(attributes(renderToStaticMarkup(<OrganisationPicture photo={{ id: "o1", width: 800, height: 600 }} alt="La ferme" sizes="100vw" />)).srcset).toContain("/photos/o1?w=800 800w");
});

test("every category with a pictogram has its drawing in public/pictograms, a well-formed 64 × 64 SVG", () => {
  for (const file of [...CATEGORIES_WITH_PICTOGRAM, "generique", "producteur"]) {
    const svg = readFileSync(path.resolve("public/pictograms", `${file}.svg`), "utf8");
    expect(svg, file).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 64 64">.*<\/svg>\n$/s);
  }
  expect(CATEGORIES_WITH_PICTOGRAM.sort()).toEqual(DEMO_CATEGORIES.map((category) => category.id).sort());
});
