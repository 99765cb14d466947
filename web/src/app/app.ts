/**
 * Wires the app together: the shell, the panels, the map and the analysis worker, the store (view state in
 * the URL) and the data loading with its error and retry states.
 */
import type { GapFinding, SavedView } from '../api/types.js';
import { ApiError, api, prefetchGraph } from '../api/client.js';
import { AnalysisRunner } from '../analysis/runner.js';
import { confirmDialog } from '../dom/confirm.js';
import { h } from '../dom/h.js';
import { tabs } from '../dom/tabs.js';
import { getLang, onLangChange, setLang, t } from '../i18n/i18n.js';
import { runLayout, type LayoutRun } from '../map/layout.js';
import { MissingTiesOverlay } from '../map/overlay.js';
import { readPositions } from '../map/positions.js';
import { MapRenderer } from '../map/renderer.js';
import { communitiesPanel } from '../panels/communities.js';
import { detailsPanel } from '../panels/details.js';
import { editPanel } from '../panels/edit.js';
import { encodingsPanel } from '../panels/encodings.js';
import { filtersPanel } from '../panels/filters.js';
import { gapsPanel } from '../panels/gaps.js';
import { keyActorsPanel } from '../panels/key-actors.js';
import { legendPanel } from '../panels/legend.js';
import type { Panel } from '../panels/panel.js';
import { pathPanel } from '../panels/path.js';
import { platformPanel } from '../panels/platform.js';
import { searchPanel } from '../panels/search.js';
import { statusPanel } from '../panels/status.js';
import { tableView } from '../panels/table-view.js';
import { viewsPanel } from '../panels/views.js';
import { exportPanel } from '../panels/export.js';
import type { SavedViewState, ViewState } from '../state/types.js';
import { fromQuery, toQuery } from '../state/url.js';
import { createContext, type AppContext } from './context.js';
import { loadData, persistLayout } from './data.js';
import { recomputeDerived, recomputeHighlight, recomputeSchemes, recomputeVisibility } from './derive-state.js';
import { renderHeader } from './header.js';
import { loadSession } from './session.js';
import { wireSession } from './session-wiring.js';
import { buildShell } from './shell.js';

const AUTO_ANALYSIS_MAX_NODES = 1500;
const AUTO_LAYOUT_MAX_NODES = 20_000;

