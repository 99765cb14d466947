/**
 * Details of the selected actor: attributes (labelled from the catalogue), its measures and rank, brokerage
 * roles in words, and its relations grouped by kind with sources and evidence.
 */
import { VALUE_LABELS } from '../../../core/model/field-text.js';
import { nodeKind } from '../../../core/model/catalogue/node-kinds.js';
import type { AppContext } from '../context/context.js';
import { kindHint, labelOf } from '../context/items.js';
import { h, replace, safeLink } from '../dom/h.js';
import { nodeName } from '../graph/derive.js';
import { canEdit } from '../api/session.js';
import { bi, getLang, t } from '../i18n/i18n.js';
import { metricsSection } from './details-metrics.js';
import { relationsSection } from './details-relations.js';
import type { Panel } from './panel.js';

export interface DetailsActions {
  focus: (node: string) => void;
  editNode: (node: string) => void;
  deleteNode: (node: string) => void;
  editRelation: (id: string) => void;
  newRelationFrom: (node: string) => void;
}

function valueText(ctx: AppContext, kindId: string, prop: string, v: unknown): HTMLElement | string {
  const kind = nodeKind(kindId);
  const labelFor = (x: unknown) =>
    kind?.enums?.[prop]?.find((o) => o.value === x)?.label ?? (typeof x === 'string' ? VALUE_LABELS[x] : undefined);
  if (Array.isArray(v)) return v.map((x) => (labelFor(x) ? bi(labelFor(x)) : String(x))).join(', ');
  if (typeof v === 'boolean') return v ? t('value.yes') : t('value.no');
  const enumLabel = labelFor(v);
  if (enumLabel) return bi(enumLabel);
  if (prop === 'website' && typeof v === 'string') return safeLink(v, v);
  if (prop === 'municipality' && typeof v === 'string') return labelOf(ctx, v);
  // A code is shown by its name, the code at most in parentheses.
  if (prop === 'primarySni' && typeof v === 'string') return `${labelOf(ctx, `sni:${v}`)} (${v})`;
  if (prop === 'kommunkod' && kindId === 'Organisation' && typeof v === 'string')
    return `${labelOf(ctx, `kommun:${v}`)} (${v})`;
  return String(v);
}

export function detailsPanel(ctx: AppContext, actions: DetailsActions): Panel {
  const el = h('div', { class: 'details', dataset: { testid: 'details' } });
  const render = () => {
    const node = ctx.selected ?? ctx.store.get().focus;
    const g = ctx.graph;
    if (!node || !g || !g.hasNode(node)) {
      replace(el, h('p', { class: 'hint', text: t('details.empty') }));
      return;
    }
    const a = g.getNodeAttributes(node);
    const kind = nodeKind(String(a.kind));
    const props = Object.keys(kind?.propLabels ?? {}).filter((p) => a[p] !== undefined && a[p] !== null && a[p] !== '');
    const other = getLang() === 'sv' ? a.nameEn : a.name;
    replace(
      el,
      h('h3', { class: 'node-name', dataset: { testid: 'details-name' }, text: nodeName(a, getLang()) }),
      typeof other === 'string' && other !== nodeName(a, getLang()) ? h('p', { class: 'hint', text: other }) : null,
      h('p', { class: 'kind' }, h('span', { text: kindHint(a) })),
      h(
        'div',
        { class: 'row' },
        h('button', {
          type: 'button',
          text: t('details.focus'),
          dataset: { testid: 'details-focus' },
          on: { click: () => actions.focus(node) },
        }),
        canEdit() && [
          h('button', {
            type: 'button',
            text: t('action.edit'),
            dataset: { testid: 'details-edit' },
            on: { click: () => actions.editNode(node) },
          }),
          h('button', {
            type: 'button',
            text: t('details.addRelation'),
            dataset: { testid: 'details-add-relation' },
            on: { click: () => actions.newRelationFrom(node) },
          }),
          h('button', {
            type: 'button',
            class: 'danger',
            text: t('action.delete'),
            dataset: { testid: 'details-delete' },
            on: { click: () => actions.deleteNode(node) },
          }),
        ],
      ),
      props.length > 0
        ? h(
            'dl',
            { class: 'attrs' },
            props.flatMap((p) => [
              h('dt', { text: bi(kind?.propLabels[p]) }),
              h('dd', {}, valueText(ctx, String(a.kind), p, a[p])),
            ]),
          )
        : null,
      h('h4', { text: t('details.metrics') }),
      metricsSection(ctx, node),
      h('h4', { text: t('details.relations') }),
      relationsSection(ctx, node, actions),
    );
  };
  render();
  return { el, render, update: render };
}
