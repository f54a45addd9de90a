/** "Quai Henri IV, 76200 Dieppe": the commune only when the address does not already say it. */
export function placeLine(address: string, commune: string): string {
  return address.includes(commune) ? address : `${address}, ${commune}`;
}
