/**
 * History: who changed what and when (newest first), filtered by record and by author, and the map as of a date
 * through the map's own date filter (the same `asOf` as under Filter, not a second notion of time).
 */
import { relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import type { AppContext } from '../context/context.js';
import { labelOf, nodeItems } from '../context/items.js';
import { combobox } from '../dom/combobox.js';
import { h, replace, uid } from '../dom/h.js';
import { bi, getLang, t, tk } from '../i18n/i18n.js';
import type { Panel } from './panel.js';

interface Entry {
  seq: number;
  recordId: string;
  recordType: 'node' | 'relation';
  op: 'create' | 'update' | 'delete';
  actor: string;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Entries shown at most; the timeline reads pages up to READ_MAX entries to find the newest. */
const SHOWN = 100;
const PAGE = 1000;
const READ_MAX = 10_000;

const OP_TEXT: Record<Entry['op'], string> = {
  create: tk('history.op.create'),
  update: tk('history.op.update'),
  delete: tk('history.op.delete'),
};
/** Writers that are not people: the seed, the command line, the install without accounts. */
const AUTHOR_TEXT: Record<string, string> = {
  seed: tk('history.author.seed'),
  cli: tk('history.author.cli'),
  local: tk('history.author.local'),
};
const authorName = (a: string) => (AUTHOR_TEXT[a] ? t(AUTHOR_TEXT[a]) : a);

async function fetchEntries(record: string, author: string): Promise<Entry[]> {
  let all: Entry[] = [];
  let offset: number | null = 0;
  while (offset !== null && offset < READ_MAX) {
    const q = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
    if (record) q.set('record', record);
    if (author) q.set('author', author);
    const res = await fetch(`/api/history?${q.toString()}`, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const page = (await res.json()) as { items: Entry[]; nextOffset: number | null };
    all = all.concat(page.items).slice(-SHOWN);
    offset = page.nextOffset;
  }
  return all.reverse();
}

/** The record in words: an actor's name, or "A – B (tie kind)". */
function recordText(ctx: AppContext, e: Entry): string {
  const r = e.after ?? e.before ?? {};
  if (e.recordType === 'node') return ctx.graph?.hasNode(e.recordId) ? labelOf(ctx, e.recordId) : String(r.name ?? '');
  const kind = relationKind(String(r.type ?? ''));
  return t('history.relation', {
    from: labelOf(ctx, String(r.from ?? '')),
    to: labelOf(ctx, String(r.to ?? '')),
    type: kind ? bi(kind.label) : '',
  });
}

export function historyPanel(ctx: AppContext): Panel & { open: () => void } {
  const el = h('div', { class: 'history', dataset: { testid: 'history' } });
  const list = h('div', { aria: { live: 'polite' } });
  const asOfHost = h('div');
  let record = '';
  let author = '';
  let entries: Entry[] = [];
  const authors = new Set<string>();

  const load = async () => {
    replace(list, h('p', { class: 'hint', text: t('history.loading') }));
    try {
      entries = await fetchEntries(record, author);
      for (const e of entries) authors.add(e.actor);
      render();
    } catch {
      replace(list, h('p', { class: 'error', text: t('history.failed') }));
    }
  };

  const entryItem = (e: Entry) => {
    const when = new Date(e.at).toLocaleString(getLang() === 'sv' ? 'sv-SE' : 'en-GB');
    return h(
      'li',
      { dataset: { record: e.recordId } },
      h('time', { attrs: { datetime: e.at }, text: when }),
      ' ',
      t(OP_TEXT[e.op], { who: authorName(e.actor), what: recordText(ctx, e) }),
      ' ',
      record
        ? null
        : h('button', {
            type: 'button',
            class: 'link small',
            text: t('history.onlyThis'),
            aria: { label: t('history.onlyThisLabel', { what: recordText(ctx, e) }) },
            on: { click: () => ((record = e.recordId), void load()) },
          }),
    );
  };

  const filters = () => {
    const pick = combobox({
      label: t('history.record'),
      items: () => nodeItems(ctx),
      onChoose: (it) => ((record = it.id), void load()),
      testid: 'history-record',
    });
    const selId = uid('history-author');
    const sel = h(
      'select',
      { id: selId, dataset: { testid: 'history-author' }, on: { change: () => ((author = sel.value), void load()) } },
      h('option', { value: '', text: t('history.allAuthors') }),
      [...authors].sort().map((a) => h('option', { value: a, text: authorName(a) })),
    );
    sel.value = author;
    return h(
      'div',
      {},
      record
        ? h(
            'p',
            {},
            t('history.onlyRecord', { what: labelOf(ctx, record) }),
            ' ',
            h('button', {
              type: 'button',
              class: 'link small',
              text: t('history.allRecords'),
              dataset: { testid: 'history-all-records' },
              on: { click: () => ((record = ''), void load()) },
            }),
          )
        : h('div', { class: 'field' }, pick.el),
      h('div', { class: 'field' }, h('label', { for: selId, text: t('history.author') }), sel),
    );
  };

  const asOfGroup = () => {
    const id = uid('history-asof');
    const asOf = ctx.store.get().filters.asOf;
    const date = h('input', { id, type: 'date', value: asOf ?? '', dataset: { testid: 'history-asof' } });
    return h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', { text: t('history.asOfHeading') }),
      h('p', { class: 'hint', text: t('history.asOfHint') }),
      h('label', { for: id, text: t('history.asOfDate') }),
      date,
      h('button', {
        type: 'button',
        text: t('history.asOfShow'),
        dataset: { testid: 'history-asof-show' },
        on: { click: () => date.value && ctx.store.setFilters({ asOf: date.value }) },
      }),
      asOf
        ? h('button', {
            type: 'button',
            class: 'link small',
            text: t('history.asOfClear'),
            on: { click: () => ctx.store.setFilters({ asOf: null }) },
          })
        : null,
    );
  };

  const render = () => {
    replace(
      list,
      entries.length === 0
        ? h('p', { class: 'hint', text: t('history.empty') })
        : h('ol', { class: 'history-list', dataset: { testid: 'history-list' } }, entries.map(entryItem)),
    );
    replace(
      el,
      h('h3', { text: t('history.heading') }),
      h('p', { class: 'hint', text: t('history.intro', { n: SHOWN }) }),
      filters(),
      asOfHost,
      list,
    );
    replace(asOfHost, asOfGroup());
  };

  render();
  return { el, render, update: () => replace(asOfHost, asOfGroup()), open: () => void load() };
}
