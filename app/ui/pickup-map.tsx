import { useEffect, useRef, useState } from "react";
import type * as Leaflet from "leaflet";
import { placeOnFrame } from "~/ui/map-projection";

export type MapPoint = {
  id: string;
  name: string;
  commune: string;
  communeInsee: string;
  lat: number;
  lon: number;
  /** The marker's accessible name: « Choisir <point>, <commune> ». */
  label: string;
};

export type MapTiles = { url: string; attribution: string } | null;

type Props = {
  points: readonly MapPoint[];
  chosenPointId: string | null;
  tiles: MapTiles;
  /** The map region's name (« Carte des points de retrait »). */
  label: string;
  /** The zoom button's name (« Agrandir la carte »). */
  zoomLabel: string;
  /** The form the plain map's markers submit, with `point=<id>`: the list's form. */
  formId: string;
  /** Choosing a marker of the zoomable map chooses that point, as the list's button does. */
  onChoose: (pointId: string) => void;
};

type Drawn = { L: typeof Leaflet; map: Leaflet.Map; layer: Leaflet.LayerGroup };

/**
 * The pickup points on a map (decision 023). First a plain map drawn by the server: the points
 * placed by their coordinates on a light sea colour, each marker a submit button of the list's
 * form named « Choisir <point>, <commune> », each commune's name under its points — it works
 * without scripts and costs no script. Leaflet, fetched only by this page, takes over when the
 * resident zooms, or at once when an operator set a tile server (MAP_TILE_URL).
 */
