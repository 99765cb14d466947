/** SCB county codes (länskoder) in use since 2007. */
export const COUNTY_CODES: Record<string, string> = {
  '01': 'Stockholms län',
  '03': 'Uppsala län',
  '04': 'Södermanlands län',
  '05': 'Östergötlands län',
  '06': 'Jönköpings län',
  '07': 'Kronobergs län',
  '08': 'Kalmar län',
  '09': 'Gotlands län',
  '10': 'Blekinge län',
  '12': 'Skåne län',
  '13': 'Hallands län',
  '14': 'Västra Götalands län',
  '17': 'Värmlands län',
  '18': 'Örebro län',
  '19': 'Västmanlands län',
  '20': 'Dalarnas län',
  '21': 'Gävleborgs län',
  '22': 'Västernorrlands län',
  '23': 'Jämtlands län',
  '24': 'Västerbottens län',
  '25': 'Norrbottens län',
};

/** The 13 municipalities of Jönköpings län (SCB kommunkod). */
export const JONKOPING_MUNICIPALITIES: Record<string, string> = {
  '0604': 'Aneby',
  '0617': 'Gnosjö',
  '0642': 'Mullsjö',
  '0643': 'Habo',
  '0662': 'Gislaved',
  '0665': 'Vaggeryd',
  '0680': 'Jönköping',
  '0682': 'Nässjö',
  '0683': 'Värnamo',
  '0684': 'Sävsjö',
  '0685': 'Vetlanda',
  '0686': 'Eksjö',
  '0687': 'Tranås',
};

export type KommunkodCheck = 'ok' | 'format' | 'unknown_county' | 'unknown_in_county';

export function checkKommunkod(code: string): KommunkodCheck {
  if (!/^\d{4}$/.test(code)) return 'format';
  const county = code.slice(0, 2);
  if (!(county in COUNTY_CODES)) return 'unknown_county';
  if (county === '06' && !(code in JONKOPING_MUNICIPALITIES)) return 'unknown_in_county';
  return 'ok';
}
