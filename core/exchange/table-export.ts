import type { Bilingual, Lang } from '../model/labels.js';
import { NODE_KINDS, nodeKind } from '../model/catalogue/node-kinds.js';
import { RELATION_KINDS, relationKind } from '../model/catalogue/relation-kinds.js';
import type { JsonValue, Snapshot } from '../model/records.js';
import type { MetricsMap } from './graph-attributes.js';
import {
  ACTOR_COLUMNS,
  EVIDENCE_LABELS,
  METRIC_HEADER_PREFIX,
  RELATION_COLUMNS,
  enumOptions,
  hasProp,
  type TemplateColumn,
} from './tables.js';
import type { CellValue } from './csv.js';

/**
 * The tables of an export: nodes (template columns, then metrics), relations with provenance (sources joined one
 * per line, aligned across URL, title and date) and gap findings. Headers are the template's, in the chosen
 * language, so an exported table imports again as is. Values of enumerations are written as labels; the import
 * reads labels and stored values alike.
 */
export type ExportTable = 'nodes' | 'relations' | 'gaps';
export const EXPORT_TABLES: readonly ExportTable[] = ['nodes', 'relations', 'gaps'];

/** A gap finding as core/analysis/gaps reports it (only the fields a table needs). */
export interface GapFindingLike {
  id: string;
  kind: string;
  gapKind?: string;
  severity: string;
  title: Bilingual;
  explanation: Bilingual;
  nodeIds: string[];
  missingTies?: Array<{ from: string; to: string; type: string }>;
  metrics?: Record<string, number>;
}

export interface TableExportOptions {
  lang?: Lang;
  metrics?: MetricsMap;
  metricLabels?: Record<string, Bilingual>;
  findings?: readonly GapFindingLike[];
}

const BOOL: Record<Lang, [string, string]> = { sv: ['ja', 'nej'], en: ['yes', 'no'] };

function propValue(kind: string, key: string, value: JsonValue, lang: Lang, relation: boolean): CellValue {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? BOOL[lang][0] : BOOL[lang][1];
  if (typeof value === 'number') return value;
  const options = enumOptions(kind, key, relation);
  const label = (v: JsonValue) =>
    typeof v === 'string' ? (options?.find((o) => o.value === v)?.label[lang] ?? v) : JSON.stringify(v);
  if (Array.isArray(value)) return value.map(label).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return label(value);
}

/** Prop columns of the template that hold at least one value in the records. */
const usedPropColumns = (
  columns: readonly TemplateColumn[],
  records: ReadonlyArray<{ props: Record<string, JsonValue> }>,
) =>
  columns.filter(
    (c) => c.spec.to === 'props' && c.spec.keys.some((k) => records.some((r) => r.props[k] !== undefined)),
  );

const metricHeader = (id: string, opts: TableExportOptions, lang: Lang) =>
  `${METRIC_HEADER_PREFIX[lang]}${opts.metricLabels?.[id]?.[lang] ?? id}`;

export function nodesTable(snapshot: Snapshot, opts: TableExportOptions = {}): CellValue[][] {
  const lang = opts.lang ?? 'sv';
  const base = ACTOR_COLUMNS.filter((c) => c.spec.to === 'field');
  const props = usedPropColumns(ACTOR_COLUMNS, snapshot.nodes);
  const metricIds = Object.keys(opts.metrics ?? {});
  const header: CellValue[] = [
    ...base.map((c) => c.label[lang]),
    ...props.map((c) => c.label[lang]),
    ...metricIds.map((id) => metricHeader(id, opts, lang)),
    lang === 'sv' ? 'Version' : 'Version',
    lang === 'sv' ? 'Uppdaterad' : 'Updated',
  ];
  const rows = snapshot.nodes.map((n) => {
    const kindLabel = nodeKind(n.kind)?.label[lang] ?? n.kind;
    const cells: CellValue[] = [n.id, kindLabel, n.name, n.nameEn ?? null];
    for (const c of props) {
      const key = (c.spec as { keys: string[] }).keys.find((k) => n.props[k] !== undefined);
      cells.push(key ? propValue(n.kind, key, n.props[key], lang, false) : null);
    }
    for (const id of metricIds) {
      const v = opts.metrics![id][n.id];
      cells.push(v === undefined ? null : typeof v === 'boolean' ? (v ? BOOL[lang][0] : BOOL[lang][1]) : v);
    }
    cells.push(n.version, n.updatedAt);
    return cells;
  });
  return [header, ...rows];
}

