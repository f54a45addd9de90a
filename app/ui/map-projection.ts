/**
 * Where each pickup point sits on the home page's plain map (no tiles, no script): Web Mercator, as
 * Leaflet draws it, fitted into a 4:3 frame (with room for pins and names), the same scale across and down; points
 * closer than a tap target are pushed apart so each marker can be tapped. Pure; positions are
 * percentages of the frame's width and height.
 */

export type Placed = { x: number; y: number };

const FRAME = { width: 4, height: 3 };

function mercatorY(lat: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
}

/**
 * The part of the frame points are fitted into, in percent: room above for the pin (it stands on
 * its point) and on the sides and below for the commune's name.
 */
const AREA = { left: 16, right: 84, top: 22, bottom: 84 };

export function placeOnFrame(
  points: ReadonlyArray<{ lat: number; lon: number }>,
  options: { minGap?: number; frame?: ReadonlyArray<{ lat: number; lon: number }> } = {},
): Placed[] {
  const minGap = options.minGap ?? 9;
  if (points.length === 0) return [];
  return separate(project(points, options.frame ?? points), minGap);
}

/**
 * Where each of many points falls on a frame fitted to `frame` (which holds them), with no pushing
 * apart: the directory's dots for every result of a search, thousands of them, drawn under the page's pins.
 */
export function projectOnFrame(points: ReadonlyArray<{ lat: number; lon: number }>, frame: ReadonlyArray<{ lat: number; lon: number }>): Placed[] {
  return project(points, frame).map((point) => ({ x: clamp(point.x, AREA.left - 6, AREA.right + 6), y: clamp(point.y, AREA.top - 4, AREA.bottom + 4) }));
}

function project(points: ReadonlyArray<{ lat: number; lon: number }>, frame: ReadonlyArray<{ lat: number; lon: number }>): Placed[] {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const point of frame.length > 0 ? frame : points) {
    const x = (point.lon * Math.PI) / 180;
    const y = mercatorY(point.lat);
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  }
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const areaWidth = (FRAME.width * (AREA.right - AREA.left)) / 100;
  const areaHeight = (FRAME.height * (AREA.bottom - AREA.top)) / 100;
  const fit = Math.min(spanX > 0 ? areaWidth / spanX : Infinity, spanY > 0 ? areaHeight / spanY : Infinity);
  const scale = Number.isFinite(fit) ? fit : 0;
  const centreX = (minX + maxX) / 2;
  const centreY = (minY + maxY) / 2;
  const middleX = (AREA.left + AREA.right) / 2;
  const middleY = (AREA.top + AREA.bottom) / 2;
  return points.map((point) => ({
    x: middleX + (((((point.lon * Math.PI) / 180) - centreX) * scale) / FRAME.width) * 100,
    y: middleY - (((mercatorY(point.lat) - centreY) * scale) / FRAME.height) * 100,
  }));
}

/** Pushes apart markers closer than `gap` percent (measured on the frame's width), a few rounds, kept inside the frame. */
function separate(placed: Placed[], gap: number): Placed[] {
  const points = placed.map((point) => ({ ...point }));
  const ratio = FRAME.width / FRAME.height;
  for (let round = 0; round < 20; round += 1) {
    let moved = false;
    for (let i = 0; i < points.length; i += 1) {
      for (let j = i + 1; j < points.length; j += 1) {
        const a = points[i]!;
        const b = points[j]!;
        // Distances in one unit: y percentages are of the (shorter) height.
        const dx = b.x - a.x;
        const dy = (b.y - a.y) / ratio;
        const distance = Math.hypot(dx, dy);
        if (distance >= gap) continue;
        const [ux, uy] = distance > 0 ? [dx / distance, dy / distance] : [1, 0];
        const push = (gap - distance) / 2;
        a.x -= ux * push;
        a.y -= uy * push * ratio;
        b.x += ux * push;
        b.y += uy * push * ratio;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return points.map((point) => ({ x: clamp(point.x, AREA.left - 6, AREA.right + 6), y: clamp(point.y, AREA.top - 4, AREA.bottom + 4) }));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
