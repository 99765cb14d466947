/**
 * The map model of a view for the SVG, PNG and PDF writers: what the screen draws for the same view. The graph is
 * built as the web builds it (core/graph/build-graph), the view's filters and focus pick and fade the same nodes
 * (core/graph), and colours, shapes, sizes and line styles come from the same encodings (render/encode) and
 * appearance table (core/look). Positions come from the view, or else a deterministic ForceAtlas2 layout.
 */
import type { PanelResult } from '../analysis/panel.js';
import { runPanel } from '../analysis/panel.js';
import { buildGraph, type AtlasGraph } from '../graph/build-graph.js';
import { egoNetwork, type Highlight } from '../graph/ego.js';
import { projectActors } from '../graph/projection.js';
import { toSerializedGraph } from '../graph/serialize.js';
import { buildIndex, computeVisibility, type MetricOf, type Visibility } from '../graph/view-filters.js';
import { EDGE_WIDTH, evidenceLine } from '../look/lines.js';
import { FADED_EDGE_LINE, FADED_NODE, MAP_BACKGROUND, OTHER_COLOR } from '../look/palette.js';
import { shapeOfKind } from '../look/shapes.js';
import { NODE_SIZE } from '../look/size.js';
import { relationKind } from '../model/catalogue/relation-kinds.js';
import type { Lang } from '../model/labels.js';
import type { Snapshot } from '../model/records.js';
import {
  edgeColoring,
  nodeColoring,
  nodeSizing,
  type EdgeColoring,
  type EncodingInput,
  type NodeColoring,
  type NodeSizing,
} from './encode.js';
import { cullLabels } from './labels.js';
import { defaultLayout } from './layout.js';
import { legendOf } from './map-legend.js';
import { lt, sourceLine } from './legend-text.js';
import type { SvgEdge, SvgMapInput, SvgNode } from './svg.js';
import { defaultMapView, type ExportView, type MapViewState } from './view.js';

export { defaultLayout } from './layout.js';

export interface MapModelOptions {
  lang?: Lang;
  view?: ExportView;
  /** The analysis the view's measures come from; run here (as the web's worker runs it) when needed and absent. */
  analysis?: PanelResult | null;
  title?: string;
  subtitle?: string;
  /** ISO date shown in the footer (default today). */
  date?: string;
  /** Source line; default names Aktörsatlas and the data's sources. */
  source?: string;
  width?: number;
  height?: number;
  /** Label candidates: the largest nodes (default up to 30; in a focus, the focused nodes), then culled. */
  maxLabels?: number;
}

/** What the model drew, for the legend. */
export interface DrawnView {
  graph: AtlasGraph;
  state: MapViewState;
  input: EncodingInput;
  coloring: NodeColoring;
  sizing: NodeSizing;
  edges: EdgeColoring;
  highlight: Highlight | null;
  lang: Lang;
}

const needsAnalysis = (s: MapViewState) =>
  !['none', 'degree'].includes(s.sizeBy) ||
  s.colorBy === 'community' ||
  (s.filters.range !== null && s.filters.range.metric !== 'degree');

