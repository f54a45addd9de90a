import { useEffect, useRef, useState } from "react";
import type * as Leaflet from "leaflet";
import { placeOnFrame, projectOnFrame } from "~/ui/map-projection";

export type DirectoryMapPoint = {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** The actor's page; a marker without one is drawn but is not a link. */
  href: string | null;
  /** The marker's accessible name: « <name>, <commune> : voir la page ». */
  label: string;
};

/** A result drawn as a small dot under the pins: the search's other results, off this page (the list pages through them). */
export type DirectoryMapDot = { name: string; lat: number; lon: number; href: string | null };

export type DirectoryMapTiles = { url: string; attribution: string } | null;

type Props = {
  points: readonly DirectoryMapPoint[];
  /** The other results, drawn as dots: decorative on the plain map (the list is their accessible way), named on hover once zoomed. */
  others?: readonly DirectoryMapDot[];
  tiles: DirectoryMapTiles;
  /** The map region's name. */
  label: string;
  zoomLabel: string;
};

/**
 * The directory's map (decision 023 reused, decision 030): first a plain map drawn by the server —
 * the results placed by their coordinates on a light sea colour (`placeOnFrame`, the home page's
 * projection), each marker a link to the actor's page — which works without scripts, tiles or
 * network. Leaflet, fetched only when asked (the zoom button) or at once when an operator set a
 * tile server (MAP_TILE_URL), takes over with the same markers as links.
 */
export function DirectoryMap({ points, others = [], tiles, label, zoomLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<{ L: typeof Leaflet; map: Leaflet.Map; layer: Leaflet.LayerGroup } | null>(null);
  const latest = useRef({ points, others });
  latest.current = { points, others };
  const [hydrated, setHydrated] = useState(false);
  const [zoomable, setZoomable] = useState<"off" | "loading" | "on">("off");

  useEffect(() => setHydrated(true), []);

  async function startLeaflet(zoomIn: boolean) {
    const element = container.current;
    if (!element || zoomable !== "off") return;
    setZoomable("loading");
    const [L] = await Promise.all([import("leaflet/dist/leaflet-src.esm.js"), import("./pickup-map.css")]);
    if (drawn.current) return;
    const map = L.map(element, { attributionControl: tiles !== null, scrollWheelZoom: false, minZoom: 7, maxZoom: 17, zoomSnap: 0.5 });
    if (tiles) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
      map.attributionControl.setPrefix(false);
    }
    drawn.current = { L, map, layer: L.layerGroup().addTo(map) };
    setZoomable("on");
    drawMarkers(drawn.current, latest.current.points, latest.current.others);
    if (zoomIn) map.zoomIn(1);
    (element.querySelector(".leaflet-control-zoom-in") as HTMLElement | null)?.focus();
  }

  useEffect(() => {
    if (tiles) void startLeaflet(false);
    return () => {
      drawn.current?.map.remove();
      drawn.current = null;
    };
  }, [tiles]);

  const key = `${points.map((point) => point.id).join("|")}/${others.length}/${others[0]?.href ?? ""}`;
  useEffect(() => {
    if (drawn.current) drawMarkers(drawn.current, latest.current.points, latest.current.others);
  }, [key]);

  const frame = others.length > 0 ? [...points, ...others] : points;
  const placed = placeOnFrame(points, { frame });
  // One path of zero-length round-capped strokes: a dot per result in a few bytes each, whatever their number.
  const dots = projectOnFrame(others, frame)
    .map((dot) => `M${(dot.x * 4).toFixed(1)} ${(dot.y * 3).toFixed(1)}h0`)
    .join("");
  return (
    <div role="region" aria-label={label} className={`tm-map relative aspect-[4/3] w-full overflow-hidden rounded-xl border border-slate-300 ${tiles ? "bg-sea-50" : "bg-sea-100"}`}>
      {zoomable === "on" ? null : (
        <>
          {dots ? (
            <svg aria-hidden="true" viewBox="0 0 400 300" className="pointer-events-none absolute inset-0 h-full w-full" data-testid="directory-dots">
              <path d={dots} fill="none" stroke="#0b5671" strokeOpacity="0.55" strokeWidth="7" strokeLinecap="round" />
            </svg>
          ) : null}
          {points.map((point, index) => {
            const style = { left: `${placed[index]?.x ?? 50}%`, top: `${placed[index]?.y ?? 50}%` };
            const pin = <span aria-hidden="true" className="mb-1 block h-[26px] w-[26px] -rotate-45 rounded-[50%_50%_50%_0] border-[3px] border-white bg-sea-700 shadow-[0_1px_4px_rgb(0_0_0/0.45)] group-hover:bg-sea-900 group-focus-visible:bg-sea-900" />;
            const className = "group absolute flex h-11 w-11 -translate-x-1/2 -translate-y-full items-end justify-center rounded-full focus-visible:outline focus-visible:outline-[3px] focus-visible:outline-offset-2 focus-visible:outline-sea-900";
            return point.href ? (
              <a key={point.id} href={point.href} aria-label={point.label} title={point.name} className={className} style={style} data-testid="directory-marker">
                {pin}
              </a>
            ) : (
              <span key={point.id} role="img" aria-label={point.name} title={point.name} className={className} style={style} data-testid="directory-marker">
                {pin}
              </span>
            );
          })}
          {hydrated && points.length > 0 ? (
            <button
              type="button"
              onClick={() => void startLeaflet(true)}
              aria-label={zoomLabel}
              aria-busy={zoomable === "loading"}
              className="absolute left-2 top-2 z-10 flex h-11 w-11 items-center justify-center rounded-lg border-2 border-slate-400 bg-white text-2xl font-bold text-sea-900 hover:bg-sea-50"
            >
              +
            </button>
          ) : null}
        </>
      )}
      <div ref={container} className={`absolute inset-0 ${zoomable === "on" ? "" : "invisible"}`} />
    </div>
  );
}

