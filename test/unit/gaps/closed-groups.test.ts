import { describe, it, expect } from 'vitest';
import { runGaps } from '../../../core/analysis/gaps/index.js';
import { byId, ids, org, rel, snapshot } from './support.js';

/**
 * Schools a1–a3 are a triangle, employers b1–b3 are a triangle, one tie a1–b1, and three folk high schools c1–c3
 * without ties. By orgType:
 *   gymnasieskola–arbetsgivare: 1 tie of 9 → density 0.111 (not under 0.05; under 0.2)
 *   gymnasieskola–folkhogskola and arbetsgivare–folkhogskola: 0 of 9 → flagged, medium (no ties at all)
 *   E-I: schools 3 internal, 1 external → (1 − 3)/4 = −0.5 → flagged at −0.5 (≤), medium; the same for employers;
 *   folk high schools have no ties → E-I undefined → not flagged.
 */
function fixture() {
  const school = (id: string) => org(id, `Skola ${id.slice(-2)}`, { orgType: 'gymnasieskola', helix: 'offentlig' });
  const employer = (id: string) => org(id, `Företag ${id.slice(-2)}`, { orgType: 'arbetsgivare', helix: 'naringsliv' });
  const fhs = (id: string) =>
    org(id, `Folkhögskola ${id.slice(-2)}`, { orgType: 'folkhogskola', helix: 'civilsamhalle' });
  const tie = (a: string, b: string) => rel('COLLABORATES_WITH', a, b);
  return snapshot(
    [
      school('org:a1'),
      school('org:a2'),
      school('org:a3'),
      employer('org:b1'),
      employer('org:b2'),
      employer('org:b3'),
      fhs('org:c1'),
      fhs('org:c2'),
      fhs('org:c3'),
    ],
    [
      tie('org:a1', 'org:a2'),
      tie('org:a2', 'org:a3'),
      tie('org:a1', 'org:a3'),
      tie('org:b1', 'org:b2'),
      tie('org:b2', 'org:b3'),
      tie('org:b1', 'org:b3'),
      tie('org:a1', 'org:b1'),
    ],
  );
}

describe('gaps: closed groups', () => {
  it('flags sparse group pairs and groups with a low E-I index', () => {
    const { findings } = runGaps(fixture(), { kinds: ['closed-groups'], partitions: ['orgType'] });
    expect(ids(findings)).toEqual([
      'closed-groups:ei:orgType:arbetsgivare',
      'closed-groups:ei:orgType:gymnasieskola',
      'closed-groups:pair:orgType:arbetsgivare|folkhogskola',
      'closed-groups:pair:orgType:folkhogskola|gymnasieskola',
    ]);
    const pair = byId(findings, 'closed-groups:pair:orgType:folkhogskola|gymnasieskola');
    expect(pair).toMatchObject({ severity: 'medium', metrics: { density: 0, ties: 0, possible: 9 } });
    expect(pair.explanation.sv).toBe(
      'Mellan grupperna Folkhögskola (3 aktörer) och Gymnasieskola (3 aktörer), indelade efter aktörstyp, finns inga band av 9 möjliga (blocktäthet 0, gräns 0,05).',
    );
    const ei = byId(findings, 'closed-groups:ei:orgType:gymnasieskola');
    expect(ei).toMatchObject({ severity: 'medium', metrics: { ei: -0.5, internal: 3, external: 1, size: 3 } });
    expect(ei.explanation.en).toContain('has 3 ties inside the group and 1 tie to other groups: E-I index −0.5');
  });

  it('thresholds and group size are parameters', () => {
    const loose = runGaps(fixture(), {
      kinds: ['closed-groups'],
      partitions: ['orgType'],
      densityThreshold: 0.2,
      eiThreshold: -0.6,
    }).findings;
    expect(ids(loose)).toEqual([
      'closed-groups:pair:orgType:arbetsgivare|folkhogskola',
      'closed-groups:pair:orgType:arbetsgivare|gymnasieskola',
      'closed-groups:pair:orgType:folkhogskola|gymnasieskola',
    ]);
    expect(byId(loose, 'closed-groups:pair:orgType:arbetsgivare|gymnasieskola')).toMatchObject({
      severity: 'low',
      metrics: { ties: 1, possible: 9 },
    });
    expect(runGaps(fixture(), { kinds: ['closed-groups'], partitions: ['orgType'], minGroupSize: 4 }).findings).toEqual(
      [],
    );
    expect(
      runGaps(fixture(), { kinds: ['closed-groups'], partitions: ['orgType'], maxPairs: 1 }).findings.filter((f) =>
        f.id.includes(':pair:'),
      ),
    ).toHaveLength(1);
  });

  it('partitions by helix and by Louvain community', () => {
    const helix = runGaps(fixture(), { kinds: ['closed-groups'], partitions: ['helix'] }).findings;
    expect(ids(helix)).toContain('closed-groups:pair:helix:civilsamhalle|offentlig');
    // Louvain finds the two triangles (the isolates are communities of one, too small to flag).
    const comm = runGaps(fixture(), { kinds: ['closed-groups'], partitions: ['community'] }).findings;
    const closed = comm.filter((f) => f.id.startsWith('closed-groups:ei:community:'));
    expect(closed).toHaveLength(2);
    for (const f of closed) expect(f.metrics).toMatchObject({ size: 3, internal: 3, external: 1, ei: -0.5 });
  });

  it('an unknown partition attribute is an error naming the parameter', () => {
    expect(() => runGaps(fixture(), { kinds: ['closed-groups'], partitions: ['nope'] })).toThrow(
      expect.objectContaining({
        code: 'unknown_partition_attribute',
        details: expect.objectContaining({ parameter: 'partitions' }),
      }),
    );
  });
});