/** A node's value of a registry output (nested ids walk objects), as the web's range filter reads it. */
function analysisValue(analysis: PanelResult | null): MetricOf {
  return (metric, node) => {
    let v: unknown = analysis?.nodes[node];
    for (const part of metric.split('.'))
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
}

/** The analysis of the web's worker (analysis.worker.ts): actor projection, seed 1, ten Louvain restarts. */
export function viewAnalysis(snapshot: Snapshot, asOf: string | null): PanelResult {
  const { graph } = projectActors(snapshot, asOf ? { asOf } : {});
  return runPanel(graph, { weight: null, partition: null, seed: 1, resolution: 1, restarts: 10 });
}

function visibleNodes(graph: AtlasGraph, vis: Visibility): string[] {
  return graph.filterNodes((n) => !vis.hiddenNodes.has(n));
}

export function mapModel(snapshot: Snapshot, options: MapModelOptions = {}): SvgMapInput {
  const lang = options.lang ?? 'sv';
  const view = options.view ?? {};
  const state = view.state ?? defaultMapView();
  const { graph } = buildGraph(toSerializedGraph(snapshot));
  const index = buildIndex(graph);
  const analysis = options.analysis ?? (needsAnalysis(state) ? viewAnalysis(snapshot, state.filters.asOf) : null);
  const visibility = computeVisibility(graph, index, state.filters, analysisValue(analysis));
  const input: EncodingInput = { graph, index, visibility, analysis };
  const highlight =
    state.focus && graph.hasNode(state.focus) ? egoNetwork(graph, state.focus, state.depth, visibility) : null;
  const drawn: DrawnView = {
    graph,
    state,
    input,
    coloring: nodeColoring(input, state.colorBy),
    sizing: nodeSizing(input, state.sizeBy),
    edges: edgeColoring(graph, visibility, state.edgeColorBy),
    highlight,
    lang,
  };
  const nodes = mapNodes(snapshot, drawn, view, options.maxLabels ?? 30);
  const edges = mapEdges(drawn, view);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const nSources = new Set(snapshot.relations.flatMap((r) => r.sources.map((s) => s.url))).size;
  // Labels by node size, culled where they would overlap at this size (the PDF culls again for the page).
  return cullLabels({
    title: options.title ?? lt('title', lang),
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    date,
    source:
      options.source ??
      sourceLine({ nodes: nodes.length, relations: edges.length, sources: nSources, asOf: snapshot.asOf }, lang),
    nodes,
    edges,
    legend: legendOf(drawn),
    background: MAP_BACKGROUND,
    ...(options.width ? { width: options.width } : {}),
    ...(options.height ? { height: options.height } : {}),
  });
}

function mapNodes(snapshot: Snapshot, d: DrawnView, view: ExportView, maxLabels: number): SvgNode[] {
  const { graph, state, input, highlight, lang, coloring, sizing } = d;
  const ids = visibleNodes(graph, input.visibility);
  const needLayout = ids.some((id) => !view.positions?.[id]);
  const layout = needLayout ? defaultLayout(snapshot) : {};
  const sizeOf = (id: string) =>
    view.nodeSizes?.[id] ?? sizing.sizeOf(id) + (id === state.focus ? NODE_SIZE.focusBoost : 0);
  // Labels: in a focus the focused nodes (as the screen shows them), else the largest nodes.
  const bySize = [...ids].sort((a, b) => sizeOf(b) - sizeOf(a) || (a < b ? -1 : 1));
  const labelled = new Set(highlight ? bySize.filter((id) => highlight.nodes.has(id)) : bySize.slice(0, maxLabels));
  return ids.map((id) => {
    const a = graph.getNodeAttributes(id);
    const p = view.positions?.[id] ?? layout[id] ?? { x: 0, y: 0 };
    const name = lang === 'en' && typeof a.nameEn === 'string' && a.nameEn ? a.nameEn : String(a.name ?? id);
    const faded = highlight !== null && !highlight.nodes.has(id);
    return {
      id,
      x: p.x,
      y: p.y,
      size: sizeOf(id),
      color: faded ? FADED_NODE : (view.nodeColors?.[id] ?? coloring.colorOf(id)),
      shape: shapeOfKind(a.kind),
      ...(labelled.has(id) ? { label: name } : {}),
    };
  });
}

function mapEdges(d: DrawnView, view: ExportView): SvgEdge[] {
  const { graph, input, highlight, edges: coloring } = d;
  const out: SvgEdge[] = [];
  graph.forEachEdge((e, a, source, target) => {
    if (input.visibility.hiddenEdges.has(e)) return;
    const line = evidenceLine(a.evidence);
    const inHl = highlight?.edges.has(e) ?? false;
    const faded = highlight !== null && !inHl;
    out.push({
      source,
      target,
      color: faded ? FADED_EDGE_LINE.color : (view.edgeColors?.[e] ?? coloring.colorOf(e) ?? OTHER_COLOR),
      size: view.edgeSizes?.[e] ?? (faded ? EDGE_WIDTH.faded : inHl ? EDGE_WIDTH.highlighted : EDGE_WIDTH.normal),
      dash: faded ? null : line.dash,
      opacity: faded ? FADED_EDGE_LINE.alpha : inHl ? 0.95 : line.alpha,
      directed: relationKind(String(a.type))?.directed !== false,
    });
  });
  return out;
}
