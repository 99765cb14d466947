/**
 * The words a person reads about a field: labels of the input fields that are not a kind's own props, the
 * evidence levels, and formats described in plain words (never a regular expression). Validation messages,
 * forms and the import screen take their field text from here and from the catalogue's `propLabels`.
 */
import type { Bilingual } from './labels.js';
import type { Evidence } from './records.js';

const bi = (sv: string, en: string): Bilingual => ({ sv, en });

/** Labels of the fields of a node, relation or source input (the kinds' props have their own in the catalogue). */
export const INPUT_FIELD_LABELS: Readonly<Record<string, Bilingual>> = {
  id: bi('Id', 'Id'),
  kind: bi('Nodtyp', 'Node kind'),
  name: bi('Namn', 'Name'),
  nameEn: bi('Namn på engelska', 'Name in English'),
  props: bi('Egenskaper', 'Properties'),
  type: bi('Relationstyp', 'Relation type'),
  from: bi('Från', 'From'),
  to: bi('Till', 'To'),
  weight: bi('Styrka', 'Strength'),
  sources: bi('Källor', 'Sources'),
  url: bi('Källans adress', "Source's address"),
  title: bi('Källans titel', "Source's title"),
  date: bi('Källans datum', "Source's date"),
  evidence: bi('Belägg', 'Evidence'),
  validFrom: bi('Startdatum', 'Start date'),
  validTo: bi('Slutdatum', 'End date'),
  note: bi('Anteckning', 'Note'),
};

/** The evidence levels of a relation (and of a network's existence). */
export const EVIDENCE_LABELS: Readonly<Record<Evidence, Bilingual>> = {
  confirmed: bi('Bekräftad', 'Confirmed'),
  probable: bi('Trolig', 'Probable'),
  uncertain: bi('Osäker', 'Uncertain'),
};

/** Other literal values that are not in a kind's `enums` but are shown to people. */
export const VALUE_LABELS: Readonly<Record<string, Bilingual>> = {
  ...EVIDENCE_LABELS,
  brist: bi('Brist', 'Shortage'),
  balans: bi('Balans', 'Balance'),
  overskott: bi('Överskott', 'Surplus'),
};

/** Each pattern of the catalogue and the input schemas, in words with an example. */
export const FORMAT_HINTS: Readonly<Record<string, Bilingual>> = {
  '^\\d{6}-?\\d{4}$': bi('tio siffror, som 556012-3456', 'ten digits, such as 556012-3456'),
  '^\\d{4}$': bi('fyra siffror, som 0680', 'four digits, such as 0680'),
  '^\\d{2}$': bi('två siffror, som 06', 'two digits, such as 06'),
  '^kommun:\\d{4}$': bi('en kommun ur listan', 'a municipality from the list'),
  '^[A-U]$|^\\d{2,5}$': bi(
    'en bokstav A–U eller två till fem siffror, som C eller 86',
    'a letter A–U or two to five digits, such as C or 86',
  ),
  '^\\d{1,4}$': bi('en till fyra siffror, som 2341', 'one to four digits, such as 2341'),
  '^\\d{4}-\\d{2}-\\d{2}$': bi('ett datum, som 2025-03-01', 'a date, such as 2025-03-01'),
  '^https?://': bi('en webbadress som börjar med https://', 'a web address starting with https://'),
};

/** A field's format in words, or null when the pattern is not described. */
export const formatHint = (pattern: string | undefined): Bilingual | null =>
  pattern === undefined ? null : (FORMAT_HINTS[pattern] ?? null);

/** A label for a field name: the kind's own labels first, then the input fields; the name itself as a last resort. */
export function fieldLabel(name: string, labels: Readonly<Record<string, Bilingual>> = {}): Bilingual {
  return labels[name] ?? INPUT_FIELD_LABELS[name] ?? bi(name, name);
}

/** A label inside a sentence: "Organisationstyp" → "organisationstyp", but "SNI-kod" and "Yrke (SSYK)" keep their capitals. */
export const inSentence = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
