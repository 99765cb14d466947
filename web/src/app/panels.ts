/** Builds the panels and the tabs, hands each one the callbacks it needs, and places them in the page. */
import { openSignIn } from './sign-in.js';
import { h } from '../dom/h.js';
import { tabs } from '../dom/tabs.js';
import { t } from '../i18n/i18n.js';
import { communitiesPanel } from '../panels/communities.js';
import { detailsPanel } from '../panels/details.js';
import { editPanel } from '../panels/edit.js';
import { encodingsPanel } from '../panels/encodings.js';
import { exportPanel } from '../panels/export.js';
import { filtersPanel } from '../panels/filters.js';
import { gapsPanel } from '../panels/gaps.js';
import { historyPanel } from '../panels/history.js';
import { importPanel } from '../panels/import.js';
import { keyActorsPanel } from '../panels/key-actors.js';
import { scenarioPanel } from '../panels/scenario.js';
import { legendPanel } from '../panels/legend.js';
import type { Panel } from '../panels/panel.js';
import { pathPanel } from '../panels/path.js';
import { platformPanel } from '../panels/platform.js';
import { searchPanel } from '../panels/search.js';
import { statusPanel } from '../panels/status.js';
import { surveysPanel } from '../panels/surveys.js';
import { tableView } from '../panels/table-view.js';
import { viewsPanel } from '../panels/views.js';
import type { Actions, Loader } from './actions.js';
import { renderHeader } from './header.js';
import type { Runtime, Ui } from './runtime.js';

/** The map's own operations the display panel offers. */
export interface MapOps {
  relayout: () => void;
}

function rightTabs(rt: Runtime, actions: Actions, loader: Loader) {
  const { ctx } = rt;
  const select = (id: string) => tabsUi.select(id);
  const edit = editPanel(ctx, { done: (_msg, sel) => void loader.reload(sel), signIn: () => void openSignIn() });
  const details = detailsPanel(ctx, {
    focus: actions.focus,
    editNode: (n) => (edit.editNode(n), select('edit')),
    deleteNode: (n) => void actions.deleteNode(n),
    editRelation: (id) => (edit.editRelation(id), select('edit')),
    newRelationFrom: (n) => (edit.newRelation(n), select('edit')),
  });
  const actors = keyActorsPanel(ctx, actions.focus);
  const communities = communitiesPanel(ctx, actions.showCommunity);
  const gaps = gapsPanel(ctx, { show: actions.showFinding, toAction: (f) => (edit.newAction(f), select('edit')) });
  const scenario = scenarioPanel(ctx, (_msg, sel) => void loader.reload(sel));
  const platform = platformPanel(ctx, actions.focus);
  const history = historyPanel(ctx);
  const importer = importPanel(() => void loader.reload());
  const surveys = surveysPanel(ctx, { showCompare: actions.showFinding, reload: () => void loader.reload() });
  const tabsUi = tabs(
    [
      { id: 'details', label: () => t('tabs.details'), panel: details.el },
      { id: 'actors', label: () => t('tabs.actors'), panel: actors.el },
      { id: 'communities', label: () => t('tabs.communities'), panel: communities.el },
      { id: 'gaps', label: () => t('tabs.gaps'), panel: gaps.el },
      { id: 'platform', label: () => t('tabs.platform'), panel: platform.el },
      { id: 'scenario', label: () => t('tabs.scenario'), panel: scenario.el },
      { id: 'edit', label: () => t('tabs.edit'), panel: edit.el },
      { id: 'import', label: () => t('tabs.import'), panel: importer.el },
      { id: 'history', label: () => t('tabs.history'), panel: history.el },
      { id: 'surveys', label: () => t('tabs.surveys'), panel: surveys.el },
    ],
    t('shell.understand'),
  );
  tabsUi.onSelect((id) => {
    if (id === 'gaps') gaps.open();
    if (id === 'platform') platform.open();
    if (id === 'history') history.open();
    if (id === 'surveys') surveys.open();
  });
  const panels = [details, actors, communities, gaps, platform, scenario, edit, importer, history, surveys];
  return { tabsUi, edit, gaps, panels };
}

export function buildUi(rt: Runtime, actions: Actions, loader: Loader, map: MapOps): Ui {
  const { ctx, shell } = rt;
  const status = statusPanel(() => void loader.boot());
  const encodings = encodingsPanel(ctx, {
    runLayout: map.relayout,
    runAnalysis: () => rt.runner.start(),
    cancelAnalysis: () => rt.runner.cancel(),
    layoutRunning: () => rt.layoutRun !== null,
  });
  const search = searchPanel(ctx, { focus: actions.focus, clearFocus: actions.clearFocus });
  const leftPanels: Panel[] = [
    filtersPanel(ctx),
    encodings,
    pathPanel(ctx, actions.fitHighlight),
    viewsPanel(ctx, { save: actions.saveView, open: actions.openView, link: actions.link }),
    exportPanel(ctx),
  ];
  const legend = legendPanel(ctx);
  const table = tableView(ctx, actions.focus);
  const right = rightTabs(rt, actions, loader);
  shell.search.append(search.el);
  shell.left.append(...leftPanels.map((p) => p.el));
  shell.right.append(right.tabsUi.el);
  shell.mapWrap.append(legend.el, status.el);
  shell.tableWrap.append(table.el);
  const all = [search, ...leftPanels, legend, ...right.panels, table];
  return { status, legend, encodings, table, edit: right.edit, gaps: right.gaps, tabs: right.tabsUi, all };
}

/** Rebuilds every text of the page (first render, language switch, sign-in). */
export function renderAll(rt: Runtime): void {
  const { shell, ctx } = rt;
  const u = rt.ui;
  if (!u) return;
  document.title = t('app.title');
  renderHeader(shell.header, ctx);
  shell.skipLinks.replaceChildren(
    h('a', { href: '#search-input', class: 'skip', text: t('shell.skipSearch') }),
    h('a', { href: '#filters-panel', class: 'skip', text: t('shell.skipFilters') }),
    h('a', { href: '#understand', class: 'skip', text: t('shell.skipPanels') }),
  );
  shell.mapWrap.setAttribute('aria-label', t('map.label'));
  u.tabs.relabel();
  for (const p of u.all) p.render();
  u.status.render();
}
