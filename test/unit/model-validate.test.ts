import { describe, it, expect } from 'vitest';
import { validateNode, validateRelation, validateBatch } from '../../core/model/validate.js';
import { checkOrgnr } from '../../core/model/orgnr.js';
import { checkKommunkod } from '../../core/model/kommunkod.js';
import { jonkopingBatch } from '../../fixtures/jonkoping/index.js';

const SRC = [{ url: 'https://example.org', title: 'Källa' }];

describe('catalogue validation', () => {
  it('reports every problem of a node, each with a path and a message in both languages', () => {
    const problems = validateNode({
      id: 'org:c',
      kind: 'Organisation',
      name: 'C',
      props: { orgType: 'bogus', helix: 'x', kommunkod: '9999' },
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual(
      expect.arrayContaining([
        ['/props/orgType', 'enum'],
        ['/props/helix', 'enum'],
        ['/props/kommunkod', 'kommunkod_county'],
      ]),
    );
    for (const p of problems) {
      expect(p.message.sv.length).toBeGreaterThan(3);
      expect(p.message.en.length).toBeGreaterThan(3);
    }
    // Allowed values are named by their labels, never by the stored codes.
    expect(problems.find((p) => p.path === '/props/orgType')?.message.en).toContain('Employer');
    expect(problems.find((p) => p.path === '/props/orgType')?.message.sv).toContain('Arbetsgivare');
    expect(problems.find((p) => p.path === '/props/orgType')?.message.sv).not.toContain('arbetsgivare');
  });

  it('checks organisationsnummer with Luhn and rejects personal identity numbers', () => {
    expect(checkOrgnr('556036-0793')).toBe('ok'); // passes the Luhn check
    expect(checkOrgnr('5560360793')).toBe('ok');
    expect(checkOrgnr('556036-0794')).toBe('checksum');
    expect(checkOrgnr('811218-9876')).toBe('not_legal_person');
    expect(checkOrgnr('55603-0793')).toBe('format');
  });

  it('checks kommunkod: four digits, a real county, and one of the 13 in Jönköpings län', () => {
    expect(checkKommunkod('0680')).toBe('ok');
    expect(checkKommunkod('0180')).toBe('ok');
    expect(checkKommunkod('0699')).toBe('unknown_in_county');
    expect(checkKommunkod('0280')).toBe('unknown_county');
    expect(checkKommunkod('680')).toBe('format');
  });

  it('validates relation endpoints against the catalogue and needs sources', () => {
    const kinds: Record<string, string> = { 'org:a': 'Organisation', 'ssyk:2221': 'Occupation', 'nw:n': 'Network' };
    const kindOf = (id: string) => kinds[id];
    expect(
      validateRelation({ type: 'DEMANDS', from: 'org:a', to: 'ssyk:2221', sources: SRC, evidence: 'probable' }, kindOf),
    ).toEqual([]);
    expect(
      validateRelation({ type: 'DEMANDS', from: 'org:a', to: 'nw:n', sources: SRC, evidence: 'probable' }, kindOf).map(
        (p) => p.code,
      ),
    ).toEqual(['endpoint_kind']);
    expect(
      validateRelation(
        { type: 'DEMANDS', from: 'org:a', to: 'ssyk:2221', sources: [], evidence: 'probable' },
        kindOf,
      ).map((p) => p.path),
    ).toEqual(['/sources']);
    expect(
      validateRelation(
        { type: 'DEMANDS', from: 'org:a', to: 'ssyk:9999', sources: SRC, evidence: 'probable' },
        kindOf,
      ).map((p) => p.code),
    ).toEqual(['unknown_node']);
  });

  it('accepts every record of the Jönköping fixture (done-when 7)', () => {
    const batch = jonkopingBatch();
    expect(validateBatch(batch, () => undefined)).toEqual([]);
    for (const r of batch.relations) {
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) expect(s.url).toMatch(/^https?:\/\//);
      expect(['confirmed', 'probable', 'uncertain']).toContain(r.evidence);
    }
  });
});
