import { communes } from "~/domain/reference/reference-data";

/** The territory's communes for a select, by name in French order. */
export function sortedCommunes() {
  return communes.map((commune) => ({ inseeCode: commune.inseeCode, name: commune.name })).sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
