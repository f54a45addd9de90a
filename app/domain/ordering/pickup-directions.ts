/**
 * Ways to reach a pickup point from its coordinates: OpenStreetMap's directions page (any
 * browser, the visitor picks where they start from) and a geo: link that phones open in their
 * maps application (RFC 5870). Pure.
 */
export function pickupDirections(place: { lat: number; lon: number }): { openStreetMap: string; geo: string } {
  const lat = String(place.lat);
  const lon = String(place.lon);
  return {
    openStreetMap: `https://www.openstreetmap.org/directions?to=${lat}%2C${lon}`,
    geo: `geo:${lat},${lon}`,
  };
}
