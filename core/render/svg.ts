import { shapePath, type NodeShape } from '../look/shapes.js';
import { xmlAttr, xmlText } from '../text/xml-escape.js';
import { safeColor } from './color.js';

/**
 * The map as SVG: pure (a string from a model), so the same writer serves the browser, the server and the CLI.
 * Every text is escaped and every colour is parsed (anything that is not a colour becomes the fallback), so
 * names, titles and sources from the data cannot break out of the document.
 */
export interface SvgNode {
  id: string;
  /** Position in graph space (any scale; the writer fits it to the drawing area). */
  x: number;
  y: number;
  /** Radius in pixels. */
  size: number;
  color: string;
  /** Default circle (the appearance table gives one per node kind). */
  shape?: NodeShape;
  label?: string;
  borderColor?: string;
}

export interface SvgEdge {
  source: string;
  target: string;
  color?: string;
  /** Stroke width in pixels. */
  size?: number;
  dashed?: boolean | 'dotted';
  /** Dash and gap in pixels at a 1.3 px line (the screen's pattern, core/look); wins over `dashed`. */
  dash?: readonly [number, number] | null;
  /** Stroke opacity (default 0.75). */
  opacity?: number;
  directed?: boolean;
}

export interface LegendItem {
  label: string;
  color: string;
  shape?: NodeShape | 'line';
  dashed?: boolean | 'dotted';
  dash?: readonly [number, number] | null;
  opacity?: number;
  /** Circle radius or line width in pixels. */
  size?: number;
}

export interface LegendSection {
  title?: string;
  items: LegendItem[];
}

export interface SvgMapInput {
  title: string;
  subtitle?: string;
  /** Shown in the footer as is (e.g. "2026-11-27"). */
  date: string;
  /** The source line, e.g. "Källa: Aktörsatlas, Region Jönköpings län". */
  source: string;
  nodes: SvgNode[];
  edges: SvgEdge[];
  legend: LegendSection[];
  width?: number;
  height?: number;
  background?: string;
  /** Graph y grows upwards (sigma's convention); default true. */
  yUp?: boolean;
  fontFamily?: string;
  /** Accessible description (defaults to the title). */
  description?: string;
}

const f = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '0');
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(x) ? x : lo));

/** The dash attributes of a line: an explicit pattern (scaled with the width), else the older flags. */
function dashOf(item: { dash?: readonly [number, number] | null; dashed?: boolean | 'dotted' }, width: number): string {
  if (item.dash === null) return '';
  if (item.dash) {
    const k = Math.max(1, width / 1.3);
    return ` stroke-dasharray="${f(item.dash[0] * k)} ${f(item.dash[1] * k)}"`;
  }
  return dash(item.dashed, width);
}

const dash = (d: boolean | 'dotted' | undefined, width: number) =>
  d === 'dotted'
    ? ` stroke-dasharray="${f(Math.max(1, width))} ${f(Math.max(3, width * 2.5))}" stroke-linecap="round"`
    : d
      ? ` stroke-dasharray="${f(width * 4 + 2)} ${f(width * 3 + 1)}"`
      : '';

/** Wraps a text to lines of at most `max` characters (by words). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

type Placed = Map<string, { x: number; y: number; r: number }>;

/** The edges, under the nodes; directed ones end at the target's rim with an arrow of their colour. */
function edgesSvg(edges: SvgEdge[], pos: Placed, markerIds: Map<string, string>): string[] {
  const out: string[] = [];
  out.push('<g class="edges" fill="none">');
  for (const e of edges) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (!a || !b) continue;
    const w = clamp(e.size ?? 1, 0.2, 20);
    const color = safeColor(e.color, '#999999');
    let x2 = b.x;
    let y2 = b.y;
    if (e.directed) {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.hypot(dx, dy);
      if (len > b.r + 1) {
        x2 = b.x - (dx / len) * (b.r + 1);
        y2 = b.y - (dy / len) * (b.r + 1);
      }
    }
    out.push(
      `<line x1="${f(a.x)}" y1="${f(a.y)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${color}" stroke-width="${f(w)}" stroke-opacity="${f(clamp(e.opacity ?? 0.75, 0, 1))}"${dashOf(e, w)}${
        e.directed ? ` marker-end="url(#${markerIds.get(color)})"` : ''
      }/>`,
    );
  }
  out.push('</g>');

  return out;
}

