/**
 * Sigma 4 setup: primitives (node shapes; solid and dashed edge layers), reducers, settings, and the events
 * the rest of the app listens to (select, hover, drag-to-pin, camera moves).
 */
import Sigma from 'sigma';
import { layerDashed, layerFill, layerPlain, sdfCircle, sdfDiamond, sdfSquare, sdfTriangle } from 'sigma/rendering';
import { LARGE_MAP_TIES, type AppContext } from '../context/context.js';
import type { CameraView } from '../state/types.js';
import { DisplayGraph } from './display-graph.js';
import { PAN_PICTURE_ITEMS, PanPicture } from './pan-picture.js';
import { NODE_STYLE, makeEdgeReducer, makeNodeReducer } from './reducers.js';

export interface RendererEvents {
  onClickNode: (node: string) => void;
  onClickStage: () => void;
  onHover: (node: string | null) => void;
  onDragEnd: (node: string) => void;
  onCamera: (camera: CameraView) => void;
  onFirstRender: () => void;
}

/**
 * Sigma 4 assumes reducers read its graph state (panning, zooming, hovering) and re-runs them for every node and
 * tie whenever that state flips: seconds per pan start and stop on a 10k map. Ours read only the app context and
 * we refresh explicitly, so declare them item-dependent (a private field; checked by the pan bench).
 */
function reducersIgnoreGraphState(s: Sigma): void {
  type Analysis = { dependency: string } | undefined;
  const r = s as unknown as { internals?: { nodeStyleAnalysis?: Analysis }; edgeStyleAnalysis?: Analysis };
  if (r.internals?.nodeStyleAnalysis?.dependency === 'graph-state')
    r.internals.nodeStyleAnalysis.dependency = 'item-state';
  if (r.edgeStyleAnalysis?.dependency === 'graph-state') r.edgeStyleAnalysis.dependency = 'item-state';
}

type NodeReducer = (node: string, data: object, attrs: object, state: object) => object;
interface SigmaNodeInternals {
  nodeReducer: NodeReducer | null;
  addNode: (key: string) => void;
  postEvaluateNode: (data: object, attrs: object, state: object) => void;
}

/**
 * Sigma merges a node reducer's result into a copy of its display data with a transpiled object spread (one
 * `defineProperty` per key): ~0.3 s of a 10k map's first draw. Our reducer's result is merged in place instead, right
 * after sigma's own style step (`postEvaluateNode`), with sigma's merge skipped for that call; sigma still sees a
 * reducer everywhere else (full refresh paths). Private sigma fields, like the analysis flags above.
 */
function mergeNodeReducerInPlace(s: Sigma): void {
  const r = s as unknown as SigmaNodeInternals;
  const reducer = r.nodeReducer;
  if (!reducer || typeof r.addNode !== 'function' || typeof r.postEvaluateNode !== 'function') return;
  const addNode = r.addNode;
  const postEvaluateNode = r.postEvaluateNode;
  let current: string | null = null;
  r.addNode = function (this: SigmaNodeInternals, key: string) {
    current = key;
    r.nodeReducer = null;
    try {
      addNode.call(this, key);
    } finally {
      r.nodeReducer = reducer;
      current = null;
    }
  };
  r.postEvaluateNode = function (this: SigmaNodeInternals, data: object, attrs: object, state: object) {
    postEvaluateNode.call(this, data, attrs, state);
    if (current !== null) Object.assign(data, reducer(current, data, attrs, state));
  };
}

/** Consumed by the first refresh of the next AtlasSigma (inside its constructor; see AtlasSigma). */
let firstRefresh: { camera: CameraView; onAfterRender: () => void } | null = null;

// Not a class field: sigma's constructor calls refresh before a subclass's fields exist, and the field's
// initialiser would then reset the flag and merge the reducer a second time.
const reducerMerged = new WeakSet<Sigma>();

/**
 * Runs a draw without sigma's picking pass (the hidden ids that hover and clicks are read from): the picture is the
 * same. Each of sigma's programs draws again in a picking variant, and in software WebGL the first draw with a
 * program is dear: skipping them took 0.25–0.37 s off a 10k map's first render (docs/decisions.md). A private
 * sigma field, like the flags above; the picking pass follows in `MapRenderer.drawPicking`.
 */
