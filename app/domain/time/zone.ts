/** Every schedule of the territory lives in this zone (product.md, "Time"). Apart from paris.ts so that a page can name it without date-fns. */
export const TERRITORY_TIME_ZONE = "Europe/Paris";
