/**
 * Visual encodings derived from state: node colour by any categorical attribute, node size by any measure,
 * edge colour by relation role, kind or evidence. Each scheme also yields its legend entries.
 */
import type { PanelResult } from '../../../core/analysis/panel.js';
import { NODE_KINDS, nodeKind } from '../../../core/model/catalogue/node-kinds.js';
import { RELATION_KINDS, relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import { bi, getLang, t, tk } from '../i18n/i18n.js';
import { ACTOR_GROUPS, actorGroup, facetValues, nodeName, type NodeIndex } from '../graph/derive.js';
import type { AtlasGraph } from '../graph/load.js';
import type { Visibility } from '../graph/filters.js';
import { NONE, type EdgeColorBy } from '../state/types.js';
import { measureOption, metricValue } from '../analysis/metrics.js';
import { CATEGORICAL, EVIDENCE_COLORS, GROUP_COLORS, OTHER_COLOR, ROLE_COLORS } from './palette.js';
import type { ColorScheme, EdgeStyleEntry, LegendEntry, SizeScheme } from '../context/schemes.js';

// The scheme shapes live with the derived state they fill (context/schemes.ts); re-exported for the map's users.
export type { ColorScheme, EdgeStyleEntry, LegendEntry, SizeScheme };

export const MIN_SIZE = 3.5;
export const MAX_SIZE = 16;
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
  const { graph, index, analysis, visibility } = ctx;
  let valueOf: (node: string) => string;
  let labelOf: (value: string) => string;
  let fixed: Record<string, string> | null = null;
  if (colorBy === 'kind') {
    valueOf = (n) => String(graph.getNodeAttribute(n, 'kind') ?? NONE);
    labelOf = (v) => bi(nodeKind(v)?.label) || v;
  } else if (colorBy === 'municipality') {
    valueOf = (n) => facetValues(index.municipalities, n)[0];
    labelOf = (v) => nameOf(graph, v);
  } else if (colorBy === 'sector') {
    valueOf = (n) => facetValues(index.sectors, n)[0];
    labelOf = (v) => nameOf(graph, v);
  } else if (colorBy === 'community') {
    valueOf = (n) => (analysis?.nodes[n] ? String(analysis.nodes[n].community) : NONE);
    labelOf = (v) => t('community.name', { n: Number(v) + 1 });
  } else if (colorBy.startsWith('attr:')) {
    const prop = colorBy.slice(5);
    valueOf = (n) => {
      const v = graph.getNodeAttribute(n, prop);
      return v === undefined || v === null || v === '' ? NONE : String(v);
    };
    labelOf = (v) => enumLabel(prop, v) ?? (v === 'true' ? t('value.yes') : v === 'false' ? t('value.no') : v);
  } else {
    valueOf = (n) => actorGroup(graph.getNodeAttributes(n));
    const keys = new Map(ACTOR_GROUPS.map((g) => [g.id, g.key]));
    labelOf = (v) => t(keys.get(v) ?? tk('group.other'));
    fixed = GROUP_COLORS;
  }
  const counts = new Map<string, number>();
  graph.forEachNode((n) => {
    if (visibility.hiddenNodes.has(n)) return;
    const v = valueOf(n);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  const order = fixed
    ? ACTOR_GROUPS.map((g) => g.id).filter((id) => counts.has(id))
    : [...counts.keys()]
        .filter((v) => v !== NONE)
        .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
  const colors = new Map<string, string>();
  order.forEach((v, i) =>
    colors.set(v, fixed ? (fixed[v] ?? OTHER_COLOR) : i < CATEGORICAL.length ? CATEGORICAL[i] : OTHER_COLOR),
  );
  const entries: LegendEntry[] = [];
  let otherCount = 0;
  for (const v of order) {
    if (!fixed && colors.get(v) === OTHER_COLOR) otherCount += counts.get(v) ?? 0;
    else entries.push({ value: v, label: labelOf(v), color: colors.get(v) ?? OTHER_COLOR, count: counts.get(v) ?? 0 });
  }
  if (otherCount > 0)
    entries.push({ value: '__other__', label: t('legend.otherValues'), color: OTHER_COLOR, count: otherCount });
  if (counts.has(NONE))
    entries.push({ value: NONE, label: t('value.missing'), color: OTHER_COLOR, count: counts.get(NONE) ?? 0 });
  return { colorOf: (n) => colors.get(valueOf(n)) ?? OTHER_COLOR, valueOf, entries };
}

export function sizeScheme(ctx: EncodingContext, sizeBy: string): SizeScheme {
  const { graph, analysis, visibility } = ctx;
  if (sizeBy === 'none') return { sizeOf: () => 6, label: t('encoding.sizeNone'), min: null, max: null, missing: 0 };
  const option = measureOption(sizeBy);
  const fromGraph = sizeBy === 'degree' && !analysis;
  const value = (n: string): number | null => (fromGraph ? graph.degree(n) : metricValue(analysis, n, sizeBy));
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  graph.forEachNode((n) => {
    if (visibility.hiddenNodes.has(n)) return;
    const v = value(n);
    if (v === null) missing++;
    else {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  });
  const has = Number.isFinite(min);
  const span = has ? max - min : 0;
  const sizeOf = (n: string) => {
    const v = value(n);
    if (v === null || !has) return MIN_SIZE;
    const f = span > 0 ? Math.sqrt((v - min) / span) : 0.5;
    return MIN_SIZE + f * (MAX_SIZE - MIN_SIZE);
  };
  return { sizeOf, label: option ? bi(option.label) : sizeBy, min: has ? min : null, max: has ? max : null, missing };
}

export function edgeColorScheme(
  graph: AtlasGraph,
  vis: Visibility,
  by: EdgeColorBy,
): { colorOf: (edge: string) => string; entries: EdgeStyleEntry[] } {
  const valueOf = (e: string): string => {
    const type = String(graph.getEdgeAttribute(e, 'type') ?? '');
    if (by === 'evidence') return String(graph.getEdgeAttribute(e, 'evidence') ?? NONE);
    if (by === 'type') return type;
    return relationKind(type)?.role ?? 'structure';
  };
  const counts = new Map<string, number>();
  graph.forEachEdge((e) => {
    if (vis.hiddenEdges.has(e)) return;
    const v = valueOf(e);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  const colors = new Map<string, string>();
  let labelOf: (v: string) => string;
  if (by === 'evidence') {
    for (const [k, c] of Object.entries(EVIDENCE_COLORS)) colors.set(k, c);
    labelOf = (v) => evidenceLabel(v);
  } else if (by === 'type') {
    const types = RELATION_KINDS.map((k) => k.id).filter((id) => counts.has(id));
    types.forEach((id, i) => colors.set(id, i < CATEGORICAL.length ? CATEGORICAL[i] : OTHER_COLOR));
    labelOf = (v) => bi(relationKind(v)?.label) || v;
  } else {
    for (const [k, c] of Object.entries(ROLE_COLORS)) colors.set(k, c);
    labelOf = (v) => roleLabel(v);
  }
  const order = by === 'type' ? [...colors.keys()] : [...colors.keys()].filter((k) => counts.has(k));
  const entries = order.map((v) => ({
    value: v,
    label: labelOf(v),
    color: colors.get(v) ?? OTHER_COLOR,
    count: counts.get(v) ?? 0,
  }));
  return { colorOf: (e) => colors.get(valueOf(e)) ?? OTHER_COLOR, entries };
}

const ROLE_KEYS: Record<string, string> = {
  tie: tk('role.tie'),
  membership: tk('role.membership'),
  supply: tk('role.supply'),
  demand: tk('role.demand'),
  funding: tk('role.funding'),
  structure: tk('role.structure'),
  plan: tk('role.plan'),
};

export const roleLabel = (role: string): string => (ROLE_KEYS[role] ? t(ROLE_KEYS[role]) : role);

const EVIDENCE_KEYS: Record<string, string> = {
  confirmed: tk('evidence.confirmed'),
  probable: tk('evidence.probable'),
  uncertain: tk('evidence.uncertain'),
};

export const evidenceLabel = (ev: string): string => (EVIDENCE_KEYS[ev] ? t(EVIDENCE_KEYS[ev]) : t('value.missing'));
