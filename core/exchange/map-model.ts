import { MultiDirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { NODE_KINDS } from '../model/catalogue/node-kinds.js';
import { relationKind } from '../model/catalogue/relation-kinds.js';
import type { Lang } from '../model/labels.js';
import type { Snapshot } from '../model/records.js';
import { EVIDENCE_LABELS } from './tables.js';
import type { LegendSection, SvgEdge, SvgMapInput, SvgNode } from './svg.js';
import type { ExportView } from './view.js';

/**
 * The map model of a snapshot for the SVG (and later PNG/PDF) writers: positions from the view (or, without
 * them, a deterministic ForceAtlas2 layout from a circle), colours from the view (or by kind), sizes from the view
 * (or by degree), edge styles by evidence, and a legend that lists exactly what is drawn.
 */
export const KIND_COLORS: Record<string, string> = {
  Organisation: '#2166ac',
  Network: '#d73027',
  Municipality: '#a6761d',
  Sector: '#878787',
  Occupation: '#9970ab',
  Skill: '#33a02c',
  EducationProgramme: '#35978f',
  Action: '#e7298a',
};
export const EVIDENCE_STYLE: Record<string, boolean | 'dotted'> = {
  confirmed: false,
  probable: true,
  uncertain: 'dotted',
};
const EDGE_COLOR = '#8a8a84';

// The package is CommonJS: under Node's ESM the default import is `module.exports` (named imports fail there),
// under a bundler it may be wrapped in `default`. The typings describe neither, hence the cast.
const forceAtlas2 = ((forceAtlas2Module as unknown as { default?: unknown }).default ??
  forceAtlas2Module) as unknown as {
  assign(
    graph: MultiDirectedGraph,
    params: { iterations: number; settings: Record<string, unknown>; getEdgeWeight: string },
  ): void;
  inferSettings(graph: MultiDirectedGraph): Record<string, unknown>;
};

export interface MapModelOptions {
  lang?: Lang;
  view?: ExportView;
  title?: string;
  subtitle?: string;
  /** ISO date shown in the footer (default today). */
  date?: string;
  /** Source line; default names Aktörsatlas and the data's sources. */
  source?: string;
  width?: number;
  height?: number;
  /** Label the largest nodes (default: up to 30). */
  maxLabels?: number;
  /** Legend labels of colours the view used (colour -> label), when colours come from the view. */
  colorLegend?: Array<{ label: string; color: string }>;
  colorLegendTitle?: string;
}

/** A deterministic layout: nodes on a circle in id order, then ForceAtlas2 for a fixed number of iterations. */
export function defaultLayout(snapshot: Snapshot, iterations = 300): Record<string, { x: number; y: number }> {
  const g = new MultiDirectedGraph();
  const ids = [...snapshot.nodes.map((n) => n.id)].sort();
  ids.forEach((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, ids.length);
    g.addNode(id, { x: 100 * Math.cos(a), y: 100 * Math.sin(a) });
  });
  for (const r of snapshot.relations)
    if (g.hasNode(r.from) && g.hasNode(r.to) && r.from !== r.to) g.addEdge(r.from, r.to, { weight: r.weight });
  if (g.order > 1 && g.size > 0) {
    const settings = {
      ...forceAtlas2.inferSettings(g),
      strongGravityMode: true,
      gravity: 0.5,
      scalingRatio: 20,
      barnesHutOptimize: g.order > 800,
    };
    forceAtlas2.assign(g, { iterations, settings, getEdgeWeight: 'weight' });
  }
  const out: Record<string, { x: number; y: number }> = {};
  g.forEachNode((id, a) => {
    out[id] = { x: a.x as number, y: a.y as number };
  });
  return out;
}

