/** Ties the register lacks: pick the other end in the register, or suggest an organisation that is missing. */
import { h, uid } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import type { NewTie, RelationChoice } from './api.js';
import { nameOf, remember, type SurveyCtx } from './context.js';
import { picker } from './picker.js';
import { tieFields } from './tie-fields.js';

/** The round's kinds an organisation reports from its own side (it is the relation's `from`). */
const ownKinds = (ctx: SurveyCtx, to?: string): RelationChoice[] =>
  ctx.q.choices.relationTypes.filter((k) => k.from.includes('Organisation') && (!to || k.to.includes(to)));

function kindSelect(kinds: RelationChoice[], testid: string) {
  const id = uid('kind');
  const select = h(
    'select',
    { id, dataset: { testid } },
    kinds.map((k) => h('option', { value: k.id, text: bi(k.label) })),
  );
  return { select, field: h('div', { class: 'field' }, h('label', { for: id, text: t('survey.add.kind') }), select) };
}

/** "samverkar med Tranås kommun", "medlem i (föreslagen) Höglandets utvecklingsråd". */
function tieText(ctx: SurveyCtx, tie: NewTie): string {
  const kind = ctx.q.choices.relationTypes.find((k) => k.id === tie.type);
  const label = kind ? bi(tie.direction === 'in' ? kind.inverseLabel : kind.label) : '';
  const other = tie.counterpartId
    ? nameOf(ctx, tie.counterpartId)
    : t('survey.suggest.named', { name: tie.newOrganisation?.name ?? '' });
  return `${label} ${other}`;
}

function addedCard(tie: NewTie, ctx: SurveyCtx, redraw: () => void): HTMLElement {
  const titleId = uid('added');
  const text = tieText(ctx, tie);
  return h(
    'li',
    {
      class: 'tie card',
      dataset: { testid: 'added-tie', other: tie.counterpartId ?? '' },
      aria: { labelledby: titleId },
    },
    h('p', { id: titleId, class: 'question', text: text }),
    tieFields(tie, ctx),
    h('button', {
      type: 'button',
      class: 'secondary',
      text: t('survey.add.remove'),
      aria: { label: t('survey.add.removeNamed', { tie: text }) },
      on: {
        click: () => {
          ctx.answers.newTies = ctx.answers.newTies.filter((a) => a !== tie);
          ctx.changed();
          redraw();
        },
      },
    }),
  );
}

function searchForm(ctx: SurveyCtx, added: () => void): HTMLElement {
  const kinds = ownKinds(ctx);
  const kind = kindSelect(kinds, 'add-kind');
  const chosen = () => kinds.find((k) => k.id === kind.select.value);
  return h(
    'div',
    { class: 'add-search' },
    kind.field,
    picker({
      label: t('survey.add.search'),
      kinds: () => chosen()?.to ?? [],
      search: ctx.search,
      exclude: (id) => id === ctx.q.organisation.id,
      pick: (hit) => {
        remember(ctx, hit);
        ctx.answers.newTies.push({ type: kind.select.value, counterpartId: hit.id, direction: 'out' });
        ctx.changed();
        added();
      },
      testid: 'add-search',
    }),
  );
}

/** A missing organisation: its name and the kind of tie; the editor looks into it in the review. */
function suggestForm(ctx: SurveyCtx, added: () => void): HTMLElement {
  const kinds = ownKinds(ctx, 'Organisation');
  const kind = kindSelect(kinds, 'suggest-kind');
  const nameId = uid('sname');
  const typeId = uid('stype');
  const name = h('input', {
    id: nameId,
    type: 'text',
    attrs: { maxlength: '200' },
    dataset: { testid: 'suggest-name' },
  });
  const orgType = h(
    'select',
    { id: typeId },
    h('option', { value: '', text: t('survey.suggest.typeUnknown') }),
    ctx.q.choices.orgTypes.map((o) => h('option', { value: o.value, text: bi(o.label) })),
  );
  const error = h('p', { class: 'error', role: 'alert' });
  const add = () => {
    const n = name.value.trim();
    error.textContent = n.length >= 2 ? '' : t('survey.suggest.needName');
    if (n.length < 2) return name.focus();
    const org = { name: n, ...(orgType.value ? { orgType: orgType.value } : {}) };
    ctx.answers.newTies.push({ type: kind.select.value, newOrganisation: org, direction: 'out' });
    name.value = '';
    ctx.changed();
    added();
  };
  return h(
    'div',
    { class: 'suggest' },
    h('h3', { text: t('survey.suggest.title') }),
    h('div', { class: 'field' }, h('label', { for: nameId, text: t('survey.suggest.name') }), name),
    h('div', { class: 'field' }, h('label', { for: typeId, text: t('survey.suggest.type') }), orgType),
    kind.field,
    error,
    h('button', {
      type: 'button',
      class: 'secondary',
      text: t('survey.suggest.add'),
      dataset: { testid: 'suggest-add' },
      on: { click: add },
    }),
  );
}

export function addSection(ctx: SurveyCtx): HTMLElement {
  const list = h('ul', { class: 'ties', dataset: { testid: 'added-ties' } });
  const redraw = () => list.replaceChildren(...ctx.answers.newTies.map((a) => addedCard(a, ctx, redraw)));
  redraw();
  return h(
    'section',
    { class: 'block', aria: { labelledby: 'add-title' } },
    h('h2', { id: 'add-title', text: t('survey.add.title') }),
    h('p', { text: t('survey.add.intro') }),
    list,
    searchForm(ctx, redraw),
    suggestForm(ctx, redraw),
  );
}
