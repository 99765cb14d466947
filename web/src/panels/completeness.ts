/**
 * Register completeness (GET /api/completeness): how many actors of each type the register holds, against a
 * published count with its source, and how many of them have an education tie or a membership; the same per
 * municipality. Findings whose basis is absent point here.
 */
import type { CompletenessReport } from '../../../core/analysis/completeness/index.js';
import { api } from '../api/client.js';
import { h, replace } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import type { Panel } from './panel.js';

export interface CompletenessPanel extends Panel {
  /** Loads the report the first time it is needed. */
  open(): void;
}

type State = { status: 'idle' | 'loading' | 'error' } | { status: 'ok'; report: CompletenessReport };

const cell = (text: string, num = true) => h('td', { class: num ? 'num' : '', text });

function referenceCell(r: CompletenessReport['kinds'][number]['reference']) {
  if (!r) return cell(t('completeness.noReference'));
  const count = r.atLeast ? t('completeness.atLeast', { n: r.count }) : String(r.count);
  return h(
    'td',
    { class: 'num' },
    h('a', { href: r.source.url, text: count, attrs: { title: r.source.title, rel: 'noopener', target: '_blank' } }),
  );
}

function kindsTable(report: CompletenessReport) {
  const head = [
    t('completeness.kind'),
    t('completeness.registered'),
    t('completeness.reference'),
    t('completeness.educates'),
    t('completeness.member'),
  ];
  return h(
    'table',
    { class: 'data', dataset: { testid: 'completeness-kinds' } },
    h('caption', { text: t('completeness.kindsCaption') }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((text) => h('th', { attrs: { scope: 'col' }, text })),
      ),
    ),
    h(
      'tbody',
      {},
      h(
        'tr',
        {},
        cell(t('completeness.municipalities'), false),
        cell(String(report.municipalities.registered)),
        referenceCell(report.municipalities.reference),
        cell(''),
        cell(''),
      ),
      report.kinds.map((k) =>
        h(
          'tr',
          { dataset: { kind: k.kind } },
          cell(bi(k.label), false),
          cell(String(k.registered)),
          referenceCell(k.reference),
          cell(String(k.withRelation.EDUCATES_FOR ?? 0)),
          cell(String(k.withRelation.MEMBER_OF ?? 0)),
        ),
      ),
    ),
  );
}

function municipalitiesTable(report: CompletenessReport) {
  const head = [
    t('completeness.municipality'),
    t('completeness.actors'),
    t('completeness.educates'),
    t('completeness.member'),
  ];
  return h(
    'table',
    { class: 'data', dataset: { testid: 'completeness-municipalities' } },
    h('caption', { text: t('completeness.municipalitiesCaption') }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((text) => h('th', { attrs: { scope: 'col' }, text })),
      ),
    ),
    h(
      'tbody',
      {},
      report.municipalities.rows.map((m) =>
        h(
          'tr',
          {},
          cell(m.name, false),
          cell(String(m.actors)),
          cell(String(m.withRelation.EDUCATES_FOR ?? 0)),
          cell(String(m.withRelation.MEMBER_OF ?? 0)),
        ),
      ),
    ),
  );
}

export function completenessPanel(): CompletenessPanel {
  const el = h('div', { class: 'completeness', dataset: { testid: 'completeness' } });
  let state: State = { status: 'idle' };
  const load = async () => {
    state = { status: 'loading' };
    render();
    try {
      state = { status: 'ok', report: await api.completeness() };
    } catch {
      state = { status: 'error' };
    }
    render();
  };
  function render(): void {
    if (state.status === 'ok')
      return replace(
        el,
        h('p', { class: 'hint', text: t('completeness.intro') }),
        kindsTable(state.report),
        municipalitiesTable(state.report),
      );
    const text = state.status === 'error' ? t('completeness.error') : t('completeness.loading');
    replace(el, h('p', { class: 'hint', text }));
  }
  render();
  return { el, render, update: render, open: () => (state.status === 'idle' ? void load() : undefined) };
}
