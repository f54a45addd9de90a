import { randomUUID } from "node:crypto";
import { db } from "~/db.server";

/** Factories of the charity space: an application as the form sends it, and what a charity's rows hold. */

/** The /devenir-association form, filled in as a volunteer would; any field can be overridden. */
export function charityApplication(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: `Épicerie solidaire du Pollet ${randomUUID().slice(0, 6)}`,
    rna: "w 763 001 234",
    siret: "",
    communeInsee: "76217", // Dieppe
    address: "3 rue du Pollet",
    description: "Aide alimentaire le mardi et le vendredi.",
    contactEmail: "Contact@Epicerie-Pollet.example",
    contactPhone: "02 35 84 12 34",
    ...overrides,
  };
}

/** The settings form of /association/reglages with sensible values; arrays are repeated fields. */
export function settingsForm(overrides: Record<string, string | string[] | undefined> = {}): URLSearchParams {
  const fields: Record<string, string | string[] | undefined> = {
    storesAmbient: "on",
    storesChilled: "on",
    minQuantity: "2,5",
    maxQuantity: "40",
    collectionWeekdays: ["2", "5"],
    collectionFrom: "08:30",
    collectionTo: "12:00",
    redistributesSameDay: "on",
    inDirectory: "on",
    ...overrides,
  };
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  return body;
}

/** Everything a charity's settings row holds, to compare before and after a refused change. */
export function settingsRow(organisationId: string) {
  return db().charitySettings.findUnique({ where: { organisationId }, omit: { updatedAt: true } });
}

export async function uniqueCategory(nameFr = "Produits de la mer", nameEn = "Seafood") {
  const id = `cat-${randomUUID().slice(0, 8)}`;
  await db().category.create({ data: { id, nameFr, nameEn, position: 80 } });
  return id;
}
