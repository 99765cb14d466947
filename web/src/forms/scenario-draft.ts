/**
 * The "Tänk om" draft: ties or memberships to add (kind from a list, both ends picked by name) and actors to take
 * away. Kept in memory until the user saves it; the API analyses it without writing.
 */
import { RELATION_KINDS, relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import type { RelationInput, Source } from '../../../core/model/records.js';
import type { ScenarioDraft } from '../../../core/analysis/scenario/types.js';
import type { AppContext } from '../context/context.js';
import { labelOf, nodeItems } from '../context/items.js';
import { combobox } from '../dom/combobox.js';
import { h, replace, uid } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import { today } from './host.js';

export type DraftItem = { op: 'add'; type: string; from: string; to: string } | { op: 'remove'; id: string };

/** The kinds a planner drafts: every relation kind except the action plan's own. */
const DRAFT_KINDS = RELATION_KINDS.filter((k) => k.role !== 'plan');

/** How a draft item reads: "JTH utbildar för CAD", "Om Region Jönköpings län försvann". */
export function draftItemText(ctx: AppContext, item: DraftItem): string {
  if (item.op === 'remove') return t('scenario.removeItem', { name: labelOf(ctx, item.id) });
  const kind = relationKind(item.type);
  return `${labelOf(ctx, item.from)} – ${kind ? bi(kind.label) : ''} – ${labelOf(ctx, item.to)}`;
}

/** The source every drafted tie carries: the draft itself (the catalogue requires one). */
export const draftSource = (): Source => ({
  url: `${location.origin}/`,
  title: t('scenario.sourceTitle'),
  date: today(),
});

/** The draft as POST /api/scenarios takes it. */
export function draftBody(items: DraftItem[]): ScenarioDraft {
  const relations: RelationInput[] = [];
  const nodes: string[] = [];
  for (const it of items)
    if (it.op === 'add')
      relations.push({ type: it.type, from: it.from, to: it.to, evidence: 'uncertain', sources: [draftSource()] });
    else nodes.push(it.id);
  return { add: { relations }, remove: { nodes } };
}

/** The form that adds items to the draft; `onAdd` gets each new item. */
export function scenarioDraftForm(ctx: AppContext, onAdd: (item: DraftItem) => void): HTMLElement {
  const el = h('div', { class: 'scenario-draft', dataset: { testid: 'scenario-draft' } });
  let type = 'COLLABORATES_WITH';
  let from = '';
  let to = '';
  const error = h('p', { class: 'field-error', hidden: true, aria: { live: 'polite' } });

  const paint = () => {
    const kind = relationKind(type) ?? DRAFT_KINDS[0];
    const selId = uid('scenario-type');
    const sel = h(
      'select',
      {
        id: selId,
        dataset: { testid: 'scenario-type' },
        on: { change: () => ((type = sel.value), (from = ''), (to = ''), paint()) },
      },
      DRAFT_KINDS.map((k) => {
        const o = h('option', { value: k.id, text: bi(k.label) });
        if (k.id === kind.id) o.selected = true;
        return o;
      }),
    );
    const pick = (label: string, kinds: readonly string[], testid: string, set: (id: string) => void) =>
      combobox({ label, items: () => nodeItems(ctx, { kinds }), onChoose: (it) => set(it.id), testid }).el;
    const fromBox = pick(t('form.from'), kind.from, 'scenario-from', (id) => (from = id));
    const toBox = pick(t('form.to'), kind.to, 'scenario-to', (id) => (to = id));
    const add = () => {
      error.hidden = Boolean(from && to);
      error.textContent = from && to ? '' : t('scenario.pickBoth');
      if (!from || !to) return;
      onAdd({ op: 'add', type: kind.id, from, to });
      from = '';
      to = '';
      paint();
    };
    const removeBox = combobox({
      label: t('scenario.removeLabel'),
      items: () => nodeItems(ctx, { kinds: ['Organisation', 'Network'] }),
      onChoose: (it) => onAdd({ op: 'remove', id: it.id }),
      testid: 'scenario-remove',
    }).el;
    replace(
      el,
      h('h4', { text: t('scenario.addHeading') }),
      h('div', { class: 'field' }, h('label', { for: selId, text: t('form.relationType') }), sel),
      h('div', { class: 'field' }, fromBox),
      h('div', { class: 'field' }, toBox),
      error,
      h('button', {
        type: 'button',
        text: t('scenario.addTie'),
        dataset: { testid: 'scenario-add' },
        on: { click: add },
      }),
      h('h4', { text: t('scenario.removeHeading') }),
      h('div', { class: 'field' }, removeBox),
    );
  };
  paint();
  return el;
}
