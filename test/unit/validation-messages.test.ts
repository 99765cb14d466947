import { describe, it, expect } from 'vitest';
import { validateNode, validateRelation } from '../../core/model/validate.js';
import { NODE_KINDS } from '../../core/model/catalogue/node-kinds.js';
import { RELATION_KINDS } from '../../core/model/catalogue/relation-kinds.js';
import { FORMAT_HINTS } from '../../core/model/field-text.js';
import type { Problem } from '../../core/model/problems.js';

const SRC = [{ url: 'https://example.org', title: 'Källa' }];
const kinds: Record<string, string> = { 'org:a': 'Organisation', 'org:b': 'Organisation', 'ssyk:2221': 'Occupation' };
const kindOf = (id: string) => kinds[id];
const at = (ps: Problem[], path: string) => ps.find((p) => p.path === path);

/** Things a person should never read in a message: field names, stored codes, regular expressions. */
const DEVELOPER_WORDS =
  /orgType|validFrom|validTo|kommunkod|primarySni|\bconfirmed\b|\bprobable\b|\buncertain\b|\^|\\d|\$|\{\d|Måste vara en av|Obligatoriskt fält/;

describe('validation messages speak plain Swedish and English', () => {
  it('names a missing field by its label ("Ange organisationstyp")', () => {
    const ps = validateNode({ id: 'org:x', kind: 'Organisation', name: 'X', props: {} });
    expect(at(ps, '/props/orgType')?.message).toEqual({ sv: 'Ange organisationstyp', en: 'Enter organisation type' });
  });

  it('says an end date before a start date in words', () => {
    const ps = validateRelation(
      {
        type: 'COLLABORATES_WITH',
        from: 'org:a',
        to: 'org:b',
        sources: SRC,
        evidence: 'confirmed',
        validFrom: '2024-05-01',
        validTo: '2023-01-01',
      },
      kindOf,
    );
    expect(at(ps, '/validTo')?.message.sv).toBe('Slutdatum ligger före startdatum');
  });

  it('lists the labels of the allowed values, not the codes', () => {
    const ps = validateRelation(
      { type: 'COLLABORATES_WITH', from: 'org:a', to: 'org:b', sources: SRC, evidence: 'sure' },
      kindOf,
    );
    expect(at(ps, '/evidence')?.message.sv).toBe('Välj belägg bland: Bekräftad, Trolig, Osäker');
    expect(at(ps, '/evidence')?.message.en).toBe('Choose evidence from: Confirmed, Probable, Uncertain');
  });

  it('describes a format with words and an example instead of a regular expression', () => {
    const ps = validateNode({
      id: 'org:x',
      kind: 'Organisation',
      name: 'X',
      props: { orgType: 'kommun', orgnr: '12' },
    });
    expect(at(ps, '/props/orgnr')?.message.sv).toBe('Organisationsnummer ska vara tio siffror, som 556012-3456');
    // Every pattern in the catalogue has words.
    const patterns = new Set<string>();
    const walk = (s: unknown): void => {
      if (!s || typeof s !== 'object') return;
      const o = s as Record<string, unknown>;
      if (typeof o.pattern === 'string') patterns.add(o.pattern);
      for (const v of Object.values(o)) walk(v);
    };
    for (const k of [...NODE_KINDS, ...RELATION_KINDS]) walk(k.props);
    for (const p of patterns) expect(FORMAT_HINTS[p], p).toBeDefined();
  });

  it("reports every problem at once, the top level and the kind's fields together, each at its field", () => {
    const ps = validateNode({
      id: 'org:x',
      kind: 'Organisation',
      name: '',
      props: { orgnr: 'abc', helix: 'x', website: 'nope', kommunkod: '0699' },
    });
    expect(ps.map((p) => p.path).sort()).toEqual(
      ['/name', '/props/helix', '/props/kommunkod', '/props/orgType', '/props/orgnr', '/props/website'].sort(),
    );
    expect(at(ps, '/name')?.message.sv).toBe('Ange namn');
    for (const p of ps) {
      expect(p.message.sv, p.path).not.toMatch(DEVELOPER_WORDS);
      expect(p.message.en, p.path).not.toMatch(DEVELOPER_WORDS);
    }
  });

  it('names node kinds by their labels when a relation end is of the wrong kind', () => {
    const ps = validateRelation(
      { type: 'COLLABORATES_WITH', from: 'org:a', to: 'ssyk:2221', sources: SRC, evidence: 'confirmed' },
      kindOf,
    );
    expect(at(ps, '/to')?.message.sv).toContain('yrke (SSYK)');
    expect(at(ps, '/to')?.message.sv).not.toContain('Occupation');
  });

  it('the numbers and lists of a relation are named by their labels', () => {
    const ps = validateRelation(
      {
        type: 'MEMBER_OF',
        from: 'org:a',
        to: 'org:b',
        sources: [],
        evidence: 'confirmed',
        weight: 0,
        props: { seats: -1 },
      },
      kindOf,
    );
    expect(at(ps, '/sources')?.message.sv).toBe('Källor: ange minst 1');
    expect(at(ps, '/weight')?.message.sv).toBe('Styrka ska vara större än 0');
    expect(at(ps, '/props/seats')?.message.sv).toBe('Platser ska vara minst 0');
  });
});
