import type { Bilingual } from '../model/labels.js';

/**
 * Why a file was refused before any record was read from it.
 * - too_large: the file (or what it would expand to) is over a limit -> HTTP 413
 * - refused: the file is of a kind we never parse (DOCTYPE, entities, encrypted or macro workbooks) -> 400
 * - malformed: the file is not what its format says (broken XML, not a zip, no such sheet) -> 400
 */
export type ExchangeErrorKind = 'too_large' | 'refused' | 'malformed' | 'unsupported';

/** A whole-file failure of an import, with a stable code and a bilingual message. */
export class ExchangeError extends Error {
  constructor(
    readonly kind: ExchangeErrorKind,
    readonly code: string,
    readonly text: Bilingual,
    readonly details: Record<string, unknown> = {},
  ) {
    super(text.en);
    this.name = 'ExchangeError';
  }
}

export const exchangeError = (
  kind: ExchangeErrorKind,
  code: string,
  sv: string,
  en: string,
  details: Record<string, unknown> = {},
) => new ExchangeError(kind, code, { sv, en }, details);
