import { dejaVuFiles } from '../render/fonts.js';

export interface PdfFonts {
  /** Font files (TrueType) or names of the PDF standard fonts. */
  regular: string;
  bold: string;
  /** True for an embedded Unicode font; false for the standard fonts, whose WinAnsi encoding covers å ä ö only. */
  unicode: boolean;
}

/** DejaVu Sans when installed; otherwise Helvetica (built into every PDF reader, no file needed). */
export function pdfFonts(standardOnly = false): PdfFonts {
  const [regular, bold] = standardOnly ? [] : dejaVuFiles();
  if (regular) return { regular, bold: bold ?? regular, unicode: true };
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false };
}

// Windows-1252 characters outside Latin-1 that the standard fonts have.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACE: Record<string, string> = {
  '−': '-',
  '→': '->',
  '⇔': '<=>',
  '≠': '!=',
  '≤': '<=',
  '≥': '>=',
  '‖': '||',
  Σ: 'Sum ',
  σ: 'sigma',
  λ: 'lambda',
  γ: 'gamma',
  α: 'alpha',
  δ: 'delta',
  ᵀ: 'T',
  '₂': '2',
};

/** Text the standard fonts can show: Latin-1 and WinAnsi kept, common maths spelled out, the rest approximated. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 10 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (REPLACE[ch] !== undefined) out += REPLACE[ch];
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...base].every((b) => b.charCodeAt(0) >= 0x20 && b.charCodeAt(0) <= 0xff) && base ? base : '?';
    }
  }
  return out;
}
