/** Every text of survey rounds that a user reads, in Swedish and English. */
import { relationKind } from '../model/catalogue/relation-kinds.js';
import type { Bilingual } from '../model/labels.js';
import type { ReviewItem } from './schemas.js';
import type { TieEnds } from './ties.js';

export const FREQUENCY_LABELS: Record<string, Bilingual> = {
  monthly: { sv: 'Varje månad', en: 'Monthly' },
  quarterly: { sv: 'Varje kvartal', en: 'Quarterly' },
  yearly: { sv: 'Varje år', en: 'Yearly' },
};

export const VALUE_LABELS: Bilingual[] = [
  { sv: '1 – liten nytta', en: '1 – of little value' },
  { sv: '2 – viss nytta', en: '2 – of some value' },
  { sv: '3 – stor nytta', en: '3 – valuable' },
  { sv: '4 – mycket stor nytta', en: '4 – very valuable' },
];

/** The title of the source every accepted record of a round carries. */
export const sourceTitle = (roundTitle: string): string => `Enkätsvar, omgång ${roundTitle}`;

/** The line a denied tie's note gets when an editor accepts the denial (the record's note is Swedish data). */
export const denialNote = (roundTitle: string, date: string, who: string[]): string =>
  `Ifrågasatt ${date} i ${sourceTitle(roundTitle)}: ${who.join(', ')} uppger att relationen inte stämmer.`;

const label = (type: string, inverse: boolean): Bilingual => {
  const k = relationKind(type);
  if (!k) return { sv: type, en: type };
  return inverse ? k.inverseLabel : k.label;
};

/** "Vi har er registrerade som medlem i X — stämmer det?" from the respondent's side of the tie. */
export function tieQuestion(type: string, outgoing: boolean, counterpart: string): Bilingual {
  const l = label(type, !outgoing);
  return {
    sv: `Vi har er registrerade som ${l.sv} ${counterpart} – stämmer det?`,
    en: `Our register has you as ${l.en} ${counterpart} – is that right?`,
  };
}

export function itemText(
  kind: ReviewItem['kind'],
  ends: TieEnds | null,
  name: string | null,
  reportedBy: { name: string }[],
  nameOf: (id: string) => string,
): Bilingual {
  const who = reportedBy.map((r) => r.name).join(', ');
  if (kind === 'new_organisation' || !ends)
    return {
      sv: `${who} föreslår en organisation som saknas: ${name ?? ''}`,
      en: `${who} suggest a missing organisation: ${name ?? ''}`,
    };
  const l = label(ends.type, false);
  const tie = {
    sv: `${nameOf(ends.from)} ${l.sv} ${nameOf(ends.to)}`,
    en: `${nameOf(ends.from)} ${l.en} ${nameOf(ends.to)}`,
  };
  if (kind === 'confirm') return { sv: `${who} bekräftar: ${tie.sv}`, en: `${who} confirm: ${tie.en}` };
  if (kind === 'deny')
    return { sv: `${who} säger att detta inte stämmer: ${tie.sv}`, en: `${who} say this is not right: ${tie.en}` };
  return { sv: `${who} rapporterar en ny relation: ${tie.sv}`, en: `${who} report a new tie: ${tie.en}` };
}

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)} %`);

export function summaryText(
  answered: number,
  invited: number,
  rate: number | null,
  reciprocity: number | null,
): Bilingual {
  return {
    sv: `${answered} av ${invited} organisationer har svarat (${pct(rate)}). Av relationerna mellan två svarande rapporterades ${pct(reciprocity)} av båda parter.`,
    en: `${answered} of ${invited} organisations have answered (${pct(rate)}). Of the ties between two respondents, ${pct(reciprocity)} were reported by both.`,
  };
}

export const SURVEY_PROBLEMS = {
  unknownToken: {
    sv: 'Länken är okänd eller har ersatts av en ny. Be om en ny länk.',
    en: 'The link is unknown or has been replaced by a new one. Ask for a new link.',
  },
  closed: {
    sv: 'Enkätomgången är stängd. Svaren kan inte längre ändras.',
    en: 'The survey round is closed. Answers can no longer be changed.',
  },
  rateLimited: { sv: 'För många försök. Vänta en stund.', en: 'Too many attempts. Please wait a moment.' },
} satisfies Record<string, Bilingual>;
