/** Case- and diacritic-insensitive form of a text, so "jonkoping" finds "Jönköping". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