/** The nodes in their shapes (each carries its id in data-node), then their labels on top. */
function nodesSvg(nodes: SvgNode[], pos: Placed): string[] {
  const out: string[] = [];
  out.push('<g class="nodes">');
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const paint = `fill="${safeColor(n.color, '#777777')}" stroke="${safeColor(n.borderColor, '#ffffff')}" stroke-width="1"`;
    const title = `<title>${xmlText(n.label ?? n.id)}</title>`;
    const path = shapePath(n.shape ?? 'circle', p.r);
    const node = `data-node="${xmlAttr(n.id)}"`;
    out.push(
      path
        ? `<path ${node} transform="translate(${f(p.x)} ${f(p.y)})" d="${path}" ${paint}>${title}</path>`
        : `<circle ${node} cx="${f(p.x)}" cy="${f(p.y)}" r="${f(p.r)}" ${paint}>${title}</circle>`,
    );
  }
  out.push('</g>');

  out.push(
    '<g class="labels" font-size="12" fill="#222222" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">',
  );
  for (const n of nodes) {
    if (!n.label) continue;
    const p = pos.get(n.id)!;
    out.push(`<text x="${f(p.x + p.r + 3)}" y="${f(p.y + 4)}">${xmlText(n.label)}</text>`);
  }
  out.push('</g>');

  return out;
}

/** The legend panel: sections of symbols (shape, colour or line style) with wrapped labels. */
function legendSvg(legend: LegendSection[], box: { x: number; y: number; w: number; bottom: number }): string[] {
  const out: string[] = [];
  const lx = box.x;
  let y = box.y;
  out.push(`<g class="legend" font-size="13" fill="#222222">`);
  const items = legend.reduce((k, sct) => k + sct.items.length + (sct.title ? 1.4 : 0) + 0.6, 0);
  out.push(
    `<rect x="${f(lx)}" y="${f(y)}" width="${f(box.w)}" height="${f(Math.min(box.bottom - y, items * 22 + 16))}" fill="#ffffff" fill-opacity="0.92" stroke="#dddddd" rx="6"/>`,
  );
  y += 24;
  const maxChars = Math.floor((box.w - 50) / 7);
  for (const section of legend) {
    if (section.title) {
      out.push(`<text x="${f(lx + 12)}" y="${f(y)}" font-weight="bold">${xmlText(section.title)}</text>`);
      y += 24;
    }
    for (const item of section.items) {
      const color = safeColor(item.color, '#777777');
      if (item.shape === 'line') {
        const w = clamp(item.size ?? 2, 0.5, 8);
        out.push(
          `<line x1="${f(lx + 12)}" y1="${f(y - 4)}" x2="${f(lx + 36)}" y2="${f(y - 4)}" stroke="${color}" stroke-width="${f(w)}" stroke-opacity="${f(clamp(item.opacity ?? 1, 0, 1))}"${dashOf(item, w)}/>`,
        );
      } else {
        const r = clamp(item.size ?? 6, 2, 12);
        const path = shapePath(item.shape ?? 'circle', r);
        out.push(
          path
            ? `<path transform="translate(${f(lx + 22)} ${f(y - 4)})" d="${path}" fill="${color}"/>`
            : `<circle cx="${f(lx + 22)}" cy="${f(y - 4)}" r="${f(r)}" fill="${color}"/>`,
        );
      }
      const lines = wrap(item.label, maxChars);
      out.push(
        `<text x="${f(lx + 44)}" y="${f(y)}">${lines.map((l, i) => (i === 0 ? xmlText(l) : `<tspan x="${f(lx + 44)}" dy="15">${xmlText(l)}</tspan>`)).join('')}</text>`,
      );
      y += 22 + (lines.length - 1) * 15;
    }
    y += 10;
  }
  out.push('</g>');
  return out;
}

