/**
 * Filters: node kind, organisation type, municipality, sector, relation kind, evidence level and an as-of date
 * (a time slider over validFrom/validTo). Filters only hide (reducers); the data is never changed.
 */
import { NODE_KINDS, ORGANISATION_TYPES } from '../../../core/model/catalogue/node-kinds.js';
import { RELATION_KINDS } from '../../../core/model/catalogue/relation-kinds.js';
import type { AppContext } from '../context/context.js';
import { labelOf } from '../context/items.js';
import { h, replace, uid } from '../dom/h.js';
import { dateRange } from '../graph/filters.js';
import { bi, t, tk } from '../i18n/i18n.js';
import { evidenceLabel } from '../map/encodings.js';
import { NONE, emptyFilters, type Filters } from '../state/types.js';
import { rangeGroup } from './filter-range.js';
import type { Panel } from './panel.js';

type ListKey = Exclude<keyof Filters, 'asOf' | 'range'>;
interface Option {
  value: string;
  label: string;
  count: number;
}

function counts(ctx: AppContext): Record<ListKey, Map<string, number>> {
  const c: Record<ListKey, Map<string, number>> = {
    kinds: new Map(),
    orgTypes: new Map(),
    municipalities: new Map(),
    sectors: new Map(),
    relationTypes: new Map(),
    evidence: new Map(),
  };
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const g = ctx.graph;
  if (!g) return c;
  g.forEachNode((n, a) => {
    inc(c.kinds, String(a.kind));
    if (a.kind === 'Organisation') inc(c.orgTypes, typeof a.orgType === 'string' ? a.orgType : NONE);
    for (const m of ctx.index.municipalities.get(n) ?? [NONE]) inc(c.municipalities, m);
    for (const s of ctx.index.sectors.get(n) ?? [NONE]) inc(c.sectors, s);
  });
  g.forEachEdge((_e, a) => {
    inc(c.relationTypes, String(a.type));
    inc(c.evidence, String(a.evidence ?? NONE));
  });
  return c;
}

function options(ctx: AppContext, key: ListKey, count: Map<string, number>): Option[] {
  const opt = (value: string, label: string): Option => ({ value, label, count: count.get(value) ?? 0 });
  const present = (o: Option) => o.count > 0;
  switch (key) {
    case 'kinds':
      return NODE_KINDS.map((k) => opt(k.id, bi(k.plural))).filter(present);
    case 'orgTypes':
      return [...ORGANISATION_TYPES.map((o) => opt(o.value, bi(o.label))), opt(NONE, t('value.missing'))].filter(
        present,
      );
    case 'relationTypes':
      return RELATION_KINDS.map((k) => opt(k.id, bi(k.label))).filter(present);
    case 'evidence':
      return ['confirmed', 'probable', 'uncertain'].map((e) => opt(e, evidenceLabel(e))).filter(present);
    default: {
      const values = [...count.keys()].filter((v) => v !== NONE);
      const out = values.map((v) => opt(v, labelOf(ctx, v))).sort((a, b) => a.label.localeCompare(b.label, 'sv'));
      if (count.has(NONE)) out.push(opt(NONE, t('value.missing')));
      return out;
    }
  }
}

const GROUPS: { key: ListKey; title: string }[] = [
  { key: 'kinds', title: tk('filters.kinds') },
  { key: 'orgTypes', title: tk('filters.orgTypes') },
  { key: 'municipalities', title: tk('filters.municipalities') },
  { key: 'sectors', title: tk('filters.sectors') },
  { key: 'relationTypes', title: tk('filters.relationTypes') },
  { key: 'evidence', title: tk('filters.evidence') },
];

function group(ctx: AppContext, key: ListKey, title: string, opts: Option[]): HTMLElement {
  const current = ctx.store.get().filters[key];
  const set = (values: string[]) => ctx.store.setFilters({ [key]: values.length === opts.length ? null : values });
  const boxes = opts.map((o) => {
    const id = uid(`f-${key}`);
    const input = h('input', {
      id,
      type: 'checkbox',
      value: o.value,
      checked: current === null || current.includes(o.value),
      dataset: { testid: `filter-${key}-${o.value}` },
      on: {
        change: () => set(boxes.filter((b) => b.input.checked).map((b) => b.input.value)),
      },
    });
    return {
      input,
      el: h('li', {}, input, h('label', { for: id }, o.label, h('span', { class: 'count', text: ` (${o.count})` }))),
    };
  });
  return h(
    'fieldset',
    { class: 'filter-group', dataset: { testid: `filter-group-${key}` } },
    h('legend', { text: t(title) }),
    h(
      'div',
      { class: 'row small' },
      h('button', {
        type: 'button',
        class: 'link',
        text: t('filters.all'),
        dataset: { testid: `filter-${key}-all` },
        on: { click: () => ctx.store.setFilters({ [key]: null }) },
      }),
      h('button', {
        type: 'button',
        class: 'link',
        text: t('filters.none'),
        dataset: { testid: `filter-${key}-none` },
        on: { click: () => set([]) },
      }),
    ),
    h(
      'ul',
      { class: 'checklist' },
      boxes.map((b) => b.el),
    ),
  );
}

