import type { Bilingual } from '../model/labels.js';
import { NODE_KINDS, nodeKind, type EnumOption } from '../model/catalogue/node-kinds.js';
import { RELATION_KINDS, relationKind } from '../model/catalogue/relation-kinds.js';
import { EVIDENCE_LEVELS, type Evidence } from '../model/records.js';
import { fold } from '../text/fold.js';

/**
 * The spreadsheet template: two tables, actors (nodes) and relations, with Swedish and English headers generated
 * from the catalogue's labels. A header is matched case- and diacritic-insensitively against both languages, the
 * raw field names (`orgType`, `props.orgType`, `prop_orgType`) and Kumu's column names (Label, Type, From, To,
 * Description, Tags). A column may stand for several props that share a label ("Typ" is `orgType` on an
 * Organisation row and `networkType` on a Network row); each row takes the one its kind has.
 */
export type TableName = 'actors' | 'relations';

/** What a column fills. */
export type FieldSpec =
  | { to: 'field'; name: string }
  | { to: 'props'; keys: string[] }
  /** Kumu's "Type" on elements: a node kind, or an organisation or network type that implies the kind. */
  | { to: 'kumuType' }
  | { to: 'ignored'; silent: boolean };

export interface TemplateColumn {
  label: Bilingual;
  spec: FieldSpec;
  required?: boolean;
}

export const EVIDENCE_LABELS: Record<Evidence, Bilingual> = {
  confirmed: { sv: 'bekräftad', en: 'confirmed' },
  probable: { sv: 'trolig', en: 'probable' },
  uncertain: { sv: 'osäker', en: 'uncertain' },
};

const field = (name: string): FieldSpec => ({ to: 'field', name });

const ACTOR_BASE: TemplateColumn[] = [
  { label: { sv: 'Id', en: 'Id' }, spec: field('id') },
  { label: { sv: 'Nodtyp', en: 'Kind' }, spec: field('kind'), required: true },
  { label: { sv: 'Namn', en: 'Name' }, spec: field('name'), required: true },
  { label: { sv: 'Namn (engelska)', en: 'Name (English)' }, spec: field('nameEn') },
];

const RELATION_BASE: TemplateColumn[] = [
  { label: { sv: 'Id', en: 'Id' }, spec: field('id') },
  { label: { sv: 'Relationstyp', en: 'Relation type' }, spec: field('type'), required: true },
  { label: { sv: 'Från', en: 'From' }, spec: field('from'), required: true },
  { label: { sv: 'Till', en: 'To' }, spec: field('to'), required: true },
  { label: { sv: 'Belägg', en: 'Evidence' }, spec: field('evidence'), required: true },
  { label: { sv: 'Källa (URL)', en: 'Source URL' }, spec: field('sourceUrl'), required: true },
  { label: { sv: 'Källa (titel)', en: 'Source title' }, spec: field('sourceTitle') },
  { label: { sv: 'Källa (datum)', en: 'Source date' }, spec: field('sourceDate') },
  { label: { sv: 'Giltig från', en: 'Valid from' }, spec: field('validFrom') },
  { label: { sv: 'Giltig till', en: 'Valid to' }, spec: field('validTo') },
  { label: { sv: 'Vikt', en: 'Weight' }, spec: field('weight') },
  { label: { sv: 'Anteckning', en: 'Note' }, spec: field('note') },
];

/** The kinds' own type props share the template's one "Typ" column (their labels in forms and messages differ). */
const SHARED_COLUMNS: Readonly<Record<string, Bilingual>> = {
  orgType: { sv: 'Typ', en: 'Type' },
  networkType: { sv: 'Typ', en: 'Type' },
};

/** Prop columns: one per distinct label pair, in catalogue order, each listing the prop keys it stands for. */
function propColumns(defs: ReadonlyArray<{ propLabels: Record<string, Bilingual> }>): TemplateColumn[] {
  const out: TemplateColumn[] = [];
  for (const def of defs) {
    for (const [key, own] of Object.entries(def.propLabels)) {
      const label = SHARED_COLUMNS[key] ?? own;
      const same = out.find((c) => c.label.sv === label.sv && c.label.en === label.en);
      if (same && same.spec.to === 'props') {
        if (!same.spec.keys.includes(key)) same.spec.keys.push(key);
      } else if (!same) out.push({ label, spec: { to: 'props', keys: [key] } });
    }
  }
  return out;
}

export const ACTOR_COLUMNS: readonly TemplateColumn[] = [...ACTOR_BASE, ...propColumns(NODE_KINDS)];
export const RELATION_COLUMNS: readonly TemplateColumn[] = [...RELATION_BASE, ...propColumns(RELATION_KINDS)];

