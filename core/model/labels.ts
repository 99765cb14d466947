/** A text in the two languages the product ships. Swedish is the default. */
export interface Bilingual {
  sv: string;
  en: string;
}

export type Lang = keyof Bilingual;
export const LANGS: readonly Lang[] = ['sv', 'en'];
