/**
 * The numeric filter: show only nodes whose measure is at least a bound ("Grad minst 3"). The measures are the
 * metric registry's node outputs; degree is counted from the ties the map shows, the others need the analysis.
 */
import { measureOptions } from '../analysis/metrics.js';
import type { AppContext } from '../context/context.js';
import { h, uid } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';

export function rangeGroup(ctx: AppContext): HTMLElement {
  const range = ctx.store.get().filters.range;
  const metricId = uid('range-metric');
  const minId = uid('range-min');
  const options = measureOptions().filter((m) => m.id === 'degree' || ctx.analysis !== null);
  const metric = h(
    'select',
    { id: metricId, dataset: { testid: 'range-metric' }, on: { change: () => apply() } },
    options.map((m) => h('option', { value: m.id, text: bi(m.label) })),
  );
  metric.value = range?.metric ?? 'degree';
  const min = h('input', {
    id: minId,
    type: 'number',
    value: range ? String(range.min) : '',
    attrs: { step: 'any', inputmode: 'decimal' },
    dataset: { testid: 'range-min' },
    on: { change: () => apply() },
  });
  const apply = () => {
    const v = min.value.trim() === '' ? NaN : Number(min.value);
    ctx.store.setFilters({ range: Number.isFinite(v) ? { metric: metric.value, min: v } : null });
  };
  return h(
    'fieldset',
    { class: 'filter-group', dataset: { testid: 'filter-group-range' } },
    h('legend', { text: t('filters.range') }),
    h('div', { class: 'field' }, h('label', { for: metricId, text: t('filters.rangeMeasure') }), metric),
    h('div', { class: 'field' }, h('label', { for: minId, text: t('filters.rangeMin') }), min),
    h('p', { class: 'hint', text: ctx.analysis ? t('filters.rangeHint') : t('filters.rangeDegreeOnly') }),
  );
}
