import { describe, expect, it } from 'vitest';
import { completenessLevel, settle, summarise } from '../../../core/analysis/gaps/basis.js';
import type { DraftFinding, Finding } from '../../../core/analysis/gaps/index.js';
import { rankByImpact } from '../../../core/analysis/key-actors.js';

const draft = (id: string, extra: Partial<DraftFinding> = {}): DraftFinding => ({
  id,
  kind: extra.gapKind ?? 'fragility',
  gapKind: 'fragility',
  severity: 'high',
  basis: 'observed',
  impact: 0.5,
  title: { sv: `Fynd ${id}`, en: `Finding ${id}` },
  explanation: { sv: 'Förklaring.', en: 'Explanation.' },
  nodeIds: [],
  ...extra,
});
const completeness = (withRelation: number, registered: number) => ({
  relationType: 'EDUCATES_FOR',
  orgTypes: ['larosate'],
  registered,
  withRelation,
  unknown: [],
});

describe('basis, confidence and the summary', () => {
  it('confidence follows the strongest evidence a finding holds at, capped by completeness when absent', () => {
    expect(settle(draft('a'), 'confirmed')).toMatchObject({ confidence: 'high', robust: true });
    expect(settle(draft('a'), 'probable')).toMatchObject({ confidence: 'medium', robust: false });
    expect(settle(draft('a'), 'uncertain')).toMatchObject({ confidence: 'low', robust: false });
    // Robust, but the register knows the education ties of 2 of 10 providers: low.
    const absent = draft('b', { basis: 'absent', completeness: completeness(2, 10) });
    expect(settle(absent, 'confirmed')).toMatchObject({ confidence: 'low', robust: true });
    expect(completenessLevel(completeness(6, 10))).toBe('medium');
    expect(completenessLevel(completeness(8, 10))).toBe('high');
    expect(completenessLevel(completeness(0, 0))).toBe('low');
  });

  it('ranks by impact × confidence, at most 10, one line per cause for absent findings, no "no data"', () => {
    const findings: Finding[] = [
      ...Array.from({ length: 12 }, (_, i) => settle(draft(`o${i}`, { impact: 0.3 + i / 100 }), 'confirmed')),
      ...['s1', 's2', 's3'].map((id) =>
        settle(draft(id, { gapKind: 'supply-none', kind: 'supply-none', basis: 'absent', impact: 0.9 }), 'confirmed'),
      ),
      settle(draft('nd', { kind: 'no-data', impact: 1 }), 'confirmed'),
      settle(draft('tiny', { impact: 0.1 }), 'confirmed'),
    ];
    const summary = summarise(findings);
    expect(summary).toHaveLength(10);
    expect(summary[0]).toMatchObject({ id: 's1', alike: ['s2', 's3'] });
    expect(summary[0].sentence.sv).toBe(
      'Fynd s1 (och 2 liknande fynd) – enligt registret, som kan sakna uppgifter (säkerhet: hög).',
    );
    expect(summary.map((s) => s.id)).not.toContain('s2');
    expect(summary.map((s) => s.id)).not.toContain('nd');
    expect(summary.map((s) => s.id)).not.toContain('tiny');
    const scores = summary.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('key actors: priority reflects impact, so a two-tie broker is no key actor', () => {
    const ranked = rankByImpact({
      hub: { degree: 10, betweenness: 0.5 },
      wide: { degree: 8, betweenness: 0.05 },
      broker: { degree: 2, betweenness: 0.3 },
      leaf: { degree: 1, betweenness: 0 },
    }).map(([id]) => id);
    expect(ranked).toEqual(['hub', 'wide', 'broker', 'leaf']);
  });
});