export function renderSvg(input: SvgMapInput): string {
  const W = clamp(input.width ?? 1600, 200, 20000);
  const H = clamp(input.height ?? 1000, 200, 20000);
  const font = xmlAttr(input.fontFamily ?? 'DejaVu Sans, Helvetica, Arial, sans-serif');
  const legendW = input.legend.some((s) => s.items.length > 0) ? Math.min(300, W * 0.25) : 0;
  const headerH = input.subtitle ? 78 : 56;
  const footerH = 40;
  const pad = 24;
  const area = { x: pad, y: headerH + pad / 2, w: W - legendW - pad * 2, h: H - headerH - footerH - pad };

  // Fit graph space to the drawing area, keeping the aspect ratio and leaving room for the largest node.
  const maxR = Math.max(4, ...input.nodes.map((n) => clamp(n.size, 0.5, 80)));
  const xs = input.nodes.map((n) => n.x).filter(Number.isFinite);
  const ys = input.nodes.map((n) => n.y).filter(Number.isFinite);
  const [minX, maxX, minY, maxY] = xs.length
    ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
    : [0, 0, 0, 0];
  const inner = { w: Math.max(1, area.w - 2 * maxR), h: Math.max(1, area.h - 2 * maxR) };
  const scale = Math.min(
    maxX > minX ? inner.w / (maxX - minX) : Infinity,
    maxY > minY ? inner.h / (maxY - minY) : Infinity,
  );
  const s = Number.isFinite(scale) ? scale : 1;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const yUp = input.yUp !== false;
  const px = (x: number) => area.x + area.w / 2 + (x - cx) * s;
  const py = (y: number) => area.y + area.h / 2 + (yUp ? -(y - cy) : y - cy) * s;
  const pos = new Map(input.nodes.map((n) => [n.id, { x: px(n.x), y: py(n.y), r: clamp(n.size, 0.5, 80) }]));

  // One arrow marker per edge colour.
  const markerIds = new Map<string, string>();
  for (const e of input.edges) {
    if (!e.directed) continue;
    const c = safeColor(e.color, '#999999');
    if (!markerIds.has(c)) markerIds.set(c, `arrow${markerIds.size}`);
  }

  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${f(W)}" height="${f(H)}" viewBox="0 0 ${f(W)} ${f(H)}" role="img" aria-labelledby="map-title map-desc" font-family="${font}">`,
  );
  out.push(`<title id="map-title">${xmlText(input.title)}</title>`);
  out.push(
    `<desc id="map-desc">${xmlText(input.description ?? `${input.title}. ${input.source}. ${input.date}`)}</desc>`,
  );
  if (markerIds.size > 0) {
    out.push('<defs>');
    for (const [color, id] of markerIds) {
      out.push(
        `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`,
      );
    }
    out.push('</defs>');
  }
  out.push(`<rect x="0" y="0" width="${f(W)}" height="${f(H)}" fill="${safeColor(input.background, '#ffffff')}"/>`);

  // Title block.
  out.push(
    `<g class="title"><text x="${pad}" y="36" font-size="24" font-weight="bold" fill="#1a1a1a">${xmlText(input.title)}</text>`,
  );
  if (input.subtitle)
    out.push(`<text x="${pad}" y="62" font-size="15" fill="#444444">${xmlText(input.subtitle)}</text>`);
  out.push('</g>');

  out.push(...edgesSvg(input.edges, pos, markerIds));

  out.push(...nodesSvg(input.nodes, pos));

  if (legendW > 0)
    out.push(
      ...legendSvg(input.legend, { x: W - legendW - pad / 2, y: headerH + pad / 2, w: legendW, bottom: H - footerH }),
    );

  // Footer: date left, source right.
  out.push(`<g class="footer" font-size="12" fill="#555555">`);
  out.push(
    `<line x1="${pad}" y1="${f(H - footerH + 6)}" x2="${f(W - pad)}" y2="${f(H - footerH + 6)}" stroke="#dddddd"/>`,
  );
  out.push(`<text x="${pad}" y="${f(H - 14)}">${xmlText(input.date)}</text>`);
  out.push(`<text x="${f(W - pad)}" y="${f(H - 14)}" text-anchor="end">${xmlText(input.source)}</text>`);
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
