/**
 * What the user can do from several places (map, table, panels): focus an actor, show a gap finding or a
 * community, save and open views, delete a node. Panels get these as callbacks; they do not import the shell.
 */
import type { GapFinding, SavedView } from '../api/types.js';
import { ApiError, api } from '../api/client.js';
import { recomputeHighlight } from '../context/derive-state.js';
import { confirmDialog } from '../dom/confirm.js';
import { getLang, t } from '../i18n/i18n.js';
import { readPositions } from '../map/positions.js';
import type { SavedViewState } from '../state/types.js';
import { toQuery } from '../state/url.js';
import { ui, type Runtime } from './runtime.js';

export interface Actions {
  focus: (node: string) => void;
  clearFocus: () => void;
  fitHighlight: () => void;
  showFinding: (f: GapFinding | null) => void;
  showCommunity: (c: number | null) => void;
  saveView: (name: string, version?: number) => Promise<SavedView>;
  openView: (name: string) => Promise<void>;
  link: () => string;
  deleteNode: (node: string) => Promise<void>;
}

/** The loading steps the actions call back into (boot.ts). */
export interface Loader {
  boot: () => Promise<void>;
  reload: (select?: string) => Promise<void>;
}

export function fitHighlight(rt: Runtime): void {
  const { ctx, renderer } = rt;
  // A hidden map (table mode) has no size to fit into; the camera is fitted when the map is shown again.
  if (renderer && !rt.shell.mapWrap.hidden && ctx.highlight && ctx.highlight.nodes.size > 0)
    renderer.fitNodes(ctx.highlight.nodes);
}

/**
 * After a filter change the camera fits what is left (the highlight if there is one); with nothing filtered out
 * it returns to the whole map.
 */
export function fitVisible(rt: Runtime): void {
  const { ctx, renderer } = rt;
  if (!renderer || rt.shell.mapWrap.hidden || !ctx.graph) return;
  if (ctx.highlight && ctx.highlight.nodes.size > 0) return fitHighlight(rt);
  if (ctx.visibility.hiddenNodes.size === 0) return renderer.resetCamera();
  const hidden = ctx.visibility.hiddenNodes;
  renderer.fitNodes(ctx.graph.filterNodes((n) => !hidden.has(n)));
}

/** A click on the map's background lets go of the focus, path, finding or community shown. */
export function clearHighlight(rt: Runtime): void {
  const { ctx } = rt;
  if (!ctx.highlight && !ctx.store.get().focus) return;
  ctx.selected = null;
  ctx.finding = null;
  ctx.community = null;
  const s = ctx.store.get();
  if (s.focus || s.path) ctx.store.set({ focus: null, path: null });
  else {
    recomputeHighlight(ctx);
    ctx.bus.emit('render', undefined);
  }
}

function viewState(rt: Runtime): SavedViewState {
  const { ctx, renderer } = rt;
  const { view: _v, ...rest } = ctx.store.get();
  return {
    format: 'aktorsatlas-view',
    version: 1,
    view: { ...rest, camera: renderer?.getCamera() ?? rest.camera },
    lang: getLang(),
    positions: ctx.graph ? readPositions(ctx.graph) : {},
    pinned: [...ctx.pinned],
  };
}

async function deleteNode(rt: Runtime, loader: Loader, node: string): Promise<void> {
  const { ctx } = rt;
  const g = ctx.graph;
  if (!g?.hasNode(node)) return;
  const name = String(g.getNodeAttribute(node, 'name'));
  if (!(await confirmDialog(t('details.confirmDelete', { name, n: g.degree(node) })))) return;
  try {
    const rec = await api.getNode(node);
    await api.deleteNode(node, rec.version);
    ctx.selected = null;
    if (ctx.store.get().focus === node) ctx.store.set({ focus: null });
    await loader.reload();
  } catch (err) {
    window.alert(
      err instanceof ApiError ? t('form.serverError', { error: err.body.detail ?? err.code }) : t('error.network'),
    );
  }
}

function highlightOnly(rt: Runtime): void {
  recomputeHighlight(rt.ctx);
  rt.ctx.bus.emit('render', undefined);
  fitHighlight(rt);
}

export function createActions(rt: Runtime, loader: Loader): Actions {
  const { ctx } = rt;
  return {
    fitHighlight: () => fitHighlight(rt),
    focus: (node) => {
      ctx.selected = node;
      ctx.finding = null;
      ctx.community = null;
      ctx.store.set({ focus: node, path: null });
      ui(rt).tabs.select('details');
      fitHighlight(rt);
    },
    clearFocus: () => {
      ctx.selected = null;
      ctx.store.set({ focus: null });
      if (!rt.shell.mapWrap.hidden) rt.renderer?.resetCamera();
    },
    showFinding: (f) => {
      ctx.finding = f;
      if (f) ctx.store.set({ focus: null, path: null });
      highlightOnly(rt);
    },
    showCommunity: (c) => {
      ctx.community = c;
      if (c !== null) ctx.store.set({ focus: null, path: null });
      ctx.finding = null;
      highlightOnly(rt);
    },
    saveView: async (name, version) => {
      const saved = await api.saveView(name, viewState(rt), version);
      ctx.store.set({ view: name, camera: rt.renderer?.getCamera() ?? null });
      return saved;
    },
    link: () => `${location.origin}${location.pathname}${toQuery(ctx.store.get(), getLang())}`,
    openView: async (name) => {
      history.replaceState(null, '', `?view=${encodeURIComponent(name)}`);
      ctx.store.set({ view: name });
      await loader.boot();
    },
    deleteNode: (node) => deleteNode(rt, loader, node),
  };
}
