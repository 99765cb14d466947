/**
 * Swedish organisationsnummer: ten digits (optionally NNNNNN-NNNN); the last is a Luhn check digit.
 * The third digit is at least 2 for legal persons, which tells it apart from a personnummer.
 */
export function normaliseOrgnr(value: string): string {
  return value.replace('-', '');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type OrgnrCheck = 'ok' | 'format' | 'checksum' | 'not_legal_person';

export function checkOrgnr(value: string): OrgnrCheck {
  if (!/^\d{6}-?\d{4}$/.test(value)) return 'format';
  const digits = normaliseOrgnr(value);
  if (!luhnValid(digits)) return 'checksum';
  if (Number(digits[2]) < 2) return 'not_legal_person';
  return 'ok';
}