export function PickupMap({ points, chosenPointId, tiles, label, zoomLabel, formId, onChoose }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn | null>(null);
  const latest = useRef({ points, chosenPointId, onChoose });
  latest.current = { points, chosenPointId, onChoose };
  const [hydrated, setHydrated] = useState(false);
  const [zoomable, setZoomable] = useState<"off" | "loading" | "on">("off");

  useEffect(() => setHydrated(true), []);

  async function startLeaflet(zoomIn: boolean) {
    const element = container.current;
    if (!element || zoomable !== "off") return;
    setZoomable("loading");
    const [L] = await Promise.all([import("leaflet/dist/leaflet-src.esm.js"), import("./pickup-map.css")]);
    if (drawn.current) return;
    const map = L.map(element, {
      attributionControl: tiles !== null,
      scrollWheelZoom: false,
      // Only after the resident asked to zoom (or a tiled map): moving the map is what they want.
      dragging: true,
      minZoom: 7,
      maxZoom: 17,
      zoomSnap: 0.5,
    });
    if (tiles) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
      map.attributionControl.setPrefix(false);
    }
    drawn.current = { L, map, layer: L.layerGroup().addTo(map) };
    setZoomable("on");
    drawMarkers(drawn.current, latest.current.points, latest.current.chosenPointId, (id) => latest.current.onChoose(id));
    if (zoomIn) map.zoomIn(1);
    (element.querySelector(".leaflet-control-zoom-in") as HTMLElement | null)?.focus();
  }

  useEffect(() => {
    if (tiles) void startLeaflet(false);
    return () => {
      drawn.current?.map.remove();
      drawn.current = null;
    };
    // Started once per page; the markers follow the search below.
  }, [tiles]);

  // The markers follow the list's search as it is typed.
  const key = points.map((point) => `${point.id}:${point.label}`).join("|") + `#${chosenPointId ?? ""}`;
  useEffect(() => {
    if (drawn.current) drawMarkers(drawn.current, latest.current.points, latest.current.chosenPointId, (id) => latest.current.onChoose(id));
  }, [key]);

  const placed = placeOnFrame(points);
  const communes = new Map<string, { name: string; x: number; y: number; count: number }>();
  points.forEach((point, index) => {
    const at = placed[index];
    if (!at) return;
    const commune = communes.get(point.communeInsee) ?? { name: point.commune, x: 0, y: 0, count: 0 };
    communes.set(point.communeInsee, { name: commune.name, x: commune.x + at.x, y: Math.max(commune.y, at.y), count: commune.count + 1 });
  });

  return (
    <div role="region" aria-label={label} className={`tm-map relative aspect-[4/3] w-full overflow-hidden rounded-xl border border-slate-300 ${tiles ? "bg-sea-50" : "bg-sea-100"}`}>
      {zoomable === "on" ? null : (
        <>
          {[...communes.values()].map((commune) => (
            <span
              key={commune.name}
              aria-hidden="true"
              className={`pointer-events-none absolute whitespace-nowrap text-[0.8125rem] font-bold text-sea-900 [text-shadow:0_0_3px_#fff,0_0_3px_#fff,0_0_3px_#fff] ${nameAlignment(commune.x / commune.count)}`}
              style={{ left: `${commune.x / commune.count}%`, top: `calc(${commune.y}% + 4px)` }}
            >
              {commune.name}
            </span>
          ))}
          {points.map((point, index) => (
            <button
              key={point.id}
              type="submit"
              form={formId}
              name="point"
              value={point.id}
              aria-label={point.label}
              title={point.name}
              className="group absolute flex h-11 w-11 -translate-x-1/2 -translate-y-full items-end justify-center rounded-full focus-visible:outline focus-visible:outline-[3px] focus-visible:outline-offset-2 focus-visible:outline-sea-900"
              style={{ left: `${placed[index]?.x ?? 50}%`, top: `${placed[index]?.y ?? 50}%` }}
            >
              <span
                aria-hidden="true"
                className={`mb-1 block h-[26px] w-[26px] -rotate-45 rounded-[50%_50%_50%_0] border-[3px] border-white shadow-[0_1px_4px_rgb(0_0_0/0.45)] group-hover:bg-sea-900 group-focus-visible:bg-sea-900 ${point.id === chosenPointId ? "bg-earth-600" : "bg-sea-700"}`}
              />
            </button>
          ))}
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
      {/* Leaflet's own box: empty until the resident zooms (React never renders into it). */}
      <div ref={container} className={`absolute inset-0 ${zoomable === "on" ? "" : "invisible"}`} />
    </div>
  );
}

/** A name near an edge runs inwards, so it is not cut by the frame. */
function nameAlignment(x: number): string {
  if (x < 30) return "-translate-x-[22px]";
  if (x > 70) return "-translate-x-[calc(100%-22px)]";
  return "-translate-x-1/2";
}

function drawMarkers({ L, map, layer }: Drawn, points: readonly MapPoint[], chosenPointId: string | null, onChoose: (pointId: string) => void) {
  layer.clearLayers();
  if (points.length === 0) {
    map.setView([49.92, 1.08], 10);
    return;
  }
  const communes = new Map<string, { name: string; lat: number; lon: number; count: number }>();
  for (const point of points) {
    const marker = L.marker([point.lat, point.lon], {
      keyboard: true,
      riseOnHover: true,
      icon: L.divIcon({
        className: `tm-marker${point.id === chosenPointId ? " tm-marker--chosen" : ""}`,
        html: '<span class="tm-pin"></span>',
        iconSize: [44, 44],
        iconAnchor: [22, 40],
        tooltipAnchor: [0, -36],
      }),
    });
    marker.bindTooltip(point.name, { direction: "top" });
    marker.on("click", () => onChoose(point.id));
    marker.on("add", () => {
      const element = marker.getElement();
      if (!element) return;
      element.setAttribute("aria-label", point.label);
      element.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        onChoose(point.id);
      });
    });
    marker.addTo(layer);
    const commune = communes.get(point.communeInsee) ?? { name: point.commune, lat: 0, lon: 0, count: 0 };
    communes.set(point.communeInsee, { ...commune, lat: commune.lat + point.lat, lon: commune.lon + point.lon, count: commune.count + 1 });
  }
  for (const commune of communes.values()) {
    L.marker([commune.lat / commune.count, commune.lon / commune.count], {
      interactive: false,
      keyboard: false,
      icon: L.divIcon({ className: "tm-commune-label", html: escapeHtml(commune.name), iconSize: [180, 18], iconAnchor: [90, -6] }),
    }).addTo(layer);
  }
  const bounds = L.latLngBounds(points.map((point) => [point.lat, point.lon] as [number, number]));
  map.fitBounds(bounds, { padding: [48, 48], maxZoom: 14 });
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
