import { describe, it, expect } from 'vitest';
import { jaroWinkler, likelyDuplicates, normaliseName } from '../../../core/exchange/duplicates.js';
import type { NodeRecord } from '../../../core/model/records.js';

const rec = (id: string, name: string, kind = 'Organisation'): NodeRecord => ({
  id,
  kind,
  name,
  props: {},
  version: 1,
  createdAt: '',
  createdBy: '',
  updatedAt: '',
  updatedBy: '',
});

describe('likely duplicates', () => {
  it('folds diacritics and drops legal forms, "kommun" and punctuation', () => {
    expect(normaliseName('Jönköpings Kommun')).toBe('jonkopings');
    expect(normaliseName('Ölands Kvarn & Båt AB')).toBe('olands kvarn bat');
    expect(normaliseName('Husqvarna AB (publ)')).toBe('husqvarna');
  });

  it('scores Jaro–Winkler as the reference values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('warns for similar names of the same kind, in the file and against the atlas, never for the same id', () => {
    const existing = [
      rec('org:husqvarna', 'Husqvarna AB'),
      rec('kommun:0680', 'Jönköping', 'Municipality'),
      rec('org:jonkopings-kommun', 'Jönköpings kommun'),
    ];
    const hits = likelyDuplicates(
      [
        { id: 'org:husqvarna-ab', kind: 'Organisation', name: 'HUSQVARNA' },
        { id: 'org:jonkopings-kommun', kind: 'Organisation', name: 'Jönköpings kommun' },
        { id: 'org:jonkoping', kind: 'Organisation', name: 'Jonkoping' },
        { id: 'org:a', kind: 'Organisation', name: 'Vaggeryds Energi AB' },
        { id: 'org:b', kind: 'Organisation', name: 'Vaggeryds Energi' },
        { id: 'org:c', kind: 'Organisation', name: 'Tranås Trä' },
      ],
      existing,
    );
    const byIndex = Object.fromEntries(hits.map((h) => [h.index, h]));
    expect(byIndex[0]).toMatchObject({ otherId: 'org:husqvarna', score: 1 });
    expect(byIndex[1]).toBeUndefined(); // its own id
    expect(byIndex[2]?.otherId).toBe('org:jonkopings-kommun'); // not the Municipality of the same name
    expect(byIndex[4]).toMatchObject({ otherId: 'org:a', otherIndex: 3 });
    expect(byIndex[5]).toBeUndefined();
    expect(byIndex[3]).toBeUndefined(); // the pair is reported once, on the later row
  });
});
