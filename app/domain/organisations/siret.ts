/**
 * SIRET numbers (INSEE): 14 digits, SIREN (9) + establishment number (5), with a Luhn checksum.
 * La Poste is the one known exception: its thousands of establishments share the SIREN
 * 356000000 and their SIRETs are numbered so that the sum of the 14 digits is a multiple of 5
 * instead (its head office, 356 000 000 00048, happens to satisfy both rules).
 */
export const LA_POSTE_SIREN = "356000000";

/** "123 456 789 00012" as people type it → "12345678900012". */
export function normaliseSiret(value: string): string {
  return value.replace(/[\s.\u00a0-]/g, "");
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) {
    const digitSum = [...value].reduce((sum, digit) => sum + Number(digit), 0);
    return digitSum % 5 === 0 || luhnValid(value);
  }
  return luhnValid(value);
}
