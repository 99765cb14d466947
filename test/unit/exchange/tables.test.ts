import { describe, it, expect } from 'vitest';
import { tablesToBatch, type TableInput } from '../../../core/exchange/table-import.js';
import {
  ACTOR_COLUMNS,
  RELATION_COLUMNS,
  resolveKind,
  resolveKumuType,
  resolveRelationType,
  templateHeaders,
} from '../../../core/exchange/tables.js';
import { importReport, parseImport } from '../../../core/exchange/import.js';
import { validateBatch } from '../../../core/model/validate.js';
import type { NodeRecord, RelationRecord } from '../../../core/model/records.js';

const table = (sheet: string, kind: 'actors' | 'relations', rows: string[][]): TableInput => ({
  sheet,
  table: kind,
  origin: 'csv',
  rows: rows.map((r) => r.map((text) => ({ text }))),
});
const meta = { version: 1, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' };
const node = (id: string, kind: string, name: string, props: Record<string, unknown> = {}): NodeRecord => ({
  id,
  kind,
  name,
  props: props as NodeRecord['props'],
  ...meta,
});

describe('the table template', () => {
  it('has Swedish and English headers from the catalogue, one column per label that several kinds share', () => {
    const sv = templateHeaders('actors', 'sv');
    const en = templateHeaders('actors', 'en');
    expect(sv.slice(0, 4)).toEqual(['Id', 'Nodtyp', 'Namn', 'Namn (engelska)']);
    expect(en.slice(0, 4)).toEqual(['Id', 'Kind', 'Name', 'Name (English)']);
    expect(sv).toContain('Organisationsnummer');
    expect(en).toContain('Organisation number');
    expect(new Set(sv).size).toBe(sv.length);
    const typ = ACTOR_COLUMNS.find((c) => c.label.sv === 'Typ')!;
    expect(typ.spec).toEqual({ to: 'props', keys: ['orgType', 'networkType'] });
    expect(templateHeaders('relations', 'sv').slice(0, 6)).toEqual([
      'Id',
      'Relationstyp',
      'Från',
      'Till',
      'Belägg',
      'Källa (URL)',
    ]);
    expect(RELATION_COLUMNS.find((c) => c.label.en === 'Seats')?.spec).toEqual({ to: 'props', keys: ['seats'] });
  });

  it('resolves kinds, Kumu types and relation types by id and by label', () => {
    expect(resolveKind('nätverk')).toBe('Network');
    expect(resolveKind('Organisations')).toBe('Organisation');
    expect(resolveKumuType('Lärosäte')).toEqual({ kind: 'Organisation', props: { orgType: 'larosate' } });
    expect(resolveKumuType('Skills council')).toEqual({ kind: 'Network', props: { networkType: 'kompetensrad' } });
    expect(resolveRelationType('member of')).toBe('MEMBER_OF');
    expect(resolveRelationType('Medlem i')).toBe('MEMBER_OF');
    expect(resolveRelationType('collaborates_with')).toBe('COLLABORATES_WITH');
    expect(resolveRelationType('knows')).toBeUndefined();
  });
});

describe('tables to a batch', () => {
  it('converts cells by the catalogue: labels to values, decimal commas, yes/no, lists, lost leading zeros', () => {
    const r = tablesToBatch(
      [
        table('Aktörer', 'actors', [
          ['Namn', 'Nodtyp', 'Typ', 'Kommunkod', 'Arbetar med', 'Aktiv', 'Andel av sysselsättningen', 'SNI-kod'],
          ['Tranås kommun', 'Organisation', 'Kommun', '687', 'SFI; Unga', 'ja', '', ''],
          ['Tillverkning', 'Bransch (SNI)', '', '', '', '', '0,25', 'C'],
          ['Rådet', 'Nätverk', 'Kompetensråd', '', '', '', '', ''],
        ]),
      ],
      { existingNodes: [] },
    );
    expect(r.batch.nodes).toEqual([
      {
        id: 'org:tranas-kommun',
        kind: 'Organisation',
        name: 'Tranås kommun',
        props: { orgType: 'kommun', kommunkod: '0687', worksWith: ['sfi', 'unga'], active: true },
      },
      { id: 'sni:tillverkning', kind: 'Sector', name: 'Tillverkning', props: { employmentShare: 0.25, sni: 'C' } },
      { id: 'nw:radet', kind: 'Network', name: 'Rådet', props: { networkType: 'kompetensrad' } },
    ]);
    expect(r.report).toEqual([
      expect.objectContaining({ severity: 'warning', row: 2, column: 'Kommunkod', code: 'value_adjusted' }),
    ]);
    expect(validateBatch(r.batch, () => undefined)).toEqual([]);
  });

  it('upserts by organisationsnummer and keeps props the sheet has no column for', () => {
    const existing = [
      node('org:husqvarna', 'Organisation', 'Husqvarna AB', {
        orgType: 'arbetsgivare',
        orgnr: '556000-0000',
        helix: 'naringsliv',
      }),
    ];
    const r = tablesToBatch(
      [
        table('a', 'actors', [
          ['Namn', 'Nodtyp', 'Organisationsnummer', 'Kommunkod'],
          ['Husqvarna Group', 'Organisation', '5560000000', '0680'],
        ]),
      ],
      { existingNodes: existing },
    );
    expect(r.batch.nodes).toEqual([
      {
        id: 'org:husqvarna',
        kind: 'Organisation',
        name: 'Husqvarna Group',
        props: { orgType: 'arbetsgivare', helix: 'naringsliv', orgnr: '5560000000', kommunkod: '0680' },
      },
    ]);
  });

  it('reads Kumu: Label/Type/Description for elements, From/To by name, and sources from the defaults', () => {
    const r = tablesToBatch(
      [
        table('elements', 'actors', [
          ['Label', 'Type', 'Description', 'Tags'],
          ['Jönköping University', 'Lärosäte', 'Högskola', 'akademi'],
          ['Teknikcollege', 'College', '', ''],
        ]),
        table('connections', 'relations', [
          ['From', 'To', 'Type', 'Description'],
          ['jönköping university', 'Teknikcollege', 'member of', 'sedan 2019'],
        ]),
      ],
      { existingNodes: [] },
      { defaults: { sources: [{ url: 'https://kumu.io/x', title: 'Kumu' }], evidence: 'probable' } },
    );
    expect(r.batch.nodes).toEqual([
      {
        id: 'org:jonkoping-university',
        kind: 'Organisation',
        name: 'Jönköping University',
        props: { orgType: 'larosate', description: 'Högskola' },
      },
      { id: 'nw:teknikcollege', kind: 'Network', name: 'Teknikcollege', props: { networkType: 'college' } },
    ]);
    expect(r.batch.relations).toEqual([
      {
        type: 'MEMBER_OF',
        from: 'org:jonkoping-university',
        to: 'nw:teknikcollege',
        evidence: 'probable',
        sources: [{ url: 'https://kumu.io/x', title: 'Kumu' }],
        note: 'sedan 2019',
      },
    ]);
    expect(r.mapping.map((m) => m.dialect)).toEqual(['kumu', 'template']);
    expect(r.report.map((x) => [x.severity, x.column, x.code])).toEqual([['warning', 'Tags', 'column_ignored']]);
  });

  it('follows a user mapping of odd headers', () => {
    const r = tablesToBatch(
      [
        table('a', 'actors', [
          ['Organisation', 'Sort', 'Org.nr'],
          ['Mullsjö kommun', 'Organisation', ''],
        ]),
      ],
      { existingNodes: [] },
      { mapping: { Organisation: 'name', Sort: 'kind', 'Org.nr': 'props.orgnr' } },
    );
    expect(r.batch.nodes[0]).toMatchObject({ name: 'Mullsjö kommun', kind: 'Organisation' });
    expect(r.mapping[0]).toMatchObject({
      dialect: 'custom',
      columns: [
        { header: 'Organisation', field: 'name' },
        { header: 'Sort', field: 'kind' },
        { header: 'Org.nr', field: 'props.orgnr' },
      ],
    });
  });

  it('names missing columns, unknown kinds and types, dangling endpoints and formulas by row and column', () => {
    const existingNodes = [node('nw:radet', 'Network', 'Rådet', { networkType: 'kompetensrad' })];
    const existingRelations: RelationRecord[] = [];
    const parsed = parseImport(
      'csv',
      [
        {
          name: 'aktorer.csv',
          table: 'actors',
          bytes: new TextEncoder().encode(
            'Namn;Nodtyp;Typ\nA;Organisation;Kommun\nB;Företag;\nC;Organisation;Påhittad\n',
          ),
        },
        {
          name: 'relationer.csv',
          table: 'relations',
          bytes: new TextEncoder().encode(
            'Relationstyp;Från;Till;Belägg;Källa (URL)\nmedlem i;A;Rådet;bekräftad;https://x.se\nkänner;A;Rådet;bekräftad;https://x.se\nmedlem i;Okänd AB;Rådet;bekräftad;https://x.se\nmedlem i;A;Rådet;=1+1;https://x.se\n',
          ),
        },
        { name: 'tom.csv', table: 'relations', bytes: new TextEncoder().encode('Från;Till\nA;B\n') },
      ],
      { existingNodes, existingRelations },
    );
    const kinds = new Map(existingNodes.map((n) => [n.id, n.kind]));
    const report = importReport(
      parsed,
      validateBatch(parsed.batch, (id) => kinds.get(id)),
      { existingNodes, existingRelations },
    );
    const errors = report.filter((r) => r.severity === 'error').map((r) => [r.sheet, r.row, r.column, r.code]);
    expect(errors).toEqual([
      ['aktorer.csv', 3, 'Nodtyp', 'unknown_kind'],
      ['aktorer.csv', 4, 'Typ', 'unknown_value'],
      ['relationer.csv', 3, 'Relationstyp', 'unknown_relation_type'],
      ['relationer.csv', 4, 'Från', 'unknown_node'],
      ['relationer.csv', 5, 'Belägg', 'formula'],
      ['tom.csv', 1, null, 'missing_column'],
      ['tom.csv', 1, null, 'missing_column'],
      ['tom.csv', 1, null, 'missing_column'],
    ]);
    const kind = report.find((r) => r.code === 'unknown_kind')!;
    expect(kind.message.sv).toContain('Företag');
    expect(report.find((r) => r.code === 'formula')!.message.en).toMatch(/formula \(=1\+1\)/);
  });
});
