/** Valid-time filter shared by the stores: a relation holds on `asOf` if it started on or before and ended on or after. */
export function validOn(asOf: string, validFrom: string | null | undefined, validTo: string | null | undefined): boolean {
  return (!validFrom || validFrom <= asOf) && (!validTo || validTo >= asOf);
}
