/**
 * A new survey round: title, the relation kinds to ask about (labels from the catalogue), the respondents (every
 * member of a network, optionally with its sub-networks, plus single organisations) and the closing date.
 */
import { relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import { SURVEY_RELATION_TYPES } from '../../../core/survey/schemas.js';
import { surveysApi } from '../api/surveys.js';
import type { AppContext } from '../context/context.js';
import { labelOf, nodeItems } from '../context/items.js';
import { combobox } from '../dom/combobox.js';
import { h, uid } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import { errorText } from './survey-shared.js';

/** Organisations that are members of a network, and with `nested` of the networks that are part of it. */
export function membersOf(ctx: AppContext, network: string, nested: boolean): string[] {
  const g = ctx.graph;
  if (!g || !g.hasNode(network)) return [];
  const networks = new Set([network]);
  const queue = [network];
  while (nested && queue.length) {
    const n = queue.shift() as string;
    g.forEachInEdge(n, (_e, a, src) => {
      if (a.type === 'PART_OF' && g.getNodeAttribute(src, 'kind') === 'Network' && !networks.has(src)) {
        networks.add(src);
        queue.push(src);
      }
    });
  }
  const out = new Set<string>();
  for (const nw of networks)
    g.forEachInEdge(nw, (_e, a, src) => {
      if (a.type === 'MEMBER_OF' && g.getNodeAttribute(src, 'kind') === 'Organisation') out.add(src);
    });
  return [...out];
}

const inAMonth = () => new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);

type SurveyKind = (typeof SURVEY_RELATION_TYPES)[number];

function kindChecks(): { el: HTMLElement; chosen: () => SurveyKind[] } {
  const boxes = SURVEY_RELATION_TYPES.map((id) => {
    const box = h('input', { type: 'checkbox', value: id, checked: id === 'COLLABORATES_WITH' || id === 'MEMBER_OF' });
    return { id, box, el: h('label', { class: 'inline' }, box, bi(relationKind(id)?.label)) };
  });
  return {
    el: h(
      'fieldset',
      { dataset: { testid: 'survey-kinds' } },
      h('legend', { text: t('surveys.create.kinds') }),
      boxes.map((b) => b.el),
    ),
    chosen: () => boxes.filter((b) => b.box.checked).map((b) => b.id),
  };
}

type Contact = { role: string; email: string };

/** A respondent's row: the name, the role to address and a mail address (both optional), and remove. */
function respondentRow(name: string, contact: Contact, remove: () => void): HTMLElement {
  const field = (key: keyof Contact, type: string, label: string, testid: string) =>
    h('input', {
      type,
      value: contact[key],
      attrs: { maxlength: key === 'role' ? '100' : '254', autocomplete: 'off' },
      aria: { label },
      dataset: { testid },
      on: { input: (e) => (contact[key] = (e.target as HTMLInputElement).value.trim()) },
    });
  return h(
    'li',
    { class: 'respondent' },
    h('span', { class: 'strong', text: name }),
    field('role', 'text', t('surveys.create.roleFor', { name }), 'survey-role'),
    field('email', 'email', t('surveys.create.emailFor', { name }), 'survey-email'),
    h('button', {
      type: 'button',
      class: 'link',
      text: t('surveys.create.remove'),
      aria: { label: t('surveys.create.removeNamed', { name }) },
      on: { click: remove },
    }),
  );
}