export function relationsTable(snapshot: Snapshot, opts: TableExportOptions = {}): CellValue[][] {
  const lang = opts.lang ?? 'sv';
  const names = new Map(snapshot.nodes.map((n) => [n.id, lang === 'en' && n.nameEn ? n.nameEn : n.name]));
  const props = usedPropColumns(RELATION_COLUMNS, snapshot.relations);
  const L = (sv: string, en: string) => (lang === 'sv' ? sv : en);
  const col = (name: string) =>
    RELATION_COLUMNS.find((c) => c.spec.to === 'field' && c.spec.name === name)!.label[lang];
  const header: CellValue[] = [
    col('id'),
    col('type'),
    col('from'),
    L('Från (namn)', 'From (name)'),
    col('to'),
    L('Till (namn)', 'To (name)'),
    col('evidence'),
    col('sourceUrl'),
    col('sourceTitle'),
    col('sourceDate'),
    col('validFrom'),
    col('validTo'),
    col('weight'),
    col('note'),
    ...props.map((c) => c.label[lang]),
    L('Version', 'Version'),
    L('Uppdaterad', 'Updated'),
  ];
  const rows = snapshot.relations.map((r) => {
    const cells: CellValue[] = [
      r.id,
      relationKind(r.type)?.label[lang] ?? r.type,
      r.from,
      names.get(r.from) ?? null,
      r.to,
      names.get(r.to) ?? null,
      EVIDENCE_LABELS[r.evidence]?.[lang] ?? r.evidence,
      r.sources.map((s) => s.url).join('\n'),
      r.sources.map((s) => s.title).join('\n'),
      r.sources.some((s) => s.date) ? r.sources.map((s) => s.date ?? '').join('\n') : null,
      r.validFrom,
      r.validTo,
      r.weight,
      r.note ?? null,
    ];
    for (const c of props) {
      const key = (c.spec as { keys: string[] }).keys.find((k) => r.props[k] !== undefined);
      cells.push(key ? propValue(r.type, key, r.props[key], lang, true) : null);
    }
    cells.push(r.version, r.updatedAt);
    return cells;
  });
  return [header, ...rows];
}

export function gapsTable(snapshot: Snapshot, opts: TableExportOptions = {}): CellValue[][] {
  const lang = opts.lang ?? 'sv';
  const names = new Map(snapshot.nodes.map((n) => [n.id, lang === 'en' && n.nameEn ? n.nameEn : n.name]));
  const L = (sv: string, en: string) => (lang === 'sv' ? sv : en);
  const header: CellValue[] = [
    L('Id', 'Id'),
    L('Glapptyp', 'Gap kind'),
    L('Allvarlighet', 'Severity'),
    L('Rubrik', 'Title'),
    L('Förklaring', 'Explanation'),
    L('Noder', 'Nodes'),
    L('Nodnamn', 'Node names'),
    L('Saknade band', 'Missing ties'),
    L('Mått', 'Measures'),
  ];
  const severity: Record<string, Bilingual> = {
    high: { sv: 'hög', en: 'high' },
    medium: { sv: 'medel', en: 'medium' },
    low: { sv: 'låg', en: 'low' },
  };
  const rows = (opts.findings ?? []).map((f) => [
    f.id,
    f.gapKind ?? f.kind,
    severity[f.severity]?.[lang] ?? f.severity,
    f.title[lang],
    f.explanation[lang],
    f.nodeIds.join('\n'),
    f.nodeIds.map((id) => names.get(id) ?? id).join('\n'),
    (f.missingTies ?? [])
      .map(
        (t) =>
          `${names.get(t.from) ?? t.from} → ${names.get(t.to) ?? t.to} (${relationKind(t.type)?.label[lang] ?? t.type})`,
      )
      .join('\n') || null,
    f.metrics
      ? Object.entries(f.metrics)
          .map(([k, v]) => `${k}=${v}`)
          .join('; ')
      : null,
  ]);
  return [header, ...rows];
}

