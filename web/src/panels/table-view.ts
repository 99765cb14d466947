/**
 * The table view: the visible nodes and relations as accessible tables, an alternative to the map for
 * keyboard and screen-reader users and for copying into reports. Every column sorts (a button in its header,
 * `aria-sort` on the sorted one); choosing an actor focuses it, as a click on the map does.
 */
import { relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import type { AppContext } from '../context/context.js';
import { kindHint, labelOf } from '../context/items.js';
import { metricValue } from '../analysis/metrics.js';
import { h, replace } from '../dom/h.js';
import { facetValues } from '../graph/derive.js';
import { bi, fmt, t } from '../i18n/i18n.js';
import { evidenceLabel } from '../map/encodings.js';
import { NONE } from '../state/types.js';
import { sourcesList } from './details-relations.js';
import type { Panel } from './panel.js';

const PAGE = 200;

interface Column {
  id: string;
  label: () => string;
  /** The sort key; null sorts last in either direction. */
  key: (item: string) => string | number | null;
  cell: (item: string) => HTMLElement;
  num?: boolean;
}

interface Sort {
  by: string;
  desc: boolean;
}

const compare = (a: string | number | null, b: string | number | null): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'sv', { numeric: true });
};

/** Sorts items by a column, nulls last, ties by the first column (stable for the same state). */
function sortItems(items: string[], cols: Column[], sort: Sort): string[] {
  const col = cols.find((c) => c.id === sort.by) ?? cols[0];
  const keys = new Map(items.map((i) => [i, col.key(i)]));
  const first = new Map(items.map((i) => [i, String(cols[0].key(i))]));
  return items.sort((x, y) => {
    const a = keys.get(x) ?? null;
    const b = keys.get(y) ?? null;
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    const c = compare(a, b) * (sort.desc ? -1 : 1);
    return c !== 0 ? c : (first.get(x) ?? '').localeCompare(first.get(y) ?? '', 'sv');
  });
}

function headerCell(table: string, col: Column, sort: Sort, onSort: (s: Sort) => void): HTMLElement {
  const sorted = sort.by === col.id;
  return h(
    'th',
    { attrs: { scope: 'col', 'aria-sort': sorted ? (sort.desc ? 'descending' : 'ascending') : 'none' } },
    h(
      'button',
      {
        type: 'button',
        class: 'link th-sort',
        dataset: { testid: `sort-${table}-${col.id}` },
        on: { click: () => onSort({ by: col.id, desc: sorted ? !sort.desc : !!col.num }) },
      },
      col.label(),
      h('span', { aria: { hidden: 'true' }, text: sorted ? (sort.desc ? ' ▼' : ' ▲') : '' }),
    ),
  );
}

interface TableSpec {
  id: string;
  caption: string;
  cols: Column[];
  items: string[];
  sort: Sort;
  limit: number;
  onSort: (s: Sort) => void;
  more: () => void;
}

function sortableTable(spec: TableSpec): HTMLElement[] {
  const rows = sortItems(spec.items, spec.cols, spec.sort).slice(0, spec.limit);
  const table = h(
    'table',
    { class: 'data', dataset: { testid: `table-${spec.id}` } },
    h('caption', {}, spec.caption, h('span', { class: 'sr-only', text: ` ${t('table.sortHint')}` })),
    h('thead', {}, h('tr', {}, ...spec.cols.map((c) => headerCell(spec.id, c, spec.sort, spec.onSort)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...spec.cols.map((c) => c.cell(r))))),
  );
  const more =
    spec.items.length > spec.limit
      ? h('button', {
          type: 'button',
          text: t('table.more'),
          dataset: { testid: `table-more-${spec.id}` },
          on: { click: spec.more },
        })
      : null;
  return [h('div', { class: 'table-scroll' }, table), ...(more ? [more] : [])];
}