/** The respondents: a list that networks and single organisations are added to. */
function respondentPicker(ctx: AppContext) {
  const chosen = new Map<string, Contact>();
  const add = (id: string) => chosen.has(id) || chosen.set(id, { role: '', email: '' });
  const list = h('ul', { class: 'views', dataset: { testid: 'survey-respondents' } });
  const count = h('p', { class: 'hint', role: 'status' });
  const redraw = () => {
    count.textContent = t('surveys.create.count', { n: chosen.size });
    list.replaceChildren(
      ...[...chosen]
        .sort(([a], [b]) => labelOf(ctx, a).localeCompare(labelOf(ctx, b), 'sv'))
        .map(([id, contact]) => respondentRow(labelOf(ctx, id), contact, () => (chosen.delete(id), redraw()))),
    );
  };
  const networkId = uid('nw');
  const network = h(
    'select',
    { id: networkId, dataset: { testid: 'survey-network' } },
    nodeItems(ctx, { kinds: ['Network'] })
      .sort((a, b) => a.label.localeCompare(b.label, 'sv'))
      .map((i) => h('option', { value: i.id, text: i.label })),
  );
  const nested = h('input', { type: 'checkbox', checked: true });
  const org = combobox({
    label: t('surveys.create.org'),
    items: () => nodeItems(ctx, { kinds: ['Organisation'] }),
    onChoose: (item) => (add(item.id), org.clear(), redraw()),
    testid: 'survey-org',
  });
  redraw();
  const el = h(
    'fieldset',
    {},
    h('legend', { text: t('surveys.create.respondents') }),
    h('div', { class: 'field' }, h('label', { for: networkId, text: t('surveys.create.network') }), network),
    h('label', { class: 'inline' }, nested, t('surveys.create.nested')),
    h('button', {
      type: 'button',
      text: t('surveys.create.addMembers'),
      dataset: { testid: 'survey-add-members' },
      on: { click: () => (membersOf(ctx, network.value, nested.checked).forEach(add), redraw()) },
    }),
    org.el,
    count,
    h('p', { class: 'hint', text: t('surveys.create.contactHint') }),
    list,
  );
  const chosenList = () =>
    [...chosen].map(([nodeId, c]) =>
      c.role || c.email
        ? { nodeId, ...(c.role ? { role: c.role } : {}), ...(c.email ? { email: c.email } : {}) }
        : nodeId,
    );
  return { el, chosen: chosenList };
}

/** The form; `created` gets the new round's id. */
export function createForm(ctx: AppContext, created: (id: string) => void): HTMLElement {
  const titleId = uid('title');
  const dateId = uid('closes');
  const title = h('input', {
    id: titleId,
    type: 'text',
    attrs: { maxlength: '200' },
    dataset: { testid: 'survey-title' },
  });
  const closes = h('input', { id: dateId, type: 'date', value: inAMonth(), dataset: { testid: 'survey-closes' } });
  const kinds = kindChecks();
  const people = respondentPicker(ctx);
  const out = h('p', { role: 'status', class: 'hint' });
  const submit = async () => {
    out.textContent = '';
    const body = {
      title: title.value.trim(),
      relationTypes: kinds.chosen(),
      respondents: people.chosen(),
      closesAt: closes.value,
    };
    const missing = !body.title
      ? t('surveys.create.needTitle')
      : !body.relationTypes.length
        ? t('surveys.create.needKinds')
        : !body.respondents.length
          ? t('surveys.create.needRespondents')
          : !body.closesAt
            ? t('surveys.create.needDate')
            : '';
    if (missing) return void (out.textContent = missing);
    try {
      const r = await surveysApi.create(body);
      out.textContent = t('surveys.create.done');
      created(r.id);
    } catch (err) {
      out.textContent = errorText(err);
    }
  };
  return h(
    'form',
    {
      class: 'edit-form',
      dataset: { testid: 'survey-create' },
      on: { submit: (e) => (e.preventDefault(), void submit()) },
    },
    h('div', { class: 'field' }, h('label', { for: titleId, text: t('surveys.create.title') }), title),
    kinds.el,
    people.el,
    h('div', { class: 'field' }, h('label', { for: dateId, text: t('surveys.create.closes') }), closes),
    h('button', {
      type: 'submit',
      class: 'primary',
      text: t('surveys.create.submit'),
      dataset: { testid: 'survey-create-submit' },
    }),
    out,
  );
}