export const SHEET_NAMES: Record<ExportTable, Bilingual> = {
  nodes: { sv: 'Aktörer', en: 'Actors' },
  relations: { sv: 'Relationer', en: 'Relations' },
  gaps: { sv: 'Glapp', en: 'Gaps' },
};

export function exportTable(table: ExportTable, snapshot: Snapshot, opts: TableExportOptions = {}): CellValue[][] {
  return table === 'nodes'
    ? nodesTable(snapshot, opts)
    : table === 'relations'
      ? relationsTable(snapshot, opts)
      : gapsTable(snapshot, opts);
}

/** The empty template: the header rows of the actor and relation tables, and a sheet that explains each column. */
export function templateTables(lang: Lang): {
  actors: CellValue[][];
  relations: CellValue[][];
  instructions: CellValue[][];
} {
  const L = (sv: string, en: string) => (lang === 'sv' ? sv : en);
  const instructions: CellValue[][] = [
    [L('Tabell', 'Table'), L('Kolumn', 'Column'), L('Obligatorisk', 'Required'), L('Värden', 'Values')],
  ];
  const values = (c: TemplateColumn, table: 'actors' | 'relations'): string => {
    if (c.spec.to === 'field') {
      switch (c.spec.name) {
        case 'id':
          return table === 'actors'
            ? L(
                'prefix:nyckel, t.ex. org:jonkoping-university (tomt = skapas av namnet; finns organisationsnumret redan uppdateras den noden)',
                'prefix:key, e.g. org:jonkoping-university (empty = made from the name; an existing organisation number updates that node)',
              )
            : L('tomt = relationstyp:från:till', 'empty = type:from:to');
        case 'kind':
          return NODE_KINDS.map((k) => k.label[lang]).join(', ');
        case 'type':
          return RELATION_KINDS_LABELS(lang);
        case 'from':
        case 'to':
          return L(
            'id eller namn på en aktör i filen eller i atlasen',
            'id or name of an actor in the file or in the atlas',
          );
        case 'evidence':
          return Object.values(EVIDENCE_LABELS)
            .map((l) => l[lang])
            .join(', ');
        case 'sourceUrl':
        case 'sourceTitle':
        case 'sourceDate':
          return L(
            'flera källor: en per rad i cellen, i samma ordning i URL, titel och datum',
            'several sources: one per line in the cell, in the same order for URL, title and date',
          );
        case 'validFrom':
        case 'validTo':
          return 'YYYY-MM-DD';
        case 'weight':
          return L('styrka > 0 (standard 1)', 'strength > 0 (default 1)');
        default:
          return '';
      }
    }
    if (c.spec.to === 'props') {
      const keys = c.spec.keys;
      const kinds = (table === 'actors' ? NODE_KINDS.map((k) => k.id) : RELATION_KIND_IDS_LIST).filter((k) =>
        keys.some(
          (key) => enumOptions(k, key, table === 'relations') !== undefined || hasProp(k, key, table === 'relations'),
        ),
      );
      const opts = kinds.flatMap((k) => keys.flatMap((key) => enumOptions(k, key, table === 'relations') ?? []));
      const applies = L('gäller', 'applies to') + ' ' + kinds.join(', ');
      return opts.length > 0 ? `${[...new Set(opts.map((o) => o.label[lang]))].join(', ')} (${applies})` : applies;
    }
    return '';
  };
  for (const c of ACTOR_COLUMNS)
    instructions.push([
      SHEET_NAMES.nodes[lang],
      c.label[lang],
      c.required ? L('ja', 'yes') : null,
      values(c, 'actors'),
    ]);
  for (const c of RELATION_COLUMNS)
    instructions.push([
      SHEET_NAMES.relations[lang],
      c.label[lang],
      c.required ? L('ja', 'yes') : null,
      values(c, 'relations'),
    ]);
  return {
    actors: [ACTOR_COLUMNS.map((c) => c.label[lang])],
    relations: [RELATION_COLUMNS.map((c) => c.label[lang])],
    instructions,
  };
}

const RELATION_KIND_IDS_LIST = RELATION_KINDS.map((k) => k.id);
const RELATION_KINDS_LABELS = (lang: Lang) => RELATION_KINDS.map((k) => k.label[lang]).join(', ');
