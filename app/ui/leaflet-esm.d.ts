// Leaflet's own ES module build (the package's "main" is UMD): the same API as @types/leaflet.
declare module "leaflet/dist/leaflet-src.esm.js" {
  export * from "leaflet";
}