export function startApp(mount: HTMLElement): void {
  const ctx: AppContext = createContext();
  const initial = fromQuery(location.search);
  if (initial.lang === 'en' || initial.lang === 'sv') setLang(initial.lang);
  document.documentElement.lang = getLang();
  ctx.store.replace(initial.state);

  const shell = buildShell();
  mount.replaceChildren(shell.root);
  let renderer: MapRenderer | null = null;
  let layoutRun: LayoutRun | null = null;
  const runner = new AnalysisRunner(ctx);

  // ---- Actions ----
  const fitHighlight = () => {
    if (renderer && ctx.highlight && ctx.highlight.nodes.size > 0) renderer.fitNodes(ctx.highlight.nodes);
  };
  const focus = (node: string) => {
    ctx.selected = node;
    ctx.finding = null;
    ctx.community = null;
    ctx.store.set({ focus: node, path: null });
    tabsUi.select('details');
    fitHighlight();
  };
  const clearFocus = () => {
    ctx.selected = null;
    ctx.store.set({ focus: null });
    renderer?.resetCamera();
  };
  const showFinding = (f: GapFinding | null) => {
    ctx.finding = f;
    if (f) ctx.store.set({ focus: null, path: null });
    recomputeHighlight(ctx);
    ctx.bus.emit('render', undefined);
    fitHighlight();
  };
  const showCommunity = (c: number | null) => {
    ctx.community = c;
    if (c !== null) ctx.store.set({ focus: null, path: null });
    ctx.finding = null;
    recomputeHighlight(ctx);
    ctx.bus.emit('render', undefined);
    fitHighlight();
  };
  const viewState = (): SavedViewState => {
    const { view: _v, ...rest } = ctx.store.get();
    return {
      format: 'aktorsatlas-view',
      version: 1,
      view: { ...rest, camera: renderer?.getCamera() ?? rest.camera },
      lang: getLang(),
      positions: ctx.graph ? readPositions(ctx.graph) : {},
      pinned: [...ctx.pinned],
    };
  };
  const saveView = async (name: string, version?: number): Promise<SavedView> => {
    const saved = await api.saveView(name, viewState(), version);
    ctx.store.set({ view: name, camera: renderer?.getCamera() ?? null });
    return saved;
  };
  const link = () => `${location.origin}${location.pathname}${toQuery(ctx.store.get(), getLang())}`;
  const openView = async (name: string) => {
    history.replaceState(null, '', `?view=${encodeURIComponent(name)}`);
    ctx.store.set({ view: name });
    await boot();
  };
  const deleteNode = async (node: string) => {
    const g = ctx.graph;
    if (!g?.hasNode(node)) return;
    const name = String(g.getNodeAttribute(node, 'name'));
    if (!(await confirmDialog(t('details.confirmDelete', { name, n: g.degree(node) })))) return;
    try {
      const rec = await api.getNode(node);
      await api.deleteNode(node, rec.version);
      ctx.selected = null;
      if (ctx.store.get().focus === node) ctx.store.set({ focus: null });
      await reload();
    } catch (err) {
      window.alert(
        err instanceof ApiError ? t('form.serverError', { error: err.body.detail ?? err.code }) : t('error.network'),
      );
    }
  };

  // ---- Panels ----
  const status = statusPanel(() => void boot());
  const search = searchPanel(ctx, { focus, clearFocus });
  const filters = filtersPanel(ctx);
  const encodings = encodingsPanel(ctx, {
    runLayout: () => void relayout(),
    runAnalysis: () => runner.start(),
    cancelAnalysis: () => runner.cancel(),
    layoutRunning: () => layoutRun !== null,
  });
  const path = pathPanel(ctx, fitHighlight);
  const views = viewsPanel(ctx, { save: saveView, open: openView, link });
  const exports = exportPanel(ctx);
  const legend = legendPanel(ctx);
  const edit = editPanel(ctx, (_msg, select) => void reload(select));
  const details = detailsPanel(ctx, {
    focus,
    editNode: (n) => (edit.editNode(n), tabsUi.select('edit')),
    deleteNode: (n) => void deleteNode(n),
    editRelation: (id) => (edit.editRelation(id), tabsUi.select('edit')),
    newRelationFrom: (n) => (edit.newRelation(n), tabsUi.select('edit')),
  });
  const actors = keyActorsPanel(ctx, focus);
  const communities = communitiesPanel(ctx, showCommunity);
  const gaps = gapsPanel(ctx, { show: showFinding, toAction: (f) => (edit.newAction(f), tabsUi.select('edit')) });
  const platform = platformPanel(ctx, focus);
  const table = tableView(ctx, focus);
  const tabsUi = tabs(
    [
      { id: 'details', label: () => t('tabs.details'), panel: details.el },
      { id: 'actors', label: () => t('tabs.actors'), panel: actors.el },
      { id: 'communities', label: () => t('tabs.communities'), panel: communities.el },
      { id: 'gaps', label: () => t('tabs.gaps'), panel: gaps.el },
      { id: 'platform', label: () => t('tabs.platform'), panel: platform.el },
      { id: 'edit', label: () => t('tabs.edit'), panel: edit.el },
    ],
    t('shell.understand'),
  );
  tabsUi.onSelect((id) => id === 'gaps' && gaps.open());
  tabsUi.onSelect((id) => id === 'platform' && platform.open());
  const leftPanels: Panel[] = [search, filters, encodings, path, views, exports];
  const allPanels: Panel[] = [...leftPanels, legend, details, actors, communities, gaps, platform, edit, table];
  shell.left.append(...leftPanels.map((p) => p.el));
  shell.right.append(tabsUi.el);
  shell.mapWrap.append(legend.el, status.el);
  shell.tableWrap.append(table.el);
  const skip = () => {
    shell.skipLinks.replaceChildren(
      h('a', { href: '#search-input', class: 'skip', text: t('shell.skipSearch') }),
      h('a', { href: '#filters-panel', class: 'skip', text: t('shell.skipFilters') }),
      h('a', { href: '#understand', class: 'skip', text: t('shell.skipPanels') }),
    );
  };
  const renderAll = () => {
    document.title = t('app.title');
    renderHeader(shell.header, ctx);
    skip();
    shell.mapWrap.setAttribute('aria-label', t('map.label'));
    tabsUi.relabel();
    for (const p of allPanels) p.render();
    status.render();
  };
  renderAll();

  // ---- State -> derived data, map, URL ----
  const applyMode = () => {
    const table = ctx.store.get().mode === 'table';
    shell.mapWrap.hidden = table;
    shell.tableWrap.hidden = !table;
    if (table) allPanels[allPanels.length - 1].render();
  };
  ctx.store.subscribe((s, prev) => {
    const filtersChanged = s.filters !== prev.filters;
    const hlChanged = s.focus !== prev.focus || s.depth !== prev.depth || s.path !== prev.path;
    const encChanged = s.colorBy !== prev.colorBy || s.sizeBy !== prev.sizeBy || s.edgeColorBy !== prev.edgeColorBy;
    if (filtersChanged) recomputeVisibility(ctx);
    if (filtersChanged || hlChanged) recomputeHighlight(ctx);
    if (filtersChanged || encChanged) recomputeSchemes(ctx);
    if (filtersChanged || hlChanged || encChanged) ctx.bus.emit('render', undefined);
    if (s.mode !== prev.mode) {
      applyMode();
      renderHeader(shell.header, ctx);
    }
    history.replaceState(null, '', toQuery(s, getLang()) || location.pathname);
  });
  // State for tests and assistive tooling: what is highlighted and why.
  const publishState = () => {
    document.body.dataset.highlight = ctx.highlightReason ?? 'none';
    document.body.dataset.highlightNodes = String(ctx.highlight?.nodes.size ?? 0);
    document.body.dataset.hiddenNodes = String(ctx.visibility.hiddenNodes.size);
    document.body.dataset.sizeBy = ctx.store.get().sizeBy;
  };
  ctx.bus.on('render', () => {
    publishState();
    renderer?.refresh();
    for (const p of allPanels) p.update?.();
  });
  ctx.bus.on('analysis', (st) => {
    if (st.status !== 'done') return;
    recomputeSchemes(ctx);
    recomputeHighlight(ctx);
    ctx.bus.emit('render', undefined);
  });
  onLangChange(() => {
    recomputeSchemes(ctx);
    renderAll();
    renderer?.refresh();
    history.replaceState(null, '', toQuery(ctx.store.get(), getLang()) || location.pathname);
  });

  // ---- Map ----
  /** The nodes whose look depends on the hover: the hovered nodes and their neighbours. */
  const hoverAffected = (g: NonNullable<AppContext['graph']>, nodes: (string | null)[]): string[] => {
    const out = new Set<string>();
    for (const n of nodes)
      if (n && g.hasNode(n)) {
        out.add(n);
        g.forEachNeighbor(n, (m) => void out.add(m));
      }
    return [...out];
  };
  const nodeSize = (n: string) => ctx.schemes?.size.sizeOf(n) ?? 5;
  const relayout = async () => {
    if (!ctx.graph || layoutRun) return;
    layoutRun = runLayout(ctx.graph, { nodeSize, onSync: () => renderer?.syncPositions() });
    encodings.render();
    document.body.dataset.layout = 'running';
    await layoutRun.promise;
    layoutRun = null;
    document.body.dataset.layout = 'done';
    encodings.render();
    renderer?.syncPositions();
    renderer?.refresh();
    await persistLayout(ctx).catch(() => undefined);
    renderer?.syncPositions(); // someone else's layout may have been taken
  };
  let firstFrameShown: (() => void) | null = null;
  const mountRenderer = () => {
    renderer?.kill();
    shell.mapContainer.replaceChildren();
    const started = performance.now();
    renderer = new MapRenderer(
      ctx,
      shell.mapContainer,
      {
        onClickNode: focus,
        onClickStage: () => undefined,
        onHover: (n) => {
          const prev = ctx.hovered;
          ctx.hovered = n;
          if (!ctx.highlight && renderer && ctx.graph) renderer.refreshNodes(hoverAffected(ctx.graph, [prev, n]));
        },
        onDragEnd: (n) => {
          ctx.pinned.add(n);
          ctx.graph?.setNodeAttribute(n, 'fixed', true);
          document.body.dataset.pinned = String(ctx.pinned.size);
          void persistLayout(ctx).catch(() => undefined);
        },
        onCamera: (camera) => ctx.store.set({ camera }),
        onFirstRender: () => {
          document.body.dataset.firstRenderMs = String(Math.round(performance.now() - started));
          document.body.dataset.firstRenderAt = String(Math.round(performance.now()));
          firstFrameShown?.();
        },
      },
      () => (legend.el.offsetParent ? legend.el.offsetWidth + 12 : 0),
      ctx.store.get().camera,
    );
    new MissingTiesOverlay(ctx, renderer.sigma, shell.mapContainer);
    // A read-only hook for end-to-end tests: where a node is drawn on screen (page coordinates).
    const sigma = renderer.sigma;
    (window as unknown as { __atlas?: unknown }).__atlas = {
      reload: () => reload(),
      nodeOnScreen: (node: string) => {
        const g = ctx.graph;
        if (!g?.hasNode(node)) return null;
        const p = sigma.graphToViewport({
          x: g.getNodeAttribute(node, 'x') as number,
          y: g.getNodeAttribute(node, 'y') as number,
        });
        const r = shell.mapContainer.getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      },
      camera: () => sigma.getCamera().getState(),
      sigma, // for web/scripts/bench-browser-profile.ts (cost of each sigma program per frame)
      // For the bench: redraw every frame while panning instead of moving the drawn picture.
      livePan: (on: boolean) => {
        if (renderer) renderer.livePan = on;
      },
    };
  };

  // ---- Loading ----
  let generation = 0;
  async function boot(): Promise<void> {
    const gen = ++generation;
    document.body.dataset.ready = 'loading';
    status.show({ kind: 'loading' });
    runner.cancel();
    try {
      const viewName = ctx.store.get().view;
      const mark = (name: string) => (document.body.dataset[`t${name}`] = String(Math.round(performance.now())));
      mark('Start');
      const res = await loadData(ctx, viewName, null);
      mark('Loaded');
      if (gen !== generation) return;
      if (res.view?.state?.view) {
        const v = res.view.state.view as Omit<ViewState, 'view'>;
        if (res.view.state.lang === 'en' || res.view.state.lang === 'sv') setLang(res.view.state.lang);
        ctx.selected = v.focus;
        ctx.store.replace({ ...v, view: res.view.name });
      }
      ctx.analysis = null;
      ctx.finding = null;
      renderer?.kill();
      renderer = null;
      // No 'render' event: the panels are built once, after the map's first frame (renderAll below).
      recomputeDerived(ctx);
      publishState();
      mark('Derived');
      mountRenderer();
      mark('Mounted');
      applyMode();
      // The panels after the map's first frame is on screen (or 3 s, should sigma not draw, e.g. in table mode).
      await new Promise<void>((resolve) => {
        firstFrameShown = resolve;
        setTimeout(resolve, 3000);
      });
      firstFrameShown = null;
      if (gen !== generation) return;
      renderAll();
      mark('Panels');
      status.show(res.graph.order === 0 ? { kind: 'empty' } : { kind: 'none' });
      document.body.dataset.ready = 'true';
      mark('Ready');
      document.body.dataset.nodes = String(res.graph.order);
      document.body.dataset.edges = String(res.graph.size);
      // Large maps keep the fast initial placement until the user asks for a layout (FA2 would run for minutes).
      if (res.needsLayout && res.graph.order <= AUTO_LAYOUT_MAX_NODES) await relayout();
      else if (res.needsLayout) document.body.dataset.layout = 'initial';
      else if (res.placedNew > 0) await persistLayout(ctx).catch(() => undefined);
      if (res.graph.order > 0 && res.graph.order <= AUTO_ANALYSIS_MAX_NODES) runner.start();
    } catch (err) {
      if (gen !== generation) return;
      document.body.dataset.ready = 'error';
      status.show({
        kind: 'error',
        detail: err instanceof ApiError ? `${err.status} ${err.body.detail ?? err.code}` : (err as Error).message,
      });
    }
  }

  /** After an edit: reload the graph, keep positions, place new nodes next to their neighbours. */
  async function reload(select?: string): Promise<void> {
    try {
      const prev = ctx.graph;
      const res = await loadData(ctx, null, prev);
      if (select && res.graph.hasNode(select)) ctx.selected = select;
      if (ctx.selected && !res.graph.hasNode(ctx.selected)) ctx.selected = null;
      const focus = ctx.store.get().focus;
      if (focus && !res.graph.hasNode(focus)) ctx.store.set({ focus: null });
      // Derive everything for the new graph first, then hand it to sigma, then redraw.
      recomputeVisibility(ctx);
      recomputeHighlight(ctx);
      recomputeSchemes(ctx);
      // A new sigma, not sigma.setGraph: in sigma 4.0.4 its node dragging keeps the graph it was created with.
      mountRenderer();
      ctx.bus.emit('render', undefined);
      renderAll();
      status.show(res.graph.order === 0 ? { kind: 'empty' } : { kind: 'none' });
      document.body.dataset.nodes = String(res.graph.order);
      document.body.dataset.edges = String(res.graph.size);
      if (res.placedNew > 0) await persistLayout(ctx).catch(() => undefined);
      if (res.graph.order <= AUTO_ANALYSIS_MAX_NODES) runner.start();
    } catch (err) {
      status.show({ kind: 'error', detail: (err as Error).message });
    }
  }

  // Who am I first, so editing shows only for editors; then the data (a 401 there opens the sign-in).
  wireSession({ render: renderAll, failed: () => document.body.dataset.ready === 'error', boot: () => void boot() });
  prefetchGraph();
  void loadSession()
    .catch(() => undefined)
    .finally(() => void boot());
}