export function mapModel(snapshot: Snapshot, options: MapModelOptions = {}): SvgMapInput {
  const lang = options.lang ?? 'sv';
  const view = options.view ?? {};
  const ids = new Set(snapshot.nodes.map((n) => n.id));
  const needLayout = snapshot.nodes.some((n) => !view.positions?.[n.id]);
  const layout = needLayout ? defaultLayout(snapshot) : {};
  const degree = new Map<string, number>();
  for (const r of snapshot.relations) {
    if (!ids.has(r.from) || !ids.has(r.to)) continue;
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  const maxDeg = Math.max(1, ...degree.values());
  const sizeOf = (id: string) => view.nodeSizes?.[id] ?? 4 + 14 * Math.sqrt((degree.get(id) ?? 0) / maxDeg);
  const byLabel = [...snapshot.nodes].sort((a, b) => sizeOf(b.id) - sizeOf(a.id) || (a.id < b.id ? -1 : 1));
  const labelled = new Set(byLabel.slice(0, options.maxLabels ?? 30).map((n) => n.id));
  const nodes: SvgNode[] = snapshot.nodes.map((n) => {
    const p = view.positions?.[n.id] ?? layout[n.id] ?? { x: 0, y: 0 };
    const name = lang === 'en' && n.nameEn ? n.nameEn : n.name;
    return {
      id: n.id,
      x: p.x,
      y: p.y,
      size: sizeOf(n.id),
      color: view.nodeColors?.[n.id] ?? KIND_COLORS[n.kind] ?? '#666666',
      ...(labelled.has(n.id) ? { label: name } : {}),
    };
  });
  const edges: SvgEdge[] = snapshot.relations
    .filter((r) => ids.has(r.from) && ids.has(r.to))
    .map((r) => ({
      source: r.from,
      target: r.to,
      color: view.edgeColors?.[r.id] ?? EDGE_COLOR,
      size: view.edgeSizes?.[r.id] ?? Math.min(4, 0.6 + 0.4 * r.weight),
      dashed: EVIDENCE_STYLE[r.evidence] ?? false,
      directed: relationKind(r.type)?.directed !== false,
    }));

  const legend: LegendSection[] = [];
  if (options.colorLegend && options.colorLegend.length > 0) {
    legend.push({
      title: options.colorLegendTitle ?? (lang === 'sv' ? 'Färg' : 'Colour'),
      items: options.colorLegend.map((c) => ({ label: c.label, color: c.color })),
    });
  } else if (!view.nodeColors) {
    const kinds = NODE_KINDS.filter((k) => snapshot.nodes.some((n) => n.kind === k.id));
    legend.push({
      title: lang === 'sv' ? 'Nodtyp' : 'Kind',
      items: kinds.map((k) => ({ label: k.plural[lang], color: KIND_COLORS[k.id] ?? '#666666' })),
    });
  }
  const evidence = (['confirmed', 'probable', 'uncertain'] as const).filter((e) =>
    snapshot.relations.some((r) => r.evidence === e),
  );
  if (evidence.length > 0) {
    legend.push({
      title: lang === 'sv' ? 'Belägg för relationen' : 'Evidence of the relation',
      items: evidence.map((e) => ({
        label: EVIDENCE_LABELS[e][lang],
        color: EDGE_COLOR,
        shape: 'line' as const,
        dashed: EVIDENCE_STYLE[e],
        size: 2,
      })),
    });
  }
  legend.push({
    title: lang === 'sv' ? 'Storlek' : 'Size',
    items: [
      {
        label: view.nodeSizes
          ? lang === 'sv'
            ? 'enligt vyn'
            : 'as in the view'
          : lang === 'sv'
            ? 'antal relationer (grad)'
            : 'number of relations (degree)',
        color: '#bbbbbb',
        size: 8,
      },
    ],
  });
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const nSources = new Set(snapshot.relations.flatMap((r) => r.sources.map((s) => s.url))).size;
  const source =
    options.source ??
    (lang === 'sv'
      ? `Källa: Aktörsatlas (${snapshot.nodes.length} noder, ${edges.length} relationer, ${nSources} källor)${snapshot.asOf ? `, per ${snapshot.asOf}` : ''}`
      : `Source: Aktörsatlas (${snapshot.nodes.length} nodes, ${edges.length} relations, ${nSources} sources)${snapshot.asOf ? `, as of ${snapshot.asOf}` : ''}`);
  return {
    title: options.title ?? (lang === 'sv' ? 'Aktörer i kompetensförsörjningen' : 'Actors in skills supply'),
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    date,
    source,
    nodes,
    edges,
    legend,
    ...(options.width ? { width: options.width } : {}),
    ...(options.height ? { height: options.height } : {}),
  };
}
