/**
 * Visual encodings derived from state: node colour by any categorical attribute, node size by any measure,
 * edge colour by relation role, kind or evidence. The values come from core/render/encode (the exports use the
 * same); this adds the labels of the legend entries in the current language.
 */
import type { PanelResult } from '../../../core/analysis/panel.js';
import { NODE_KINDS, nodeKind } from '../../../core/model/catalogue/node-kinds.js';
import { relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import { edgeColoring, nodeColoring, nodeSizing } from '../../../core/render/encode.js';
import { bi, getLang, t } from '../i18n/i18n.js';
import { nodeName, type NodeIndex } from '../graph/derive.js';
import type { AtlasGraph } from '../graph/load.js';
import type { Visibility } from '../graph/filters.js';
import type { EdgeColorBy } from '../state/types.js';
import { measureOption } from '../analysis/metrics.js';
import { NODE_SIZE, NONE, OTHER_COLOR, evidenceLabel, groupLabel, roleLabel } from '../look/look.js';

export { evidenceLabel, roleLabel } from '../look/look.js';

export interface LegendEntry {
  value: string;
  label: string;
  color: string;
  count: number;
}

export interface ColorScheme {
  colorOf: (node: string) => string;
  valueOf: (node: string) => string;
  entries: LegendEntry[];
}

export interface SizeScheme {
  sizeOf: (node: string) => number;
  label: string;
  min: number | null;
  max: number | null;
  missing: number;
}

export const MIN_SIZE = NODE_SIZE.min;
export const MAX_SIZE = NODE_SIZE.max;
const SKIP_ATTRS = new Set([
  'name',
  'nameEn',
  'version',
  'updatedAt',
  'description',
  'website',
  'orgnr',
  'kommunkod',
  'x',
  'y',
  'fixed',
  'kind',
]);

export interface EncodingContext {
  graph: AtlasGraph;
  index: NodeIndex;
  analysis: PanelResult | null;
  visibility: Visibility;
}

/** Categorical attributes a user can colour by: built-ins plus attributes with 2–30 distinct values. */
export function colorOptions(graph: AtlasGraph, analysis: PanelResult | null): { id: string; label: string }[] {
  const out = [
    { id: 'actorGroup', label: t('encoding.actorGroup') },
    { id: 'kind', label: t('encoding.kind') },
    { id: 'municipality', label: t('encoding.municipality') },
    { id: 'sector', label: t('encoding.sector') },
  ];
  if (analysis) out.push({ id: 'community', label: t('encoding.community') });
  const values = new Map<string, Set<string>>();
  graph.forEachNode((_n, a) => {
    for (const [k, v] of Object.entries(a)) {
      if (SKIP_ATTRS.has(k) || (typeof v !== 'string' && typeof v !== 'boolean')) continue;
      let s = values.get(k);
      if (!s) values.set(k, (s = new Set()));
      if (s.size <= 31) s.add(String(v));
    }
  });
  for (const [k, s] of [...values.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (s.size >= 2 && s.size <= 30 && k !== 'municipality') out.push({ id: `attr:${k}`, label: propLabel(k) });
  }
  return out;
}

/** The label of a catalogue property from whichever kind declares it. */
export function propLabel(prop: string): string {
  for (const k of NODE_KINDS) if (k.propLabels[prop]) return bi(k.propLabels[prop]);
  return prop;
}

function enumLabel(prop: string, value: string): string | null {
  for (const k of NODE_KINDS) {
    const opt = k.enums?.[prop]?.find((o) => o.value === value);
    if (opt) return bi(opt.label);
  }
  return null;
}

function nameOf(graph: AtlasGraph, id: string): string {
  return graph.hasNode(id) ? nodeName(graph.getNodeAttributes(id), getLang()) : id;
}

export function colorScheme(ctx: EncodingContext, colorBy: string): ColorScheme {
  const { graph } = ctx;
  const coloring = nodeColoring(ctx, colorBy);
  let labelOf: (value: string) => string;
  if (colorBy === 'kind') labelOf = (v) => bi(nodeKind(v)?.label) || v;
  else if (colorBy === 'municipality' || colorBy === 'sector') labelOf = (v) => nameOf(graph, v);
  else if (colorBy === 'community') labelOf = (v) => t('community.name', { n: Number(v) + 1 });
  else if (colorBy.startsWith('attr:')) {
    const prop = colorBy.slice(5);
    labelOf = (v) => enumLabel(prop, v) ?? (v === 'true' ? t('value.yes') : v === 'false' ? t('value.no') : v);
  } else labelOf = groupLabel;
  const { assignment, counts } = coloring;
  const entries: LegendEntry[] = assignment.order.map((v) => ({
    value: v,
    label: labelOf(v),
    color: assignment.colorOf(v),
    count: counts.get(v) ?? 0,
  }));
  const otherCount = assignment.others.reduce((k, v) => k + (counts.get(v) ?? 0), 0);
  if (otherCount > 0)
    entries.push({ value: '__other__', label: t('legend.otherValues'), color: OTHER_COLOR, count: otherCount });
  if (counts.has(NONE))
    entries.push({ value: NONE, label: t('value.missing'), color: OTHER_COLOR, count: counts.get(NONE) ?? 0 });
  return { colorOf: coloring.colorOf, valueOf: coloring.valueOf, entries };
}

export function sizeScheme(ctx: EncodingContext, sizeBy: string): SizeScheme {
  const sizing = nodeSizing(ctx, sizeBy);
  const option = measureOption(sizeBy);
  const label = sizeBy === 'none' ? t('encoding.sizeNone') : option ? bi(option.label) : sizeBy;
  const { scale } = sizing;
  return { sizeOf: sizing.sizeOf, label, min: scale?.min ?? null, max: scale?.max ?? null, missing: sizing.missing };
}

export interface EdgeStyleEntry {
  value: string;
  label: string;
  color: string;
  count: number;
}

export function edgeColorScheme(
  graph: AtlasGraph,
  vis: Visibility,
  by: EdgeColorBy,
): { colorOf: (edge: string) => string; entries: EdgeStyleEntry[] } {
  const coloring = edgeColoring(graph, vis, by);
  const labelOf =
    by === 'evidence' ? evidenceLabel : by === 'type' ? (v: string) => bi(relationKind(v)?.label) || v : roleLabel;
  const entries = coloring.order.map((v) => ({
    value: v,
    label: labelOf(v),
    color: coloring.colorOfValue(v),
    count: coloring.counts.get(v) ?? 0,
  }));
  return { colorOf: coloring.colorOf, entries };
}
