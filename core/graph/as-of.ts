import type { RelationRecord } from '../model/records.js';

/** A relation holds on `date` if it began on or before it and had not ended before it (ISO dates compare as text). */
export function validOnDate(date: string, r: Pick<RelationRecord, 'validFrom' | 'validTo'>): boolean {
  return (!r.validFrom || r.validFrom <= date) && (!r.validTo || r.validTo >= date);
}
