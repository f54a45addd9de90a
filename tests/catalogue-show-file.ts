import { toCsv } from "~/domain/catalog/import/csv";

/*
 * Issue 3's show file for the catalogue import: 2,000 rows, a third of them line-caught mackerel
 * and the rest vegetables, every 50th (from the 8th) wrong in one of eight ways: 40 bad rows.
 * tests/integration/catalogue-import.test.ts checks what the import makes of it and
 * scripts/bench-preparation.ts times it (the bench runs with tsx from the repository root): one
 * builder, so that the benchmark always times the very file the test checks.
 */

export const CATALOGUE_HEADER = [
  "reference", "nom", "nom_anglais", "categorie", "unite", "poids_net_g", "prix_ttc", "tva", "bio", "allergenes",
  "denomination_commerciale", "nom_scientifique", "methode_production", "zone_fao", "engin", "decongele", "description",
] as const;
export type CatalogueRow = Record<(typeof CATALOGUE_HEADER)[number], string>;

export const SHOW_FILE_ROWS = 2000;

/** A valid row: every third line-caught mackerel (fish facts, organic "non"), the others vegetables in every unit. */
export function goodCatalogueRow(index: number): CatalogueRow {
  const reference = `REF-${String(index).padStart(5, "0")}`;
  const cents = 150 + (index % 700);
  const price = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
  if (index % 3 === 0) {
    return {
      reference, nom: `Maquereau de ligne n° ${index}`, nom_anglais: "Line-caught mackerel", categorie: "poissons", unite: "kg", poids_net_g: "",
      prix_ttc: price, tva: "5,5", bio: "non", allergenes: "Poissons", denomination_commerciale: "Maquereau", nom_scientifique: "Scomber scombrus",
      methode_production: "pêché en mer", zone_fao: "27.7.d", engin: "Lignes et hameçons", decongele: "non", description: "Pêché à la ligne; débarqué à Dieppe.",
    };
  }
  return {
    reference, nom: `Légume « ${index} »`, nom_anglais: "", categorie: index % 2 === 0 ? "Légumes" : "legumes", unite: ["botte", "pièce", "100 g", "KG"][index % 4] ?? "kg",
    poids_net_g: index % 5 === 0 ? "500" : "", prix_ttc: price, tva: "5.5", bio: index % 4 === 0 ? "oui" : "non", allergenes: index % 7 === 0 ? "céleri" : "",
    denomination_commerciale: "", nom_scientifique: "", methode_production: "", zone_fao: "", engin: "", decongele: "", description: index % 11 === 0 ? 'Variété "ancienne"\nRécoltée le matin' : "",
  };
}

/** Eight ways of getting a row wrong, each on one column. */
const BAD_ROWS: Array<{ column: string; spoil: (row: CatalogueRow) => CatalogueRow }> = [
  { column: "nom", spoil: (row) => ({ ...row, nom: "" }) },
  { column: "prix_ttc", spoil: (row) => ({ ...row, prix_ttc: "-2,50" }) },
  { column: "unite", spoil: (row) => ({ ...row, unite: "sac" }) },
  { column: "allergenes", spoil: (row) => ({ ...row, allergenes: "moutarde de Dijon" }) },
  { column: "zone_fao", spoil: (row) => ({ ...goodCatalogueRow(0), reference: row.reference, zone_fao: "" }) },
  { column: "bio", spoil: (row) => ({ ...goodCatalogueRow(0), reference: row.reference, bio: "oui" }) },
  { column: "tva", spoil: (row) => ({ ...row, tva: "7" }) },
  { column: "poids_net_g", spoil: (row) => ({ ...row, poids_net_g: "deux cents" }) },
];

/**
 * The show file as CSV, and its bad rows: spreadsheet line → the column that is wrong. `priceOf`
 * gives some rows another price (a re-import with one price changed).
 */
export function showCatalogueFile(options: { priceOf?: (index: number) => string | undefined } = {}): { csv: string; bad: Map<number, string> } {
  const bad = new Map<number, string>();
  const rows = Array.from({ length: SHOW_FILE_ROWS }, (_, index) => {
    let row = goodCatalogueRow(index);
    const price = options.priceOf?.(index);
    if (price) row = { ...row, prix_ttc: price };
    if (index % 50 === 7) {
      const spoil = BAD_ROWS[Math.floor(index / 50) % BAD_ROWS.length];
      if (!spoil) throw new Error("no spoil");
      row = spoil.spoil(row);
      // Header is line 1: row `index` is on line index + 2.
      bad.set(index + 2, spoil.column);
    }
    return CATALOGUE_HEADER.map((column) => row[column]);
  });
  return { csv: toCsv([[...CATALOGUE_HEADER], ...rows]), bad };
}
