/**
 * An organisation's or a pickup point's address in one line, the one way every page and document
 * writes it: "Quai Henri IV, 76200 Dieppe". The street line is typed by people, and often already
 * ends with the postcode and the town (the demo's addresses all do): then it is not repeated.
 * Pure.
 */
export function postalAddress(address: string, postalCode: string | null, commune: string | null): string {
  const street = address.trim().replace(/[,\s]+$/, "");
  const town = [postalCode, commune].filter(Boolean).join(" ");
  if (street === "") return town;
  if (postalCode && new RegExp(`(^|\\D)${escape(postalCode)}(\\D|$)`).test(street)) return street;
  // A street line that already ends with a postcode and a town was typed whole by its author (a
  // farm in another commune than the one recorded, say): it is never given a second town.
  if (/(^|,)\s*\d{5}\s+\S[^,]*$/.test(street)) return street;
  if (commune) {
    const endsWithTown = new RegExp(`(^|,\\s*)${escape(commune)}$`, "i");
    if (endsWithTown.test(street)) {
      return postalCode ? `${street.slice(0, street.length - commune.length)}${postalCode} ${street.slice(street.length - commune.length)}` : street;
    }
    if (!postalCode && street.toLowerCase().includes(commune.toLowerCase())) return street;
  }
  return town === "" ? street : `${street}, ${town}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
