import { describe, it, expect } from 'vitest';
import { REPORT_TEXT, rt } from '../../../core/report/strings.js';
import { toWinAnsi } from '../../../server/report/pdf-fonts.js';

describe('report texts', () => {
  it('has every key in Swedish and English, non-empty, with the same placeholders', () => {
    for (const [key, text] of Object.entries(REPORT_TEXT)) {
      expect(Object.keys(text).sort(), key).toEqual(['en', 'sv']);
      expect(text.sv.trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(text.sv), key).toEqual(holes(text.en));
    }
  });

  it('fills placeholders', () => {
    expect(rt('provenanceIntro', 'en', { nodes: 3, relations: 2 })).toMatch(/^3 nodes and 2 relations/);
  });

  it('keeps Swedish letters for the standard fonts and spells out what WinAnsi lacks', () => {
    expect(toWinAnsi('Jönköpings län – Åre, Ödeshög')).toBe('Jönköpings län – Åre, Ödeshög');
    expect(toWinAnsi('C_B(v) = Σ σ_st(v)/σ_st → ‖x‖₂')).toBe('C_B(v) = Sum  sigma_st(v)/sigma_st -> ||x||2');
    expect(toWinAnsi('漢')).toBe('?');
  });
});
