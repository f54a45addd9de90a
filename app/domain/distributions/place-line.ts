import { postalAddress } from "~/domain/postal-address";

/** "Quai Henri IV, 76200 Dieppe": the commune only when the address does not already say it (the one address formatter). */
export function placeLine(address: string, commune: string): string {
  return postalAddress(address, null, commune);
}
