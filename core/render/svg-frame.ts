import type { SvgMapInput } from './svg.js';
import { textWidth } from './text-width.js';

/**
 * Where the SVG writer puts things: the page size, the drawing area and every node's pixel position. One
 * function, so that the writer, the label culling and the overlap measure agree on the geometry.
 */
export interface MapFrame {
  W: number;
  H: number;
  pad: number;
  headerH: number;
  footerH: number;
  legendW: number;
  area: { x: number; y: number; w: number; h: number };
  pos: Map<string, { x: number; y: number; r: number }>;
  /** The labels' font size in pixels. */
  labelSize: number;
}

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(x) ? x : lo));

/** The default label font size (CSS pixels), as the screen's. */
export const LABEL_SIZE = 12;

export function mapFrame(input: SvgMapInput): MapFrame {
  const W = clamp(input.width ?? 1600, 200, 20000);
  const H = clamp(input.height ?? 1000, 200, 20000);
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
  const labelSize = clamp(input.labelSize ?? LABEL_SIZE, 6, 48);
  return { W, H, pad, headerH, footerH, legendW, area, pos, labelSize };
}

/** A label's box in pixels, its halo included. */
export interface LabelBox {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Where the text starts and its baseline; `anchor` end when the label sits left of its node. */
  tx: number;
  ty: number;
  anchor: 'start' | 'end';
}

/**
 * The box of a node's label: right of the node, or left of it when it would run past the drawing area (into
 * the legend or off the page).
 */
export function labelBox(id: string, label: string, frame: MapFrame): LabelBox | null {
  const p = frame.pos.get(id);
  if (!p) return null;
  const fs = frame.labelSize;
  const w = textWidth(label, fs);
  // The halo, and a little air so that neighbouring labels read as two.
  const halo = Math.max(1.5, fs * 0.15);
  const gap = p.r + 3;
  const { x: minX, w: areaW } = frame.area;
  const maxX = minX + areaW;
  const right = p.x + gap + w <= maxX || p.x - gap - w < minX;
  // Start and end of the text, kept inside the drawing area when the label is wider than the room on its side.
  const start = right ? Math.max(minX, Math.min(p.x + gap, maxX - w)) : p.x - gap - w;
  const tx = right ? start : start + w;
  const ty = p.y + fs / 3;
  return {
    id,
    x: start - halo,
    y: ty - 0.78 * fs - halo,
    w: w + 2 * halo,
    h: fs + 2 * halo,
    tx,
    ty,
    anchor: right ? 'start' : 'end',
  };
}
