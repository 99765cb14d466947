/**
 * The node measures a user can size by or sort on, generated from the metric registry (core/analysis).
 */
import { METRICS, type MetricDescriptor } from '../../../core/analysis/registry.js';
import type { PanelResult } from '../../../core/analysis/panel.js';
import type { Bilingual } from '../../../core/model/labels.js';

export interface MeasureOption {
  /** Output id in the panel result (may be nested, e.g. "brokerage.liaison"). */
  id: string;
  label: Bilingual;
  metric: MetricDescriptor;
}

let cache: MeasureOption[] | null = null;

/** Every numeric node output of the registry. */
export function measureOptions(): MeasureOption[] {
  if (cache) return cache;
  cache = [];
  for (const m of METRICS) {
    if (m.scope !== 'node') continue;
    for (const o of m.outputs)
      if (o.type === 'number' || o.type === 'integer') cache.push({ id: o.id, label: o.label, metric: m });
  }
  return cache;
}

export function measureOption(id: string): MeasureOption | undefined {
  return measureOptions().find((m) => m.id === id);
}

/** A node's value of an output (nested ids walk objects), or null. */
export function metricValue(result: PanelResult | null, node: string, id: string): number | null {
  const nm = result?.nodes[node];
  if (!nm) return null;
  let v: unknown = nm;
  for (const part of id.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Rank (1 = highest) of every node by an output; nodes without a value get no rank. */
export function ranks(result: PanelResult | null, id: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!result) return out;
  const vals: [string, number][] = [];
  for (const node of Object.keys(result.nodes)) {
    const v = metricValue(result, node, id);
    if (v !== null) vals.push([node, v]);
  }
  vals.sort((a, b) => b[1] - a[1]);
  let rank = 0;
  let prev: number | null = null;
  vals.forEach(([node, v], i) => {
    if (v !== prev) rank = i + 1;
    prev = v;
    out.set(node, rank);
  });
  return out;
}
