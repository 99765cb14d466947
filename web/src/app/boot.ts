/**
 * Loading: the first load (and "Försök igen", and opening a saved view) with its loading, empty and error
 * states; and the reload after an edit, which keeps positions and places new nodes next to their neighbours.
 */
import { ApiError } from '../api/client.js';
import { recomputeHighlight, recomputeVisibility } from '../context/derive-state.js';
import { setLang } from '../i18n/i18n.js';
import { recomputeDerived, recomputeSchemes } from '../map/schemes.js';
import type { ViewState } from '../state/types.js';
import type { Actions, Loader } from './actions.js';
import { loadData, persistLayout, type LoadResult } from './data.js';
import { mountRenderer, relayout } from './map-mount.js';
import { renderAll } from './panels.js';
import { ui, type Runtime } from './runtime.js';
import { applyMode, publishState } from './wiring.js';

const AUTO_ANALYSIS_MAX_NODES = 1500;
const AUTO_LAYOUT_MAX_NODES = 20_000;

/** Boot phases for the bench (test/bench/browser-profile.ts reads them from the body's data). */
const mark = (name: string) => (document.body.dataset[`t${name}`] = String(Math.round(performance.now())));

function takeSavedView(rt: Runtime, res: LoadResult): void {
  const saved = res.view?.state;
  if (!res.view || !saved?.view) return;
  const v = saved.view as Omit<ViewState, 'view'>;
  if (saved.lang === 'en' || saved.lang === 'sv') setLang(saved.lang);
  rt.ctx.selected = v.focus;
  rt.ctx.store.replace({ ...v, view: res.view.name });
}

/** The panels after the map's first frame is on screen (or 3 s, should sigma not draw, e.g. in table mode). */
function firstFrame(rt: Runtime): Promise<void> {
  return new Promise<void>((resolve) => {
    rt.firstFrameShown = resolve;
    setTimeout(resolve, 3000);
  }).finally(() => (rt.firstFrameShown = null));
}

function showLoaded(res: LoadResult, rt: Runtime): void {
  ui(rt).status.show(res.graph.order === 0 ? { kind: 'empty' } : { kind: 'none' });
  document.body.dataset.nodes = String(res.graph.order);
  document.body.dataset.edges = String(res.graph.size);
}

/** After the first frame: a layout when none is stored, then the analysis on maps small enough. */
async function afterBoot(rt: Runtime, res: LoadResult): Promise<void> {
  // Large maps keep the fast initial placement until the user asks for a layout (FA2 would run for minutes).
  if (res.needsLayout && res.graph.order <= AUTO_LAYOUT_MAX_NODES) await relayout(rt);
  else if (res.needsLayout) document.body.dataset.layout = 'initial';
  else if (res.placedNew > 0) await persistLayout(rt.ctx).catch(() => undefined);
  if (res.graph.order > 0 && res.graph.order <= AUTO_ANALYSIS_MAX_NODES) rt.runner.start();
}

async function boot(rt: Runtime, actions: Actions): Promise<void> {
  const gen = ++rt.generation;
  const { ctx } = rt;
  document.body.dataset.ready = 'loading';
  ui(rt).status.show({ kind: 'loading' });
  rt.runner.cancel();
  try {
    mark('Start');
    const res = await loadData(ctx, ctx.store.get().view, null);
    mark('Loaded');
    if (gen !== rt.generation) return;
    takeSavedView(rt, res);
    ctx.analysis = null;
    ctx.finding = null;
    rt.renderer?.kill();
    rt.renderer = null;
    // No 'render' event: the panels are built once, after the map's first frame (renderAll below).
    recomputeDerived(ctx);
    publishState(ctx);
    mark('Derived');
    mountRenderer(rt, actions);
    mark('Mounted');
    applyMode(rt);
    await firstFrame(rt);
    if (gen !== rt.generation) return;
    renderAll(rt);
    mark('Panels');
    showLoaded(res, rt);
    document.body.dataset.ready = 'true';
    mark('Ready');
    await afterBoot(rt, res);
  } catch (err) {
    if (gen !== rt.generation) return;
    document.body.dataset.ready = 'error';
    ui(rt).status.show({
      kind: 'error',
      detail: err instanceof ApiError ? `${err.status} ${err.body.detail ?? err.code}` : (err as Error).message,
    });
  }
}

async function reload(rt: Runtime, actions: Actions, select?: string): Promise<void> {
  const { ctx } = rt;
  try {
    const res = await loadData(ctx, null, ctx.graph);
    if (select && res.graph.hasNode(select)) ctx.selected = select;
    if (ctx.selected && !res.graph.hasNode(ctx.selected)) ctx.selected = null;
    const focus = ctx.store.get().focus;
    if (focus && !res.graph.hasNode(focus)) ctx.store.set({ focus: null });
    // Derive everything for the new graph first, then hand it to sigma, then redraw.
    recomputeVisibility(ctx);
    recomputeHighlight(ctx);
    recomputeSchemes(ctx);
    mountRenderer(rt, actions);
    ctx.bus.emit('render', undefined);
    renderAll(rt);
    showLoaded(res, rt);
    if (res.placedNew > 0) await persistLayout(ctx).catch(() => undefined);
    if (res.graph.order <= AUTO_ANALYSIS_MAX_NODES) rt.runner.start();
  } catch (err) {
    ui(rt).status.show({ kind: 'error', detail: (err as Error).message });
  }
}

/** The loader the actions and panels call; `actions` is read when a load runs (they are built after it). */
export function createLoader(rt: Runtime, actions: () => Actions): Loader {
  return {
    boot: () => boot(rt, actions()),
    reload: (select) => reload(rt, actions(), select),
  };
}
