import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** Reads PDFs back with poppler (pdftotext, pdftoppm), as a reader would. */
const dir = () => mkdtempSync(join(tmpdir(), 'aktorsatlas-pdf-'));

export function pdfText(pdf: Uint8Array): string {
  const file = join(dir(), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Whitespace folded to single spaces, so that wrapped lines compare as one text. */
export const flat = (s: string): string => s.replace(/\s+/g, ' ');

export function pdfPages(pdf: Uint8Array): number {
  const file = join(dir(), 'r.pdf');
  writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
}

/** Renders one page with pdftoppm and decodes the PNG. */
export function renderPage(pdf: Uint8Array, page: number, dpi = 50): PNG {
  const d = dir();
  writeFileSync(join(d, 'r.pdf'), pdf);
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-png',
    join(d, 'r.pdf'),
    join(d, 'p'),
  ]);
  const png = readdirSync(d).find((f) => f.startsWith('p') && f.endsWith('.png'))!;
  return PNG.sync.read(readFileSync(join(d, png)));
}

/** Distinct colours, the share of pixels that are not (near) white, and the share that are not grey (text is). */
export function pixelStats(png: PNG): { colours: number; inked: number; coloured: number } {
  const colours = new Set<number>();
  let inked = 0;
  let coloured = 0;
  const { data } = png;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    colours.add((r << 16) | (g << 8) | b);
    if (r < 235 || g < 235 || b < 235) inked++;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
  }
  const n = data.length / 4;
  return { colours: colours.size, inked: inked / n, coloured: coloured / n };
}