const DAY = 86_400_000;
const toDays = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY);
const fromDays = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

function timeGroup(ctx: AppContext): HTMLElement {
  const range = ctx.graph ? dateRange(ctx.graph) : null;
  const asOf = ctx.store.get().filters.asOf;
  const today = new Date().toISOString().slice(0, 10);
  const min = range ? (range.min < today ? range.min : today) : today;
  const max = range ? (range.max > today ? range.max : today) : today;
  const enabledId = uid('asof-on');
  const sliderId = uid('asof-slider');
  const value = asOf ?? today;
  const out = h('output', { for: sliderId, text: asOf ?? t('filters.allDates') });
  const slider = h('input', {
    id: sliderId,
    type: 'range',
    disabled: asOf === null,
    attrs: { min: String(toDays(min)), max: String(toDays(max)), step: '1', 'aria-valuetext': value },
    value: String(toDays(value)),
    dataset: { testid: 'asof-slider' },
    on: {
      input: () => {
        out.textContent = fromDays(Number(slider.value));
        slider.setAttribute('aria-valuetext', out.textContent);
      },
      change: () => ctx.store.setFilters({ asOf: fromDays(Number(slider.value)) }),
    },
  });
  const date = h('input', {
    type: 'date',
    value: asOf ?? '',
    disabled: asOf === null,
    aria: { label: t('filters.asOfDate') },
    dataset: { testid: 'asof-date' },
    on: { change: () => date.value && ctx.store.setFilters({ asOf: date.value }) },
  });
  const enabled = h('input', {
    id: enabledId,
    type: 'checkbox',
    checked: asOf !== null,
    dataset: { testid: 'asof-enabled' },
    on: { change: () => ctx.store.setFilters({ asOf: enabled.checked ? fromDays(Number(slider.value)) : null }) },
  });
  return h(
    'fieldset',
    { class: 'filter-group' },
    h('legend', { text: t('filters.asOf') }),
    h('div', { class: 'row' }, enabled, h('label', { for: enabledId, text: t('filters.asOfEnable') })),
    h('label', { for: sliderId, class: 'sr-only', text: t('filters.asOfSlider') }),
    slider,
    h('div', { class: 'row' }, out, date),
    h('p', {
      class: 'hint',
      text: range ? t('filters.asOfRange', { min: range.min, max: range.max }) : t('filters.asOfNoDates'),
    }),
  );
}

export function filtersPanel(ctx: AppContext): Panel {
  const el = h('section', { class: 'panel', id: 'filters-panel', aria: { labelledby: 'filters-h' } });
  const render = () => {
    const c = counts(ctx);
    const f = ctx.store.get().filters;
    const active = Object.values(f).some((v) => v !== null);
    replace(
      el,
      h('h2', { id: 'filters-h', text: t('filters.title') }),
      h(
        'div',
        { class: 'row' },
        h('p', {
          class: 'hint',
          dataset: { testid: 'filter-summary' },
          text: t('filters.summary', {
            nodes: (ctx.graph?.order ?? 0) - ctx.visibility.hiddenNodes.size,
            total: ctx.graph?.order ?? 0,
          }),
        }),
        active
          ? h('button', {
              type: 'button',
              class: 'link',
              text: t('filters.reset'),
              dataset: { testid: 'filters-reset' },
              on: { click: () => ctx.store.set({ filters: emptyFilters() }) },
            })
          : null,
      ),
      ...GROUPS.map((g) => group(ctx, g.key, g.title, options(ctx, g.key, c[g.key]))),
      timeGroup(ctx),
      rangeGroup(ctx),
    );
  };
  render();
  return { el, render, update: render };
}
