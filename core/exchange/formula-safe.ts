/**
 * Spreadsheet formula injection ("CSV injection"): a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return may be run as a formula by Excel or LibreOffice. Every text cell we export that begins so is prefixed
 * with an apostrophe, which spreadsheets show as text. Cells that are numbers (written as plain numerals, such as
 * -0.25) cannot be formulas and are left as numbers.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export const needsNeutralising = (text: string): boolean => DANGEROUS_START.test(text);

/** The text with an apostrophe in front when it could be read as a formula. */
export const neutralise = (text: string): string => (DANGEROUS_START.test(text) ? `'${text}` : text);

/** Undoes `neutralise` (our own exports read back unchanged). */
export const unneutralise = (text: string): string =>
  text.startsWith("'") && DANGEROUS_START.test(text.slice(1)) ? text.slice(1) : text;

/**
 * Does an imported text cell look like a formula? `=...` always; `+`, `-` or `@` when a name, a parenthesis or
 * another operator follows (so "-5", "+46 36 10 00 00" and a lone "-" are plain values).
 */
export const looksLikeFormula = (text: string): boolean =>
  /^\s*=/.test(text) || /^\s*[+\-@]\s*[A-Za-zÅÄÖåäö(=@$"'!]/.test(text);
