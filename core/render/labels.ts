import { labelBox, mapFrame, type LabelBox } from './svg-frame.js';
import type { SvgMapInput } from './svg.js';

/** The boxes of the map's labels as the SVG writer draws them (pixels). */
export function labelBoxes(input: SvgMapInput): LabelBox[] {
  const frame = mapFrame(input);
  return input.nodes.flatMap((n) => {
    const box = n.label ? labelBox(n.id, n.label, frame) : null;
    return box ? [box] : [];
  });
}

const intersection = (a: LabelBox, b: LabelBox) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

export interface LabelOverlap {
  labels: number;
  /** Pairs of labels whose boxes intersect. */
  pairs: number;
  /** Summed intersection area over the summed label area (0 = no label touches another). */
  ratio: number;
}

/** How much the map's labels overlap one another, measured on the writer's geometry. */
export function labelOverlap(input: SvgMapInput): LabelOverlap {
  const boxes = labelBoxes(input);
  let pairs = 0;
  let overlap = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = intersection(boxes[i], boxes[j]);
      if (a > 0) pairs++;
      overlap += a;
    }
  const area = boxes.reduce((s, b) => s + b.w * b.h, 0);
  return { labels: boxes.length, pairs, ratio: area > 0 ? overlap / area : 0 };
}

/**
 * Culls labels by node size: the largest node keeps its label, and a smaller node's label goes when its box
 * would touch a label already kept. The map model calls it for its size, the PDF writer again for the page's.
 */
export function cullLabels(input: SvgMapInput): SvgMapInput {
  const frame = mapFrame(input);
  const candidates = input.nodes
    .filter((n) => n.label)
    .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept: LabelBox[] = [];
  for (const n of candidates) {
    const box = labelBox(n.id, n.label!, frame);
    if (box && !kept.some((k) => intersection(k, box) > 0)) kept.push(box);
  }
  const keep = new Set(kept.map((b) => b.id));
  return {
    ...input,
    nodes: input.nodes.map((n) => {
      if (!n.label || keep.has(n.id)) return n;
      const { label: _dropped, ...rest } = n;
      return rest;
    }),
  };
}
