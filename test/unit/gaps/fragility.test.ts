import { describe, it, expect } from 'vitest';
import { runGaps } from '../../../core/analysis/gaps/index.js';
import { byId, ids, org, rel, snapshot } from './support.js';

/**
 * Two triangles {a, b, c} and {d, e, f} joined by the tie c–d, and a leaf g on a (7 actors, one component).
 * Without c: pieces {a, b, g} and {d, e, f}: F = 1 − (6 + 6)/(6·5) = 0.6; 3 actors cut off → high.
 * Without d: pieces {a, b, c, g} and {e, f}: F = 1 − (12 + 2)/30 = 0.5333; 2 cut off → medium.
 * Without a: pieces {b, c, d, e, f} and {g}: F = 1 − 20/30 = 0.3333; 1 cut off → low.
 * Bridges: c–d (smaller side {d, e, f}: 3 → high) and a–g (to a single actor: counted in the summary only).
 */
function fixture() {
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const tie = (x: string, y: string) => rel('COLLABORATES_WITH', `org:${x}`, `org:${y}`);
  return snapshot(
    names.map((n) => org(`org:${n}`, n.toUpperCase())),
    [
      tie('a', 'b'),
      tie('b', 'c'),
      tie('a', 'c'),
      tie('d', 'e'),
      tie('e', 'f'),
      tie('d', 'f'),
      tie('c', 'd'),
      tie('a', 'g'),
    ],
  );
}

describe('gaps: fragility', () => {
  it('ranks cut points by the growth of fragmentation and names who is cut off', () => {
    const { findings } = runGaps(fixture(), { kinds: ['fragility'] });
    expect(ids(findings)).toEqual([
      'fragility:bridge:org:c|org:d',
      'fragility:cut:org:a',
      'fragility:cut:org:c',
      'fragility:cut:org:d',
      'fragility:summary',
    ]);
    const c = byId(findings, 'fragility:cut:org:c');
    expect(c.severity).toBe('high');
    expect(c.metrics!.rank).toBe(1);
    expect(c.metrics!.fragmentationAfter).toBeCloseTo(0.6, 12);
    expect(c.metrics!.deltaFragmentation).toBeCloseTo(0.6, 12);
    expect(c.explanation.sv).toBe(
      'Om C lämnade nätverket skulle dess del av nätverket falla i 2 delar: D, E och F (3 aktörer) skulle tappa kontakten med övriga. Fragmenteringen (Borgatti) skulle öka med 0,6 till 0,6.',
    );
    expect(c.missingTies).toEqual([{ from: 'org:d', to: 'org:a', type: 'COLLABORATES_WITH' }]);
    expect(byId(findings, 'fragility:cut:org:d')).toMatchObject({
      severity: 'medium',
      metrics: { rank: 2, cutOff: 2 },
    });
    expect(byId(findings, 'fragility:cut:org:d').metrics!.fragmentationAfter).toBeCloseTo(16 / 30, 12);
    expect(byId(findings, 'fragility:cut:org:a')).toMatchObject({ severity: 'low', metrics: { rank: 3, cutOff: 1 } });
    expect(byId(findings, 'fragility:bridge:org:c|org:d')).toMatchObject({ severity: 'high', metrics: { cutOff: 3 } });
    expect(byId(findings, 'fragility:summary').metrics).toMatchObject({
      articulationPoints: 3,
      bridges: 2,
      pendantBridges: 1,
      components: 1,
      fragmentation: 0,
    });
  });

  it('reports only the top N cut points one by one', () => {
    const { findings } = runGaps(fixture(), { kinds: ['fragility'], topN: 1 });
    expect(ids(findings).filter((id) => id.startsWith('fragility:cut:'))).toEqual(['fragility:cut:org:c']);
    expect(byId(findings, 'fragility:summary').explanation.en).toContain(
      'The 1 with the largest effect are reported one by one.',
    );
  });
});
