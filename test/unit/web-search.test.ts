/** The search's matching (web/src/dom/combobox.ts): diacritics folded, words in any order, every hit returned. */
import { describe, expect, it } from 'vitest';
import { searchItems, type ComboItem } from '../../web/src/dom/combobox.js';
import { NODES } from '../../fixtures/jonkoping/index.js';

const items: ComboItem[] = NODES.map((n) => ({
  id: n.id,
  label: n.name,
  hint: '',
  alt: `${n.name} ${n.nameEn ?? ''} ${n.id}`,
}));
const labels = (q: string) => searchItems(items, q).map((i) => i.label);

describe('search matching', () => {
  it('finds "Region Jönköpings län" from "jonkoping" (diacritics and case folded), with every hit', () => {
    const hits = labels('jonkoping');
    expect(hits).toContain('Region Jönköpings län');
    // More than one page of the list (12): the list pages through them instead of dropping the rest.
    expect(hits.length).toBeGreaterThan(12);
    expect(labels('JÖNKÖPING')).toEqual(hits);
  });

  it('ranks a label that starts with the query first, and takes the words in any order', () => {
    expect(labels('jonkoping')[0]).toBe('Jönköping');
    expect(labels('region jonkoping')[0]).toBe('Region Jönköpings län');
    expect(labels('lan region jonkopings')).toContain('Region Jönköpings län');
  });

  it('matches the other language and the id, after the names', () => {
    const withEn = NODES.find((n) => n.nameEn && !n.name.toLowerCase().includes(n.nameEn.toLowerCase()));
    expect(withEn).toBeDefined();
    if (withEn?.nameEn) expect(labels(withEn.nameEn)).toContain(withEn.name);
  });

  it('finds nothing for an empty query or a word no actor has', () => {
    expect(labels('')).toEqual([]);
    expect(labels('   ')).toEqual([]);
    expect(labels('xyzzy-ingen-sådan')).toEqual([]);
  });
});
