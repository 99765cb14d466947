/** The actor's measures with their rank, and its brokerage roles explained in words. */
import type { AppContext } from '../context/context.js';
import { measureOptions, metricValue, ranks } from '../analysis/metrics.js';
import { BROKERAGE_ROLES } from '../../../core/analysis/brokerage.js';
import { h } from '../dom/h.js';
import { bi, fmt, t, tk } from '../i18n/i18n.js';

const MAIN = [
  'degree',
  'betweenness',
  'closeness',
  'harmonic',
  'eigenvector',
  'pagerank',
  'coreNumber',
  'clustering',
  'constraint',
  'effectiveSize',
];

const ROLE_TEXT: Record<string, string> = {
  coordinator: tk('brokerage.coordinator'),
  itinerant: tk('brokerage.itinerant'),
  representative: tk('brokerage.representative'),
  gatekeeper: tk('brokerage.gatekeeper'),
  liaison: tk('brokerage.liaison'),
};

export function metricsSection(ctx: AppContext, node: string): HTMLElement {
  const res = ctx.analysis;
  if (!res || !res.nodes[node]) return h('p', { class: 'hint', text: t('details.noMetrics') });
  const total = Object.keys(res.nodes).length;
  const rows = measureOptions()
    .filter((m) => MAIN.includes(m.id))
    .map((m) => {
      const v = metricValue(res, node, m.id);
      const r = ranks(res, m.id).get(node);
      return h(
        'tr',
        {},
        h('th', { attrs: { scope: 'row' }, text: bi(m.label) }),
        h('td', { text: fmt(v) }),
        h('td', { text: r ? t('details.rank', { rank: r, total }) : '–' }),
      );
    });
  const nm = res.nodes[node];
  const roles = BROKERAGE_ROLES.filter((role) => (nm.brokerage[role] ?? 0) > 0);
  const sentences = roles.map((role) =>
    h('li', { text: t(ROLE_TEXT[role], { n: fmt(nm.brokerage[role]), z: fmt(nm.brokerageZ[role], 2) }) }),
  );
  return h(
    'div',
    { dataset: { testid: 'details-metrics' } },
    h(
      'table',
      { class: 'metrics' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { text: t('details.measure') }),
          h('th', { text: t('details.value') }),
          h('th', { text: t('details.rankTitle') }),
        ),
      ),
      h('tbody', {}, rows),
    ),
    h('h4', { text: t('details.brokerage') }),
    sentences.length > 0
      ? h('ul', { class: 'brokerage' }, sentences)
      : h('p', { class: 'hint', text: t('brokerage.none') }),
    h('p', { class: 'hint', text: t('brokerage.partition') }),
    nm.articulationPoint
      ? h('p', { class: 'warning', text: t('details.cutPoint', { n: fmt(nm.removal.deltaComponents) }) })
      : null,
  );
}
