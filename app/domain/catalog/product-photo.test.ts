import { expect, test } from "vitest";
import { sniffImageType } from "~/domain/catalog/product-photo";

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
