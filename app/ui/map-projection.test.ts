import { expect, test } from "vitest";
import { placeOnFrame, projectOnFrame } from "~/ui/map-projection";

const dieppe = { lat: 49.926, lon: 1.075 };
const offranville = { lat: 49.871, lon: 1.049 };
const arques = { lat: 49.881, lon: 1.126 };

test("points keep their bearings: north is up, east is right, and all stay inside the frame's margin", () => {
  const [d, o, a] = placeOnFrame([dieppe, offranville, arques]);
  expect(d!.y).toBeLessThan(o!.y);
  expect(a!.x).toBeGreaterThan(o!.x);
  for (const point of [d!, o!, a!]) {
    // Room above for the pin standing on its point, and around for the commune's name.
    expect(point.x).toBeGreaterThanOrEqual(10);
    expect(point.x).toBeLessThanOrEqual(90);
    expect(point.y).toBeGreaterThanOrEqual(18);
    expect(point.y).toBeLessThanOrEqual(88);
  }
});

test("two points a few hundred metres apart are pushed at least a tap target apart", () => {
  const [quay, shop] = placeOnFrame([dieppe, { lat: 49.9273, lon: 1.0865 }, offranville, arques]);
  expect(Math.hypot(shop!.x - quay!.x, ((shop!.y - quay!.y) * 3) / 4)).toBeGreaterThanOrEqual(8.9);
});

test("one point, or several at the same place, sit in the middle without dividing by zero", () => {
  expect(placeOnFrame([dieppe])).toEqual([{ x: 50, y: 53 }]);
  const same = placeOnFrame([dieppe, dieppe]);
  expect(same.every((point) => Number.isFinite(point.x) && Number.isFinite(point.y))).toBe(true);
  expect(same[0]!.x).not.toBe(same[1]!.x);
  expect(placeOnFrame([])).toEqual([]);
});

test("the directory's dots for every result share the pins' frame: a pin and a dot at the same place fall on the same spot, the frame spans both", () => {
  const frame = [dieppe, offranville, arques];
  const [pin] = placeOnFrame([dieppe], { frame });
  const [dot, west, east] = projectOnFrame([dieppe, offranville, arques], frame);
  expect(dot).toEqual(pin);
  // Fitted to all results, not to the one pin: the page's pin is no longer alone in the middle.
  expect(pin).not.toEqual(placeOnFrame([dieppe])[0]);
  expect(west!.x).toBeLessThan(east!.x);
  expect(dot!.y).toBeLessThan(west!.y);
});
