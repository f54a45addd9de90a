/**
 * What a search matches: lower case, accents and ligatures removed, spaces collapsed. The same
 * function makes the stored `EssActor.searchKey` and the typed query, so « Cigales », « CIGALES »
 * and « cigalés » find the same actors.
 */
export function searchKey(...parts: string[]): string {
  return parts
    .join(" ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/\s+/g, " ")
    .trim();
}