function withoutPicking<T>(s: Sigma, draw: () => T): T {
  const r = s as unknown as { pickingFrameBuffer?: WebGLFramebuffer | null };
  if (!r.pickingFrameBuffer) return draw();
  const frameBuffer = r.pickingFrameBuffer;
  r.pickingFrameBuffer = null;
  try {
    return draw();
  } finally {
    r.pickingFrameBuffer = frameBuffer;
  }
}

/**
 * Sigma's constructor processes and draws the graph synchronously, before a camera can be set or a listener
 * attached; setting the camera afterwards drew everything a second time (~1 s on a 10k map in software WebGL).
 * This subclass sets the camera and the first-frame listener just before that first draw, which it makes
 * without the picking pass.
 */
class AtlasSigma extends Sigma {
  override refresh(opts?: Parameters<Sigma['refresh']>[0]): this {
    if (!reducerMerged.has(this)) {
      mergeNodeReducerInPlace(this);
      reducerMerged.add(this);
    }
    const first = firstRefresh;
    firstRefresh = null;
    if (!first) return super.refresh(opts);
    this.getCamera().setState(first.camera);
    this.once('afterRender', first.onAfterRender);
    return withoutPicking(this, () => super.refresh(opts));
  }
}

export class MapRenderer {
  readonly sigma: Sigma;
  readonly panPicture: PanPicture;
  /** Off: redraw every frame while panning (the bench compares both). */
  livePan = false;
  /** On maps with many ties, sigma gets a copy holding only the drawable ties (see display-graph.ts). */
  private readonly display: DisplayGraph | null;
  private killed = false;
  private readonly resized: ResizeObserver;

