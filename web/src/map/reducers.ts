/**
 * Sigma reducers: what each node and edge looks like, derived from the context (filters, highlight,
 * encodings, hover). They never change the graph: highlighting and filtering are display-only.
 * They return only what they set: sigma merges that over its own display data, and copying every key of it here
 * too doubled the merge's cost (about 0.3 s of a 10k map's first render).
 */
import type { Attributes } from 'graphology-types';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { AppContext } from '../app/context.js';
import { nodeName } from '../graph/derive.js';
import { getLang } from '../i18n/i18n.js';
import {
  EDGE_WIDTH,
  FADED_EDGE,
  FADED_NODE,
  LABEL_COLOR,
  NODE_SIZE,
  OTHER_COLOR,
  evidenceLine,
  shapeOfKind,
  withAlpha,
} from '../look/look.js';

/** Display data plus the edge variables declared in the primitives (see renderer.ts). */
export type EdgeOut = Partial<EdgeDisplayData> & { solidColor?: string; dashSize?: number; gapSize?: number };

/**
 * The node style sigma evaluates before the reducer: positions only. Sigma's default declaration resolves a dozen
 * state-dependent keys per node (~20 µs each node: 0.2 s of a 10k map's first render) that the reducer then
 * overrode; the one look it added, the card behind the hovered node, is set below (`HOVERED`).
 */
export const NODE_STYLE = { x: { attribute: 'x' }, y: { attribute: 'y' } } as const;

/** Sigma's own hover look: a white card with a shadow behind the hovered node and its label, drawn on top. */
const HOVERED: Partial<NodeDisplayData> = {
  labelVisibility: 'visible',
  depth: 'topNodes',
  labelDepth: 'topNodes',
  backdropVisibility: 'visible',
  backdropColor: '#ffffff',
  backdropShadowColor: 'rgba(0, 0, 0, 0.5)',
  backdropShadowBlur: 12,
  backdropPadding: 6,
};

export function makeNodeReducer(ctx: AppContext) {
  return (node: string, _data: NodeDisplayData, attrs: Attributes): Partial<NodeDisplayData> => {
    if (ctx.visibility.hiddenNodes.has(node) || !ctx.graph?.hasNode(node)) return { visibility: 'hidden', label: null };
    const schemes = ctx.schemes;
    const out: Partial<NodeDisplayData> = {
      label: nodeName(attrs, getLang()),
      color: schemes ? schemes.color.colorOf(node) : OTHER_COLOR,
      size: schemes ? schemes.size.sizeOf(node) : NODE_SIZE.equal,
      shape: shapeOfKind(attrs.kind),
      labelColor: LABEL_COLOR,
    };
    const hl = ctx.highlight;
    const hovered = ctx.hovered;
    if (hl) {
      if (hl.nodes.has(node)) {
        out.labelVisibility = 'visible';
        out.depth = 'topNodes';
        out.zIndex = 1;
      } else {
        out.color = FADED_NODE;
        out.label = null;
        out.labelVisibility = 'hidden';
      }
    } else if (hovered && (node === hovered || ctx.graph?.areNeighbors(node, hovered))) {
      out.labelVisibility = 'visible';
      out.depth = 'topNodes';
    }
    if (node === hovered) Object.assign(out, HOVERED);
    if (node === ctx.selected || node === ctx.store.get().focus) {
      out.labelVisibility = 'visible';
      out.size = (out.size ?? NODE_SIZE.equal) + NODE_SIZE.focusBoost;
      out.depth = 'topNodes';
      out.zIndex = 2;
    }
    return out;
  };
}

export function makeEdgeReducer(ctx: AppContext) {
  return (edge: string, _data: EdgeDisplayData, attrs: Attributes): EdgeOut => {
    if (ctx.visibility.hiddenEdges.has(edge) || !ctx.graph?.hasEdge(edge)) return { visibility: 'hidden' };
    const base = ctx.schemes ? ctx.schemes.edge.colorOf(edge) : OTHER_COLOR;
    const line = evidenceLine(attrs.evidence);
    const hl = ctx.highlight;
    const inHl = hl ? hl.edges.has(edge) : false;
    if (ctx.largeMap && !ctx.showAllTies && !inHl) return { visibility: 'hidden' };
    const color = withAlpha(base, inHl ? 0.95 : line.alpha);
    const size = inHl ? EDGE_WIDTH.highlighted : EDGE_WIDTH.normal;
    const out: EdgeOut = { size, color, solidColor: color, dashSize: 0, gapSize: 0 };
    if (line.dash) Object.assign(out, { solidColor: 'transparent', dashSize: line.dash[0], gapSize: line.dash[1] });
    if (hl && !inHl)
      Object.assign(out, {
        color: FADED_EDGE,
        solidColor: FADED_EDGE,
        dashSize: 0,
        gapSize: 0,
        size: EDGE_WIDTH.faded,
      });
    if (inHl) out.depth = 'topEdges';
    return out;
  };
}
