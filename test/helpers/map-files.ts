/**
 * Reads exported maps back: the SVG writer's nodes (id, fill, centre) with a conforming XML parser, the map
 * image inside a PDF (poppler's pdfimages), and pixels of a PNG.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { SaxesParser } from 'saxes';

export interface SvgMapNode {
  id: string;
  fill: string;
  x: number;
  y: number;
  /** Circle radius (null for the other shapes, drawn as paths). */
  r: number | null;
}

/** The nodes of an SVG map (elements with data-node), in drawing order. */
export function svgNodes(svg: string): SvgMapNode[] {
  const p = new SaxesParser();
  const out: SvgMapNode[] = [];
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (a['data-node'] === undefined) return;
    const m = /translate\(([-\d.]+)[ ,]([-\d.]+)\)/.exec(a.transform ?? '');
    out.push({
      id: a['data-node'],
      fill: a.fill,
      x: m ? Number(m[1]) : Number(a.cx),
      y: m ? Number(m[2]) : Number(a.cy),
      r: t.name === 'circle' ? Number(a.r) : null,
    });
  });
  p.write(svg).close();
  return out;
}

/** The largest image in a PDF (the report's map, on the page after the summary), decoded. */
export function pdfMapImage(pdf: Uint8Array): PNG {
  const d = mkdtempSync(join(tmpdir(), 'aktorsatlas-pdfimg-'));
  writeFileSync(join(d, 'r.pdf'), pdf);
  execFileSync('pdfimages', ['-png', join(d, 'r.pdf'), join(d, 'img')]);
  const images = readdirSync(d)
    .filter((f) => f.startsWith('img') && f.endsWith('.png'))
    .map((f) => PNG.sync.read(readFileSync(join(d, f))));
  images.sort((a, b) => b.width * b.height - a.width * a.height);
  if (!images[0]) throw new Error('no image in the PDF');
  return images[0];
}

/** The colour of a pixel as #rrggbb. */
export function pixel(png: PNG, x: number, y: number): string {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `#${hex(png.data[i])}${hex(png.data[i + 1])}${hex(png.data[i + 2])}`;
}

/**
 * Of the nodes (those in `only`, if given) whose centre no later-drawn node covers, the share whose centre pixel in
 * an image of the same map (at `scale` × its CSS size) has the node's fill. A node under another cannot show its
 * colour, and a label drawn over a centre hides it, hence a share.
 */
export function shareWithFill(
  nodes: SvgMapNode[],
  png: PNG,
  scale: number,
  only?: ReadonlySet<string>,
): { checked: number; share: number } {
  let checked = 0;
  let same = 0;
  nodes.forEach((n, i) => {
    if (only && !only.has(n.id)) return;
    const covered = nodes.slice(i + 1).some((m) => Math.hypot(m.x - n.x, m.y - n.y) < (m.r ?? 6) + 1);
    if (covered) return;
    checked++;
    if (pixel(png, n.x * scale, n.y * scale) === n.fill) same++;
  });
  return { checked, share: checked ? same / checked : 0 };
}

/** Pixels whose colour differs between two images of the same size (alpha ignored). */
export function differingPixels(a: PNG, b: PNG): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4)
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) n++;
  return n;
}
