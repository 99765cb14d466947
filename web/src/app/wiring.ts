/**
 * From state to screen: a change of the view state recomputes what depends on it (visibility, highlight,
 * encodings), redraws map and panels and writes the URL; the analysis result and a language switch do the same.
 */
import type { AppContext } from '../context/context.js';
import { recomputeHighlight, recomputeVisibility } from '../context/derive-state.js';
import { getLang, onLangChange } from '../i18n/i18n.js';
import { recomputeSchemes } from '../map/schemes.js';
import type { ViewState } from '../state/types.js';
import { toQuery } from '../state/url.js';
import { fitHighlight, fitVisible } from './actions.js';
import { renderHeader } from './header.js';
import { renderAll } from './panels.js';
import { ui, type Runtime } from './runtime.js';

/** State for tests and assistive tooling: what is highlighted and why. */
export function publishState(ctx: AppContext): void {
  document.body.dataset.highlight = ctx.highlightReason ?? 'none';
  document.body.dataset.highlightNodes = String(ctx.highlight?.nodes.size ?? 0);
  document.body.dataset.hiddenNodes = String(ctx.visibility.hiddenNodes.size);
  document.body.dataset.sizeBy = ctx.store.get().sizeBy;
}

/** Shows the map or the table, as the state's mode says; a map shown again is redrawn and fitted to the focus. */
export function applyMode(rt: Runtime): void {
  const table = rt.ctx.store.get().mode === 'table';
  const mapWasHidden = rt.shell.mapWrap.hidden;
  rt.shell.mapWrap.hidden = table;
  rt.shell.tableWrap.hidden = !table;
  if (table) rt.ui?.table.render();
  else if (mapWasHidden && rt.renderer) {
    rt.renderer.refresh();
    fitHighlight(rt);
  }
}

const writeUrl = (s: ViewState) => history.replaceState(null, '', toQuery(s, getLang()) || location.pathname);

function onState(rt: Runtime, s: ViewState, prev: ViewState): void {
  const { ctx } = rt;
  const filtersChanged = s.filters !== prev.filters;
  const hlChanged = s.focus !== prev.focus || s.depth !== prev.depth || s.path !== prev.path;
  const encChanged = s.colorBy !== prev.colorBy || s.sizeBy !== prev.sizeBy || s.edgeColorBy !== prev.edgeColorBy;
  if (filtersChanged) recomputeVisibility(ctx);
  if (filtersChanged || hlChanged) recomputeHighlight(ctx);
  if (filtersChanged || encChanged) recomputeSchemes(ctx);
  if (filtersChanged || hlChanged || encChanged) ctx.bus.emit('render', undefined);
  if (filtersChanged) fitVisible(rt);
  if (s.mode !== prev.mode) {
    applyMode(rt);
    renderHeader(rt.shell.header, ctx);
  }
  writeUrl(s);
}

export function wireState(rt: Runtime): void {
  const { ctx } = rt;
  ctx.store.subscribe((s, prev) => onState(rt, s, prev));
  ctx.bus.on('render', () => {
    publishState(ctx);
    rt.renderer?.refresh();
    for (const p of ui(rt).all) p.update?.();
  });
  ctx.bus.on('analysis', (st) => {
    if (st.status !== 'done') return;
    recomputeSchemes(ctx);
    recomputeHighlight(ctx);
    ctx.bus.emit('render', undefined);
  });
  onLangChange(() => {
    recomputeSchemes(ctx);
    renderAll(rt);
    rt.renderer?.refresh();
    writeUrl(ctx.store.get());
  });
}
