import { validOnDate } from '../../core/graph/as-of.js';

/** Valid-time filter shared by the stores (one definition, in core). */
export function validOn(
  asOf: string,
  validFrom: string | null | undefined,
  validTo: string | null | undefined,
): boolean {
  return validOnDate(asOf, { validFrom: validFrom ?? null, validTo: validTo ?? null });
}