function nodeColumns(ctx: AppContext, select: (node: string) => void): Column[] {
  const g = ctx.graph;
  const vis = ctx.visibility;
  const degree = (n: string) => (g ? g.edges(n).filter((e) => !vis.hiddenEdges.has(e)).length : 0);
  const mun = (n: string) =>
    facetValues(ctx.index.municipalities, n)
      .map((m) => (m === NONE ? '–' : labelOf(ctx, m)))
      .join(', ');
  const kind = (n: string) => (g ? kindHint(g.getNodeAttributes(n)) : '');
  const between = (n: string) => metricValue(ctx.analysis, n, 'betweenness');
  return [
    {
      id: 'name',
      label: () => t('table.name'),
      key: (n) => labelOf(ctx, n),
      cell: (n) =>
        h(
          'th',
          { attrs: { scope: 'row' } },
          h('button', {
            type: 'button',
            class: 'link',
            text: labelOf(ctx, n),
            dataset: { testid: 'table-actor', node: n },
            on: { click: () => select(n) },
          }),
        ),
    },
    { id: 'kind', label: () => t('table.kind'), key: kind, cell: (n) => h('td', { text: kind(n) }) },
    { id: 'municipality', label: () => t('table.municipality'), key: mun, cell: (n) => h('td', { text: mun(n) }) },
    {
      id: 'degree',
      label: () => t('table.degree'),
      num: true,
      key: degree,
      cell: (n) => h('td', { class: 'num', text: String(degree(n)) }),
    },
    {
      id: 'betweenness',
      label: () => t('table.betweenness'),
      num: true,
      key: between,
      cell: (n) => h('td', { class: 'num', text: fmt(between(n)) }),
    },
  ];
}

function relationColumns(ctx: AppContext): Column[] {
  const g = ctx.graph;
  const attr = (e: string) => (g ? g.getEdgeAttributes(e) : {});
  const from = (e: string) => (g ? labelOf(ctx, g.source(e)) : '');
  const to = (e: string) => (g ? labelOf(ctx, g.target(e)) : '');
  const rel = (e: string) => {
    const type = String(attr(e).type);
    return bi(relationKind(type)?.label) || type;
  };
  const ev = (e: string) => evidenceLabel(String(attr(e).evidence));
  const valid = (e: string) => {
    const a = attr(e);
    return a.validFrom || a.validTo ? `${String(a.validFrom ?? '…')} – ${String(a.validTo ?? '…')}` : '–';
  };
  const text = (key: (e: string) => string) => (e: string) => h('td', { text: key(e) });
  return [
    { id: 'from', label: () => t('table.from'), key: from, cell: text(from) },
    { id: 'relation', label: () => t('table.relation'), key: rel, cell: text(rel) },
    { id: 'to', label: () => t('table.to'), key: to, cell: text(to) },
    { id: 'evidence', label: () => t('table.evidence'), key: ev, cell: text(ev) },
    { id: 'valid', label: () => t('table.valid'), key: valid, cell: text(valid) },
    {
      id: 'sources',
      label: () => t('table.sources'),
      key: (e) => (Array.isArray(attr(e).sources) ? (attr(e).sources as unknown[]).length : 0),
      num: true,
      cell: (e) => h('td', {}, sourcesList(attr(e).sources)),
    },
  ];
}

export function tableView(ctx: AppContext, select: (node: string) => void): Panel {
  const el = h('section', { class: 'table-view', aria: { labelledby: 'tv-h' }, dataset: { testid: 'table-view' } });
  let nodeLimit = PAGE;
  let relLimit = PAGE;
  let nodeSort: Sort = { by: 'name', desc: false };
  let relSort: Sort = { by: 'from', desc: false };
  /** Rebuilds the tables (a sort, new analysis results): the sort button or actor that had the focus keeps it. */
  const rerender = () => {
    const active = document.activeElement;
    const had = active instanceof HTMLElement && el.contains(active) ? active.dataset : undefined;
    render();
    if (!had?.testid) return;
    const node = had.node ? `[data-node="${CSS.escape(had.node)}"]` : '';
    el.querySelector<HTMLElement>(`[data-testid="${had.testid}"]${node}`)?.focus();
  };
  const render = () => {
    const g = ctx.graph;
    if (!g) return replace(el);
    const vis = ctx.visibility;
    const nodes = g.filterNodes((n) => !vis.hiddenNodes.has(n));
    const edges = g.filterEdges((e) => !vis.hiddenEdges.has(e));
    replace(
      el,
      h('h2', { id: 'tv-h', text: t('table.title') }),
      ...sortableTable({
        id: 'nodes',
        caption: t('table.nodes', { n: nodes.length }),
        cols: nodeColumns(ctx, select),
        items: nodes,
        sort: nodeSort,
        limit: nodeLimit,
        onSort: (s) => ((nodeSort = s), rerender()),
        more: () => ((nodeLimit += PAGE), rerender()),
      }),
      ...sortableTable({
        id: 'relations',
        caption: t('table.relations', { n: edges.length }),
        cols: relationColumns(ctx),
        items: edges,
        sort: relSort,
        limit: relLimit,
        onSort: (s) => ((relSort = s), rerender()),
        more: () => ((relLimit += PAGE), rerender()),
      }),
    );
  };
  return { el, render, update: () => (ctx.store.get().mode === 'table' ? rerender() : undefined) };
}
