import { describe, it, expect } from 'vitest';
import type { Batch, Snapshot } from '../../../core/model/records.js';
import { fixtureSnapshot } from './helpers.js';
import { writeGexf } from '../../../core/exchange/gexf-write.js';
import { readGexf } from '../../../core/exchange/gexf-read.js';
import { writeGraphml } from '../../../core/exchange/graphml-write.js';
import { readGraphml } from '../../../core/exchange/graphml-read.js';
import { propColumns } from '../../../core/exchange/graph-attributes.js';
import { parseXml } from '../../../core/exchange/xml-tree.js';
import { DEFAULT_LIMITS } from '../../../core/exchange/limits.js';

/** What a store would be given back: the inputs, with the defaults a store fills in. */
const asStored = (b: Batch) => fixtureSnapshot(b);
const strip = (s: Snapshot) => ({
  nodes: s.nodes.map(({ version: _v, createdAt: _a, createdBy: _b, updatedAt: _c, updatedBy: _d, ...rest }) => rest),
  relations: s.relations.map(
    ({ version: _v, createdAt: _a, createdBy: _b, updatedAt: _c, updatedBy: _d, ...rest }) => rest,
  ),
});

/** Records with awkward values: lists, JSON objects, line breaks, markup, quotes, fractions, tabs. */
function awkward(): Snapshot {
  const snap = fixtureSnapshot();
  snap.nodes[0] = { ...snap.nodes[0], name: 'A & B <"kommun"> \'x\'\ttab\nline', nameEn: '  padded  ' };
  const org = snap.nodes.find((n) => n.kind === 'Organisation')!;
  org.props = {
    ...org.props,
    worksWith: ['sfi', 'validering'],
    description: 'Rad 1\r\nRad 2 ]]> <!-- not a comment -->',
    active: false,
  };
  const rel = snap.relations[0];
  rel.weight = 1 / 3;
  rel.note = 'Anteckning med "citat" & <tecken>\nny rad';
  rel.validFrom = '2020-01-01';
  rel.validTo = '2024-12-31';
  rel.sources = [
    { url: 'https://example.org/a?x=1&y=2', title: 'Första | källan', date: '2024-01-02' },
    { url: 'https://example.org/b', title: 'Andra' },
  ];
  return snap;
}

describe('GEXF and GraphML', () => {
  it('types prop columns from their values, and JSON-encodes lists and mixed columns', () => {
    const cols = propColumns([
      { props: { a: 1, b: 'x', c: true, d: ['x'], e: 1.5, f: 1 } },
      { props: { a: 2, f: 'y' } },
    ]);
    expect(cols).toEqual([
      { name: 'prop_a', type: 'long' },
      { name: 'prop_b', type: 'string' },
      { name: 'prop_c', type: 'boolean' },
      { name: 'propjson_d', type: 'string' },
      { name: 'prop_e', type: 'double' },
      { name: 'propjson_f', type: 'string' },
    ]);
  });

  for (const [name, write, read] of [
    ['GEXF', writeGexf, readGexf],
    ['GraphML', writeGraphml, readGraphml],
  ] as const) {
    it(`${name}: the Jönköping network and awkward values survive a round trip`, () => {
      for (const snap of [fixtureSnapshot(), awkward()]) {
        const text = write(snap);
        const parsed = read(new TextEncoder().encode(text));
        expect(parsed.report.filter((r) => r.severity === 'error')).toEqual([]);
        expect(strip(asStored(parsed.batch))).toEqual(strip(snap));
      }
    });
  }

  it('GEXF 1.3 carries kinds, weights and the view: colours, sizes and positions', () => {
    const snap = fixtureSnapshot();
    const [a, b] = snap.nodes;
    const gexf = writeGexf(snap, {
      view: {
        positions: { [a.id]: { x: 1.5, y: -2 } },
        nodeColors: { [a.id]: '#ff8000', [b.id]: 'rgba(0,0,255,0.5)' },
        nodeSizes: { [a.id]: 12 },
      },
    });
    const root = parseXml(gexf, DEFAULT_LIMITS);
    expect(root.attrs.xmlns).toBe('http://gexf.net/1.3');
    expect(root.attrs.version).toBe('1.3');
    const nodes = root.children.find((c) => c.local === 'graph')!.children.find((c) => c.local === 'nodes')!.children;
    const first = nodes.find((n) => n.attrs.id === a.id)!;
    expect(first.children.find((c) => c.name === 'viz:color')!.attrs).toEqual({ r: '255', g: '128', b: '0' });
    expect(first.children.find((c) => c.name === 'viz:position')!.attrs).toEqual({ x: '1.5', y: '-2', z: '0' });
    expect(first.children.find((c) => c.name === 'viz:size')!.attrs).toEqual({ value: '12' });
    expect(nodes.find((n) => n.attrs.id === b.id)!.children.find((c) => c.name === 'viz:color')!.attrs).toEqual({
      r: '0',
      g: '0',
      b: '255',
      a: '0.5',
    });
    const edge = root.children.find((c) => c.local === 'graph')!.children.find((c) => c.local === 'edges')!.children[0];
    expect(edge.attrs.kind).toBe(snap.relations[0].type);
    expect(edge.attrs.weight).toBe(String(snap.relations[0].weight));
  });

  it('reads files from other tools: unprefixed catalogue props, ignored attributes named once, bad edge ids replaced', () => {
    const graphml = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="d0" for="node" attr.name="kind" attr.type="string"/><key id="d1" for="node" attr.name="orgType" attr.type="string"/>
<key id="d2" for="node" attr.name="modularity_class" attr.type="int"/><key id="d3" for="edge" attr.name="type" attr.type="string"/>
<key id="d4" for="edge" attr.name="evidence" attr.type="string"><default>probable</default></key><key id="d5" for="edge" attr.name="sources" attr.type="string"/>
<graph edgedefault="directed"><node id="org:a"><data key="d0">Organisation</data><data key="d1">kommun</data><data key="d2">3</data></node>
<node id="org:b"><data key="d0">Organisation</data><data key="d1">region</data><data key="d2">1</data></node>
<edge id="0" source="org:a" target="org:b"><data key="d3">COLLABORATES_WITH</data><data key="d5">https://example.org/x</data></edge></graph></graphml>`;
    const parsed = readGraphml(new TextEncoder().encode(graphml));
    expect(parsed.batch.nodes[0]).toEqual({
      id: 'org:a',
      kind: 'Organisation',
      name: 'org:a',
      props: { orgType: 'kommun' },
    });
    expect(parsed.batch.relations[0]).toEqual({
      from: 'org:a',
      to: 'org:b',
      type: 'COLLABORATES_WITH',
      evidence: 'probable',
      sources: [{ url: 'https://example.org/x', title: 'https://example.org/x' }],
    });
    expect(parsed.report.map((r) => r.code).sort()).toEqual(['attribute_ignored', 'edge_id_replaced']);
  });

  it('names the line of a node without a kind', () => {
    const gexf = `<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.2draft" version="1.2">\n<graph defaultedgetype="directed"><nodes>\n<node id="org:a" label="A"/>\n</nodes></graph></gexf>`;
    const parsed = readGexf(new TextEncoder().encode(gexf));
    expect(parsed.report).toEqual([
      expect.objectContaining({ severity: 'error', sheet: 'nodes', row: 4, column: 'kind', code: 'missing_kind' }),
    ]);
  });
});
