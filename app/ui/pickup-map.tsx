import { useEffect, useRef } from "react";
import type * as Leaflet from "leaflet";

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
  /** Choosing a marker chooses that point, as the list's button does. */
  onChoose: (pointId: string) => void;
  className?: string;
};

type Drawn = { L: typeof Leaflet; map: Leaflet.Map; layer: Leaflet.LayerGroup };

/**
 * The pickup points on a map (decision 023): Leaflet, fetched only by the page that shows the map
 * and only once the page runs, so no other page pays for it and the first paint does not wait.
 * Each marker is a button reached with the keyboard, named « Choisir <point>, <commune> », chosen
 * by a tap, Enter or Space; each commune's name is written under its points. Without a tile server
 * (MAP_TILE_URL) the markers sit on a plain sea colour; without scripts the box is hidden and the
 * list beside it does everything.
 */
export function PickupMap({ points, chosenPointId, tiles, label, onChoose, className }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn | null>(null);
  const choose = useRef(onChoose);
  choose.current = onChoose;

  useEffect(() => {
    let cancelled = false;
    const element = container.current;
    if (!element) return;
    void Promise.all([import("leaflet/dist/leaflet-src.esm.js"), import("./pickup-map.css")]).then(([L]) => {
      if (cancelled || drawn.current) return;
      const map = L.map(element, {
        attributionControl: tiles !== null,
        scrollWheelZoom: false,
        // One finger scrolls the page on a phone; the zoom buttons and the list are there to move.
        dragging: !L.Browser.mobile,
        minZoom: 7,
        maxZoom: 17,
        zoomSnap: 0.5,
      });
      if (tiles) {
        L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
        map.attributionControl.setPrefix(false);
      }
      drawn.current = { L, map, layer: L.layerGroup().addTo(map) };
      drawMarkers(drawn.current, pointsRef.current, chosenRef.current, (id) => choose.current(id));
    });
    return () => {
      cancelled = true;
      drawn.current?.map.remove();
      drawn.current = null;
    };
  }, [tiles]);

  // The markers follow the list's search as it is typed.
  const pointsRef = useRef(points);
  const chosenRef = useRef(chosenPointId);
  pointsRef.current = points;
  chosenRef.current = chosenPointId;
  const key = points.map((point) => `${point.id}:${point.label}`).join("|") + `#${chosenPointId ?? ""}`;
  useEffect(() => {
    if (drawn.current) drawMarkers(drawn.current, pointsRef.current, chosenRef.current, (id) => choose.current(id));
  }, [key]);

  return (
    <>
      {/* Without scripts there is no map: the box would only push the list down. */}
      <noscript>
        <style>{".tm-map-box{display:none}"}</style>
      </noscript>
      <div ref={container} role="region" aria-label={label} className={`tm-map tm-map-box ${tiles ? "tm-map--tiles" : ""} z-0 rounded-xl border border-slate-300 ${className ?? ""}`} />
    </>
  );
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
