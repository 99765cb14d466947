/** The 21 sections of SNI 2007 (SCB, Standard för svensk näringsgrensindelning), for labels of codes without a record. */
import type { Bilingual } from './labels.js';

const s = (sv: string, en: string): Bilingual => ({ sv, en });

export const SNI_SECTIONS: Readonly<Record<string, Bilingual>> = {
  A: s('Jordbruk, skogsbruk och fiske', 'Agriculture, forestry and fishing'),
  B: s('Utvinning av mineral', 'Mining and quarrying'),
  C: s('Tillverkning', 'Manufacturing'),
  D: s('Försörjning av el, gas, värme och kyla', 'Electricity, gas, steam and air conditioning supply'),
  E: s(
    'Vattenförsörjning; avloppsrening, avfallshantering och sanering',
    'Water supply; sewerage, waste management and remediation',
  ),
  F: s('Byggverksamhet', 'Construction'),
  G: s('Handel; reparation av motorfordon och motorcyklar', 'Wholesale and retail trade; repair of motor vehicles'),
  H: s('Transport och magasinering', 'Transportation and storage'),
  I: s('Hotell- och restaurangverksamhet', 'Accommodation and food service activities'),
  J: s('Informations- och kommunikationsverksamhet', 'Information and communication'),
  K: s('Finans- och försäkringsverksamhet', 'Financial and insurance activities'),
  L: s('Fastighetsverksamhet', 'Real estate activities'),
  M: s('Verksamhet inom juridik, ekonomi, vetenskap och teknik', 'Professional, scientific and technical activities'),
  N: s('Uthyrning, fastighetsservice, resetjänster och andra stödtjänster', 'Administrative and support services'),
  O: s(
    'Offentlig förvaltning och försvar; obligatorisk socialförsäkring',
    'Public administration and defence; compulsory social security',
  ),
  P: s('Utbildning', 'Education'),
  Q: s('Vård och omsorg; sociala tjänster', 'Human health and social work activities'),
  R: s('Kultur, nöje och fritid', 'Arts, entertainment and recreation'),
  S: s('Annan serviceverksamhet', 'Other service activities'),
  T: s('Förvärvsarbete i hushåll', 'Activities of households as employers'),
  U: s('Verksamhet vid internationella organisationer', 'Activities of extraterritorial organisations'),
};
