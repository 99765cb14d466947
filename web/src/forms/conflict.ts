/**
 * A version conflict: someone saved the record after it was opened. Shows both versions side by side and lets
 * the user keep theirs (overwrite, knowingly) or take the saved one.
 */
import { h } from '../dom/h.js';
import { t } from '../i18n/i18n.js';

export interface ConflictOptions {
  mine: Record<string, unknown>;
  theirs: Record<string, unknown>;
  theirVersion: number;
  updatedBy?: string;
  updatedAt?: string;
  keepMine: () => void;
  takeTheirs: () => void;
}

const show = (v: unknown): string =>
  v === undefined || v === null ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Flattens {props: {a: 1}} to {"props.a": 1} so both versions compare field by field. */
export function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === 'object' && !Array.isArray(v))
      Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

export function conflictView(o: ConflictOptions): HTMLElement {
  const a = flatten(o.mine);
  const b = flatten(o.theirs);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => !['version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'].includes(k))
    .sort();
  const rows = keys.map((k) => {
    const differs = show(a[k]) !== show(b[k]);
    return h(
      'tr',
      { class: differs ? 'differs' : '' },
      h('th', { attrs: { scope: 'row' }, text: k }),
      h('td', { text: show(a[k]) }),
      h('td', { text: show(b[k]) }),
    );
  });
  return h(
    'div',
    { class: 'conflict', role: 'alert', dataset: { testid: 'conflict' } },
    h('h3', { text: t('conflict.title') }),
    h('p', {
      text: t('conflict.explain', {
        version: o.theirVersion,
        who: o.updatedBy ?? '?',
        when: (o.updatedAt ?? '').slice(0, 16).replace('T', ' '),
      }),
    }),
    h(
      'table',
      { class: 'data conflict-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'col' }, text: t('conflict.field') }),
          h('th', { attrs: { scope: 'col' }, text: t('conflict.mine') }),
          h('th', { attrs: { scope: 'col' }, text: t('conflict.theirs') }),
        ),
      ),
      h('tbody', {}, rows),
    ),
    h(
      'div',
      { class: 'row' },
      h('button', {
        type: 'button',
        text: t('conflict.keepMine'),
        dataset: { testid: 'conflict-keep-mine' },
        on: { click: o.keepMine },
      }),
      h('button', {
        type: 'button',
        text: t('conflict.takeTheirs'),
        dataset: { testid: 'conflict-take-theirs' },
        on: { click: o.takeTheirs },
      }),
    ),
  );
}
