import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyseCommand } from '../../../server/cli/analyse.js';
import { networkx, type OracleResult } from '../../helpers/networkx.js';
import { close, FIXTURES, loadReference, NODE_METRICS } from './support.js';

/** `aktorsatlas analyse`: output contract, values (NetworkX on the same file) and error handling. */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await analyseCommand(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

let dir: string;
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-analyse-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('analyse: output', () => {
  let karate: OracleResult;
  beforeAll(() => {
    const ref = loadReference('karate');
    karate = networkx({
      directed: false,
      weighted: false,
      nodes: ref.nodes.map((n) => n.id),
      edges: ref.edges.map((e) => [e.source, e.target]),
    });
  }, 120_000);

  it('JSON for a GraphML file: the documented shape, values equal to NetworkX on the same graph', async () => {
    const r = await run(FIXTURES + 'karate.graphml', '--partition', 'club');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    for (const k of ['nodes', 'edges', 'density', 'components', 'diameter', 'averagePathLength', 'modularity'])
      expect(out.graph).toHaveProperty(k);
    expect(out.graph.nodes).toBe(34);
    expect(out.graph.modularity).toBeGreaterThanOrEqual(0.4);
    for (const k of [
      'degree',
      'degreeCentrality',
      'betweenness',
      'closeness',
      'harmonic',
      'eigenvector',
      'pagerank',
      'coreNumber',
      'clustering',
      'constraint',
      'effectiveSize',
      'efficiency',
      'hierarchy',
      'community',
      'brokerage',
    ])
      expect(out.nodes['0']).toHaveProperty(k);
    expect(Object.keys(out.nodes['0'].brokerage)).toEqual([
      'coordinator',
      'itinerant',
      'representative',
      'gatekeeper',
      'liaison',
    ]);
    expect(out.articulationPoints).toEqual(['0']);
    expect(out.bridges).toEqual([['0', '11']]);
    const bad: string[] = [];
    for (const [id, expected] of Object.entries(karate.nodes))
      for (const k of NODE_METRICS) if (!close(out.nodes[id][k], expected[k])) bad.push(`${id}.${k}`);
    expect(bad).toEqual([]);
    expect(out.groups.attribute).toBe('club');
    expect(out.groups.globalEI).toBeCloseTo(-0.7179, 4);
  });

  it('NaN is written as null (isolates have no constraint)', async () => {
    const p = file('isolate.graphml', readFlorentineWithIsolate());
    const out = JSON.parse((await run(p)).stdout);
    expect(out.nodes.Pucci.constraint).toBeNull();
    expect(out.nodes.Pucci.effectiveSize).toBeNull();
    expect(out.nodes.Pucci.hierarchy).toBeNull();
    expect(out.nodes.Medici.closeness).toBeCloseTo(0.5227, 4);
  });

  it('CSV: one row per node with the same values, brokerage flattened', async () => {
    const json = JSON.parse((await run(FIXTURES + 'florentine.gexf')).stdout);
    const r = await run(FIXTURES + 'florentine.gexf', '--format', 'csv');
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    const cols = header.split(',');
    expect(cols.slice(0, 3)).toEqual(['id', 'degree', 'inDegree']);
    for (const c of [
      'brokerage_coordinator',
      'brokerage_itinerant',
      'brokerage_representative',
      'brokerage_gatekeeper',
      'brokerage_liaison',
    ])
      expect(cols).toContain(c);
    expect(rows.length).toBe(15);
    const medici = rows.find((row) => row.startsWith('Medici,'))!.split(',');
    expect(Number(medici[cols.indexOf('betweenness')])).toBe(json.nodes.Medici.betweenness);
    expect(Number(medici[cols.indexOf('brokerage_coordinator')])).toBe(json.nodes.Medici.brokerage.coordinator);
    const acc = rows.find((row) => row.startsWith('Acciaiuoli,'))!.split(',');
    expect(acc[cols.indexOf('hierarchy')]).toBe('');
  });

  it('--weight reads strengths (CSV with a weight column), --partition a node attribute (snapshot)', async () => {
    const w = JSON.parse((await run(FIXTURES + 'borgatti-weighted.csv', '--weight', 'weight')).stdout);
    expect(w.graph.weighted).toBe(true);
    expect(w.nodes.G.constraint).toBeCloseTo(0.299, 3);
    const unweighted = JSON.parse((await run(FIXTURES + 'borgatti-weighted.csv')).stdout);
    expect(unweighted.nodes.G.constraint).toBeCloseTo(0.4, 3);

    const kite = loadReference('kite');
    const meta = { version: 1, createdAt: '2025-01-01', createdBy: 't', updatedAt: '2025-01-01', updatedBy: 't' };
    const snapshot = {
      nodes: kite.nodes.map((n) => ({
        id: n.id,
        kind: 'Organisation',
        name: n.id,
        props: { group: n.group },
        ...meta,
      })),
      relations: kite.edges.map((e, i) => ({
        id: `r${i}`,
        type: 'COLLABORATES_WITH',
        from: e.source,
        to: e.target,
        props: {},
        sources: [],
        evidence: 'confirmed',
        validFrom: null,
        validTo: null,
        ...meta,
      })),
    };
    const out = JSON.parse((await run(file('kite.json', JSON.stringify(snapshot)), '--partition', 'group')).stdout);
    expect(out.nodes.Heather.brokerage).toEqual({
      coordinator: 0,
      itinerant: 0,
      representative: 0,
      gatekeeper: 0,
      liaison: 4,
    });
    expect(out.nodes.Fernando.brokerage.liaison).toBe(6);
  });

  it('--seed makes the communities reproducible', async () => {
    const a = JSON.parse((await run(FIXTURES + 'karate.graphml', '--seed', '7')).stdout);
    const b = JSON.parse((await run(FIXTURES + 'karate.graphml', '--seed', '7')).stdout);
    expect(Object.values(a.nodes).map((m) => (m as { community: number }).community)).toEqual(
      Object.values(b.nodes).map((m) => (m as { community: number }).community),
    );
    expect(a.communities.seed).toBe(7);
  });

  it('reads directed GraphML as directed', async () => {
    const out = JSON.parse((await run(FIXTURES + 'borgatti-directed.graphml')).stdout);
    expect(out.graph.directed).toBe(true);
    expect(out.nodes['2'].constraint).toBeCloseTo(1.389, 3);
  });
});

function readFlorentineWithIsolate(): string {
  const ref = loadReference('florentine');
  const nodes = [...ref.nodes.map((n) => n.id), 'Pucci'].map((id) => `<node id="${id}"/>`).join('');
  const edges = ref.edges.map((e) => `<edge source="${e.source}" target="${e.target}"/>`).join('');
  return `<?xml version="1.0"?><graphml><graph edgedefault="undirected">${nodes}${edges}</graph></graphml>`;
}

describe('analyse: bad input → one line "error: …" on stderr and exit code 2', () => {
  const expectError = (r: Run, text: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/^error: /);
    expect(r.stderr).toMatch(text);
  };

  it('a file that is not a graph, an unknown format, a missing file', async () => {
    expectError(await run(file('notes.txt', 'hello world\n')), /Line 1: expected source,target/);
    expectError(await run(file('data.bin', '%PDF-1.4')), /Unknown graph format/);
    expectError(await run(file('broken.graphml', '<graphml><graph><node id="a"></graph>')), /Not well-formed XML/);
    expectError(await run(file('wrong.json', '{"hello": 1}')), /snapshot/);
    expectError(await run(join(dir, 'missing.graphml')), /cannot read/);
  });

  it('a DOCTYPE in GraphML or GEXF', async () => {
    expectError(await run(file('evil.graphml', '<!DOCTYPE x [<!ENTITY a "b">]><graphml/>')), /DOCTYPE/);
    expectError(await run(file('evil.gexf', '<?xml version="1.0"?><!DOCTYPE gexf><gexf/>')), /DOCTYPE/);
  });

  it('a partition attribute that does not exist', async () => {
    expectError(await run(FIXTURES + 'karate.graphml', '--partition', 'sector'), /partition attribute "sector"/);
  });

  it('a zero or negative weight, or a weight attribute that does not exist', async () => {
    expectError(
      await run(file('neg.csv', 'source,target,weight\na,b,2\nb,c,-1\n'), '--weight', 'weight'),
      /b – c.*positive/,
    );
    expectError(await run(file('zero.csv', 'a,b,0\n'), '--weight', 'weight'), /a – b/);
    expectError(await run(FIXTURES + 'kite.csv', '--weight', 'weight'), /No edge has the weight attribute/);
  });

  it('a graph too large for the path metrics', async () => {
    const n = 100_002;
    const lines = Array.from({ length: n - 1 }, (_, i) => `${i},${i + 1}`).join('\n');
    expectError(await run(file('huge.csv', lines)), /limited to 100000/);
  });

  it('bad flags', async () => {
    expectError(await run(FIXTURES + 'kite.csv', '--format', 'xml'), /--format/);
    expectError(await run(FIXTURES + 'kite.csv', '--seed', 'abc'), /--seed/);
    expectError(await run(FIXTURES + 'kite.csv', '--colour', 'red'), /colour/);
    expectError(await run(), /FILE/);
  });
});