function drawMarkers(
  { L, map, layer }: { L: typeof Leaflet; map: Leaflet.Map; layer: Leaflet.LayerGroup },
  points: readonly DirectoryMapPoint[],
  others: readonly DirectoryMapDot[],
) {
  layer.clearLayers();
  if (points.length === 0 && others.length === 0) {
    map.setView([49.92, 1.08], 10);
    return;
  }
  // Under the pins, drawn on a canvas: thousands of dots stay light; a click opens the actor's page, a hover names it.
  const renderer = L.canvas();
  for (const dot of others) {
    const circle = L.circleMarker([dot.lat, dot.lon], { renderer, radius: 5, weight: 1, color: "#ffffff", fillColor: "#0b5671", fillOpacity: 0.7 });
    circle.bindTooltip(dot.name, { direction: "top" });
    if (dot.href) {
      const href = dot.href;
      circle.on("click", () => window.location.assign(href));
    }
    circle.addTo(layer);
  }
  for (const point of points) {
    const marker = L.marker([point.lat, point.lon], {
      keyboard: true,
      riseOnHover: true,
      icon: L.divIcon({ className: "tm-marker", html: '<span class="tm-pin"></span>', iconSize: [44, 44], iconAnchor: [22, 40], tooltipAnchor: [0, -36] }),
    });
    marker.bindTooltip(point.name, { direction: "top" });
    const go = () => {
      if (point.href) window.location.assign(point.href);
    };
    marker.on("click", go);
    marker.on("add", () => {
      const element = marker.getElement();
      if (!element) return;
      element.setAttribute("aria-label", point.href ? point.label : point.name);
      element.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        go();
      });
    });
    marker.addTo(layer);
  }
  map.fitBounds(L.latLngBounds([...points, ...others].map((point) => [point.lat, point.lon] as [number, number])), { padding: [48, 48], maxZoom: 14 });
}
