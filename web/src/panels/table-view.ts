/**
 * The table view: the visible nodes and relations as accessible tables, an alternative to the map for
 * keyboard and screen-reader users and for copying into reports.
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

export function tableView(ctx: AppContext, select: (node: string) => void): Panel {
  const el = h('section', { class: 'table-view', aria: { labelledby: 'tv-h' }, dataset: { testid: 'table-view' } });
  let nodeLimit = PAGE;
  let relLimit = PAGE;
  const render = () => {
    const g = ctx.graph;
    if (!g) return replace(el);
    const vis = ctx.visibility;
    const nodes = g
      .filterNodes((n) => !vis.hiddenNodes.has(n))
      .sort((a, b) => labelOf(ctx, a).localeCompare(labelOf(ctx, b), 'sv'));
    const edges = g.filterEdges((e) => !vis.hiddenEdges.has(e));
    const degree = (n: string) => g.edges(n).filter((e) => !vis.hiddenEdges.has(e)).length;
    const mun = (n: string) =>
      facetValues(ctx.index.municipalities, n)
        .map((m) => (m === NONE ? '–' : labelOf(ctx, m)))
        .join(', ');
    replace(
      el,
      h('h2', { id: 'tv-h', text: t('table.title') }),
      h(
        'table',
        { class: 'data', dataset: { testid: 'table-nodes' } },
        h('caption', { text: t('table.nodes', { n: nodes.length }) }),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [t('table.name'), t('table.kind'), t('table.municipality'), t('table.degree'), t('table.betweenness')].map(
              (c) => h('th', { attrs: { scope: 'col' }, text: c }),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          nodes
            .slice(0, nodeLimit)
            .map((n) =>
              h(
                'tr',
                {},
                h(
                  'th',
                  { attrs: { scope: 'row' } },
                  h('button', { type: 'button', class: 'link', text: labelOf(ctx, n), on: { click: () => select(n) } }),
                ),
                h('td', { text: kindHint(g.getNodeAttributes(n)) }),
                h('td', { text: mun(n) }),
                h('td', { class: 'num', text: String(degree(n)) }),
                h('td', { class: 'num', text: fmt(metricValue(ctx.analysis, n, 'betweenness')) }),
              ),
            ),
        ),
      ),
      nodes.length > nodeLimit
        ? h('button', { type: 'button', text: t('table.more'), on: { click: () => ((nodeLimit += PAGE), render()) } })
        : null,
      h(
        'table',
        { class: 'data', dataset: { testid: 'table-relations' } },
        h('caption', { text: t('table.relations', { n: edges.length }) }),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [
              t('table.from'),
              t('table.relation'),
              t('table.to'),
              t('table.evidence'),
              t('table.valid'),
              t('table.sources'),
            ].map((c) => h('th', { attrs: { scope: 'col' }, text: c })),
          ),
        ),
        h(
          'tbody',
          {},
          edges.slice(0, relLimit).map((e) => {
            const a = g.getEdgeAttributes(e);
            return h(
              'tr',
              {},
              h('td', { text: labelOf(ctx, g.source(e)) }),
              h('td', { text: bi(relationKind(String(a.type))?.label) || String(a.type) }),
              h('td', { text: labelOf(ctx, g.target(e)) }),
              h('td', { text: evidenceLabel(String(a.evidence)) }),
              h('td', {
                text: a.validFrom || a.validTo ? `${String(a.validFrom ?? '…')} – ${String(a.validTo ?? '…')}` : '–',
              }),
              h('td', {}, sourcesList(a.sources)),
            );
          }),
        ),
      ),
      edges.length > relLimit
        ? h('button', { type: 'button', text: t('table.more'), on: { click: () => ((relLimit += PAGE), render()) } })
        : null,
    );
  };
  return { el, render, update: () => (ctx.store.get().mode === 'table' ? render() : undefined) };
}