/** Columns our exports add that an import passes over without a warning. */
const EXPORT_ONLY: readonly Bilingual[] = [
  { sv: 'Från (namn)', en: 'From (name)' },
  { sv: 'Till (namn)', en: 'To (name)' },
  { sv: 'Från (nodtyp)', en: 'From (kind)' },
  { sv: 'Till (nodtyp)', en: 'To (kind)' },
  { sv: 'Version', en: 'Version' },
  { sv: 'Uppdaterad', en: 'Updated' },
  { sv: 'Uppdaterad av', en: 'Updated by' },
];
export const METRIC_HEADER_PREFIX: Bilingual = { sv: 'Mått: ', en: 'Metric: ' };

const norm = (h: string) =>
  fold(h)
    .replace(/\s*\*\s*$/, '')
    .replace(/[_.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The header -> field lookup of a table, both languages, raw names and aliases. */
function lookup(table: TableName): Map<string, FieldSpec> {
  const m = new Map<string, FieldSpec>();
  const add = (header: string, spec: FieldSpec) => {
    const k = norm(header);
    const prev = m.get(k);
    if (prev && prev.to === 'props' && spec.to === 'props')
      m.set(k, { to: 'props', keys: [...new Set([...prev.keys, ...spec.keys])] });
    else if (!prev) m.set(k, spec);
  };
  const columns = table === 'actors' ? ACTOR_COLUMNS : RELATION_COLUMNS;
  // Base fields first, so they win over a prop that happens to share a label.
  for (const c of columns.filter((c) => c.spec.to === 'field')) {
    add(c.label.sv, c.spec);
    add(c.label.en, c.spec);
    add((c.spec as { name: string }).name, c.spec);
  }
  const aliases: Record<string, string[]> =
    table === 'actors'
      ? {
          kind: ['typ av nod', 'node kind', 'node type'],
          name: ['label', 'benämning', 'organisation'],
          nameEn: ['english name', 'engelskt namn'],
        }
      : {
          type: ['type', 'typ', 'relation', 'kind'],
          evidence: ['evidens', 'säkerhet', 'belagd'],
          sourceUrl: ['källa', 'källor', 'url', 'sources', 'source'],
          sourceTitle: ['källtitel'],
          sourceDate: ['källdatum'],
          validFrom: ['från datum', 'start', 'startdatum'],
          validTo: ['till datum', 'slut', 'slutdatum', 'end'],
          weight: ['styrka', 'strength'],
          note: ['kommentar', 'comment', 'description', 'beskrivning'],
          to: ['target'],
        };
  for (const [name, list] of Object.entries(aliases)) for (const a of list) add(a, field(name));
  for (const c of columns.filter((c) => c.spec.to === 'props')) {
    add(c.label.sv, c.spec);
    add(c.label.en, c.spec);
    for (const k of (c.spec as { keys: string[] }).keys) {
      add(k, { to: 'props', keys: [k] });
      add(`props.${k}`, { to: 'props', keys: [k] });
      add(`prop_${k}`, { to: 'props', keys: [k] });
    }
  }
  for (const e of EXPORT_ONLY) {
    add(e.sv, { to: 'ignored', silent: true });
    add(e.en, { to: 'ignored', silent: true });
  }
  return m;
}

const LOOKUPS: Record<TableName, Map<string, FieldSpec>> = { actors: lookup('actors'), relations: lookup('relations') };

/**
 * What a header means in a table. `kumu` is true when the actors table has Kumu's "Label" column, where "Type"
 * names the kind of element; `hasKind` is whether the table has a kind column of its own.
 */
export function specForHeader(
  table: TableName,
  header: string,
  ctx: { kumu: boolean; hasKind: boolean; hasTarget: boolean },
): FieldSpec | undefined {
  const k = norm(header);
  if (k === '') return undefined;
  if (k.startsWith(norm(METRIC_HEADER_PREFIX.sv)) || k.startsWith(norm(METRIC_HEADER_PREFIX.en)))
    return { to: 'ignored', silent: true };
  if (table === 'actors' && (k === 'type' || k === 'typ') && !ctx.hasKind) return { to: 'kumuType' };
  if (table === 'actors' && k === 'tags') return { to: 'ignored', silent: false };
  if (table === 'relations' && k === 'source' && ctx.hasTarget) return field('from');
  return LOOKUPS[table].get(k);
}

/** Parses a user's mapping target: `id`, `name`, `props.orgType`, `orgType|networkType`, `kumuType`, `ignore`. */
export function parseFieldSpec(table: TableName, target: string): FieldSpec | undefined {
  const t = target.trim();
  if (t === '' || t === 'ignore' || t === '-') return { to: 'ignored', silent: true };
  if (t === 'kumuType' && table === 'actors') return { to: 'kumuType' };
  const base = (table === 'actors' ? ACTOR_BASE : RELATION_BASE).find((c) => (c.spec as { name: string }).name === t);
  if (base) return base.spec;
  const keys = t
    .replace(/^props?[._]/, '')
    .split('|')
    .map((k) => k.replace(/^props?[._]/, ''))
    .filter(Boolean);
  const known = new Set((table === 'actors' ? NODE_KINDS : RELATION_KINDS).flatMap((d) => Object.keys(d.propLabels)));
  return keys.length > 0 && keys.every((k) => known.has(k)) ? { to: 'props', keys } : undefined;
}

export const specName = (spec: FieldSpec | undefined): string | null => {
  if (!spec) return null;
  switch (spec.to) {
    case 'field':
      return spec.name;
    case 'props':
      return spec.keys.map((k) => `props.${k}`).join('|');
    case 'kumuType':
      return 'kumuType';
    default:
      return null;
  }
};

/** The header row of the template (or of an export) in a language. */
export const templateHeaders = (table: TableName, lang: 'sv' | 'en'): string[] =>
  (table === 'actors' ? ACTOR_COLUMNS : RELATION_COLUMNS).map((c) => c.label[lang]);

// ----------------------------------------------------------------------------------------- value matching

const optionMatch = (text: string, options: readonly EnumOption[]): string | undefined => {
  const f = fold(text);
  return options.find((o) => fold(o.value) === f || fold(o.label.sv) === f || fold(o.label.en) === f)?.value;
};

/** A node kind from its id or its Swedish or English label (singular or plural). */
export function resolveKind(text: string): string | undefined {
  const f = fold(text);
  return NODE_KINDS.find((k) => [k.id, k.label.sv, k.label.en, k.plural.sv, k.plural.en].some((x) => fold(x) === f))
    ?.id;
}

/** Kumu's element Type: a kind, or an organisation/network type that implies one. */
export function resolveKumuType(text: string): { kind: string; props?: Record<string, string> } | undefined {
  const kind = resolveKind(text);
  if (kind) return { kind };
  for (const def of NODE_KINDS) {
    for (const [key, options] of Object.entries(def.enums ?? {})) {
      if (key !== 'orgType' && key !== 'networkType') continue;
      const v = optionMatch(text, options);
      if (v) return { kind: def.id, props: { [key]: v } };
    }
  }
  return undefined;
}

/** A relation type from its id (any case, spaces for underscores) or its Swedish or English label. */
export function resolveRelationType(text: string): string | undefined {
  const f = fold(text).replace(/[\s-]+/g, '_');
  return RELATION_KINDS.find(
    (k) =>
      fold(k.id) === f || fold(k.label.sv).replace(/\s+/g, '_') === f || fold(k.label.en).replace(/\s+/g, '_') === f,
  )?.id;
}

export function resolveEvidence(text: string): Evidence | undefined {
  const f = fold(text);
  return EVIDENCE_LEVELS.find((e) => f === e || fold(EVIDENCE_LABELS[e].sv) === f || fold(EVIDENCE_LABELS[e].en) === f);
}

/** The enum options of a prop of a kind, from the catalogue (labels) or from its schema (values only). */
export function enumOptions(kind: string, key: string, relation = false): EnumOption[] | undefined {
  const def = relation ? relationKind(kind) : nodeKind(kind);
  if (!def) return undefined;
  const fromCatalogue = (def as { enums?: Record<string, EnumOption[]> }).enums?.[key];
  if (fromCatalogue) return fromCatalogue;
  const schema = propSchema(kind, key, relation);
  const anyOf = (schema?.items as Schema | undefined)?.anyOf ?? schema?.anyOf;
  if (!anyOf) return undefined;
  return anyOf
    .filter((s) => s.const !== undefined)
    .map((s) => ({ value: String(s.const), label: { sv: String(s.const), en: String(s.const) } }));
}

/** The JSON schema of a kind's prop, as far as the table import needs it. */
export interface Schema {
  type?: string;
  pattern?: string;
  const?: unknown;
  anyOf?: Schema[];
  items?: Schema;
}

export function propSchema(kind: string, key: string, relation = false): Schema | undefined {
  const def = relation ? relationKind(kind) : nodeKind(kind);
  return (def?.props as { properties?: Record<string, Schema> } | undefined)?.properties?.[key];
}

export const hasProp = (kind: string, key: string, relation = false): boolean =>
  propSchema(kind, key, relation) !== undefined;
