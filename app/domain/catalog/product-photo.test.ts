import { expect, test } from "vitest";
import { photoVariantWidths, servedWidth, sniffImageType } from "~/domain/catalog/product-photo";

const bytes = (...values: Array<number | string>) =>
  new Uint8Array(values.flatMap((value) => (typeof value === "string" ? [...value].map((char) => char.charCodeAt(0)) : [value])));

test("JPEG, PNG and WebP are recognised by their first bytes", () => {
  expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe("image/jpeg");
  expect(sniffImageType(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe("image/png");
  expect(sniffImageType(bytes("RIFF", 0x24, 0, 0, 0, "WEBPVP8 "))).toBe("image/webp");
});

test("anything else is not an image, whatever it is called", () => {
  expect(sniffImageType(bytes("<!DOCTYPE html><script>alert(1)</script>"))).toBeNull();
  expect(sniffImageType(bytes("GIF89a"))).toBeNull();
  expect(sniffImageType(bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
  expect(sniffImageType(bytes("RIFF", 0, 0, 0, 0, "WAVEfmt "))).toBeNull();
  expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
  expect(sniffImageType(new Uint8Array())).toBeNull();
});

test("a photo is stored at each width step narrower than itself and at its own width, never wider", () => {
  expect(photoVariantWidths(1024)).toEqual([160, 320, 640, 1024]);
  expect(photoVariantWidths(900)).toEqual([160, 320, 640, 900]);
  expect(photoVariantWidths(320)).toEqual([160, 320]);
  expect(photoVariantWidths(40)).toEqual([40]);
});

test("the width served is the narrowest stored one at least as wide as asked, else the widest; none stored, none", () => {
  expect(servedWidth([160, 320, 640, 1024], 300)).toBe(320);
  expect(servedWidth([160, 320, 640, 1024], 320)).toBe(320);
  expect(servedWidth([1024, 160, 640, 320], 1)).toBe(160);
  expect(servedWidth([160, 320, 450], 2000)).toBe(450);
  expect(servedWidth([], 320)).toBeNull();
});