  constructor(
    ctx: AppContext,
    container: HTMLElement,
    events: RendererEvents,
    /** Pixels on the right of the map covered by the legend. */
    private readonly reservedRight: () => number = () => 0,
    /** The first frame's camera; null: the whole map (defaultCamera). */
    camera: CameraView | null = null,
  ) {
    if (!ctx.graph) throw new Error('no graph');
    this.display = ctx.graph.size > LARGE_MAP_TIES ? new DisplayGraph(ctx, ctx.graph) : null;
    performance.mark('displayGraph');
    firstRefresh = {
      camera: camera ?? this.defaultCamera(container.offsetWidth),
      // Drawn outside an animation frame: the next frame's callbacks run before its commit hands the canvas to
      // the screen (waiting for the GPU); the one after that follows it, so the GPU work is counted.
      // Then the picking pass the first frame skipped, before the app goes on (hover and clicks need it).
      onAfterRender: () =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            events.onFirstRender();
            this.drawPicking();
          }),
        ),
    };
    this.sigma = new AtlasSigma(this.display?.graph ?? ctx.graph, container, {
      primitives: {
        nodes: {
          shapes: [
            sdfCircle(),
            sdfSquare({ cornerRadius: 0.15 }),
            sdfTriangle({ cornerRadius: 0.1 }),
            sdfDiamond({ cornerRadius: 0.1 }),
          ],
          layers: [layerFill()],
          label: {
            font: { family: 'DejaVu Sans, Liberation Sans, Arial, sans-serif', size: 13 },
            color: '#1d1d1b',
            margin: 4,
          },
        },
        edges: {
          variables: {
            solidColor: { type: 'color', default: 'transparent' },
            dashSize: { type: 'number', default: 0 },
            gapSize: { type: 'number', default: 0 },
          },
          layers: [
            layerPlain({ color: { attribute: 'solidColor' } }),
            layerDashed({
              dashSize: { attribute: 'dashSize', default: 0 },
              gapSize: { attribute: 'gapSize', default: 0 },
              gapColor: 0,
            }),
          ],
        },
      },
      styles: { nodes: NODE_STYLE },
      nodeReducer: makeNodeReducer(ctx),
      edgeReducer: makeEdgeReducer(ctx) as never,
      settings: {
        itemSizesReference: 'screen',
        enableNodeDrag: true,
        // A hidden map (table mode, a collapsed phone layout) has no size; it is drawn when it gets one.
        allowInvalidContainer: true,
        renderLabels: true,
        labelDensity: 0.6,
        labelGridCellSize: 140,
        labelRenderedSizeThreshold: 5,
        enableCameraRotation: false,
        enableCameraMouseRotation: false,
        minCameraRatio: 0.05,
        maxCameraRatio: 8,
        stagePadding: 40,
        // Not hideEdgesOnMove/hideLabelsOnMove: with either, sigma re-processes every node and tie after each
        // drag, seconds on a 10k map. Large maps hide their ties in the reducer instead.
        hideEdgesOnMove: false,
        hideLabelsOnMove: false,
      } as never,
    });
    const s = this.sigma;
    reducersIgnoreGraphState(s);
    this.panPicture = new PanPicture(
      s,
      () => [...container.querySelectorAll('canvas')],
      () => {
        const g = s.getGraph();
        return !this.livePan && g.order + g.size > PAN_PICTURE_ITEMS;
      },
    );
    s.on('clickNode', ({ node }) => events.onClickNode(node));
    s.on('clickStage', () => events.onClickStage());
    s.on('enterNode', ({ node }) => events.onHover(node));
    s.on('leaveNode', () => events.onHover(null));
    s.on('nodeDragEnd', ({ node }) => {
      this.display?.copyBack(node);
      events.onDragEnd(node);
    });
    firstRefresh = null; // in case sigma's constructor did not refresh
    let camTimer: ReturnType<typeof setTimeout> | undefined;
    const cameraMoved = () => {
      clearTimeout(camTimer);
      camTimer = setTimeout(() => events.onCamera(this.getCamera()), 250);
    };
    s.getCamera().on('updated', cameraMoved);
    cameraMoved(); // the first camera, as when it was set after construction
    // Sigma follows window resizes only; the map also changes size when it is shown again or the layout reflows.
    const size = () => `${container.offsetWidth}x${container.offsetHeight}`;
    let last = size();
    this.resized = new ResizeObserver(() => {
      if (size() === last) return; // the observer's first call, or no real change: no extra draw
      last = size();
      this.drawPicking();
    });
    this.resized.observe(container);
  }

  /** Redraw after a display-only change (highlight, encodings, filters). */
  refresh(): void {
    this.display?.syncEdges();
    this.sigma.refresh({ skipIndexation: false });
  }

  /** After the app's graph got new positions (layout): redraw with them. */
  syncPositions(): void {
    if (this.display) this.display.syncPositions();
  }

  /** Redraw only these nodes (hover): a full refresh re-processes every node and tie. */
  refreshNodes(nodes: string[]): void {
    try {
      this.sigma.refresh({ partialGraph: { nodes }, skipIndexation: true });
    } catch {
      this.refresh(); // a node sigma has not indexed yet
    }
  }

  getCamera(): CameraView {
    const st = this.sigma.getCamera().getState();
    return { x: st.x, y: st.y, ratio: st.ratio, angle: st.angle };
  }

  setCamera(c: CameraView, animate = false): void {
    const cam = this.sigma.getCamera();
    if (animate) void cam.animate(c, { duration: 400 });
    else cam.setState(c);
  }

  /** Moves the camera so that these nodes fill the view. */
  fitNodes(nodes: Iterable<string>, animate = true): void {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    let n = 0;
    for (const node of nodes) {
      const d = this.sigma.getNodeDisplayData(node);
      if (!d) continue;
      minX = Math.min(minX, d.x);
      maxX = Math.max(maxX, d.x);
      minY = Math.min(minY, d.y);
      maxY = Math.max(maxY, d.y);
      n++;
    }
    if (n === 0) return;
    const width = this.sigma.getContainer().offsetWidth || 1;
    const f = Math.min(0.45, Math.max(0, this.reservedRight() / width));
    const span = Math.max(maxX - minX, maxY - minY);
    const ratio = Math.min(1.6, Math.max(0.08, (span * 1.4) / (1 - f)));
    this.setCamera({ x: (minX + maxX) / 2 + (f / 2) * ratio, y: (minY + maxY) / 2, ratio, angle: 0 }, animate);
  }

  /** The whole map, centred in the part of the view the legend does not cover. */
  defaultCamera(containerWidth = this.sigma.getContainer().offsetWidth): CameraView {
    const width = containerWidth || 1;
    const f = Math.min(0.45, Math.max(0, this.reservedRight() / width));
    const ratio = Math.min(1.6, 1 / (1 - f));
    return { x: 0.5 + (f / 2) * ratio, y: 0.5, ratio, angle: 0 };
  }

  resetCamera(animate = true): void {
    this.setCamera(this.defaultCamera(), animate);
  }

  /** A full draw (picture and picking pass) without reprocessing anything: a refresh of no node. */
  private drawPicking(): void {
    if (this.killed) return;
    this.sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: true });
  }

  kill(): void {
    this.killed = true;
    this.resized.disconnect();
    this.sigma.kill();
  }
}
