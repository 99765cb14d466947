/** The sources of a relation: one or more rows of URL, title and date; at least one is required. */
import type { Source } from '../../../core/model/records.js';
import { h, replace } from '../dom/h.js';
import { t } from '../i18n/i18n.js';
import { fieldInput, type FieldControl } from './field-input.js';
import type { ControlMap } from './problems.js';

export interface SourcesControl {
  el: HTMLElement;
  get(): Source[];
  set(sources: Source[]): void;
}

export function sourcesInput(controls: ControlMap, onChange: () => void): SourcesControl {
  const el = h('fieldset', { class: 'sources-input', dataset: { testid: 'sources' } });
  let rows: { url: FieldControl; title: FieldControl; date: FieldControl }[] = [];

  const paint = () => {
    for (const k of [...controls.keys()]) if (k.startsWith('/sources/')) controls.delete(k);
    rows.forEach((r, i) => {
      controls.set(`/sources/${i}/url`, r.url);
      controls.set(`/sources/${i}/title`, r.title);
      controls.set(`/sources/${i}/date`, r.date);
    });
    replace(
      el,
      h('legend', { text: t('form.sources') }),
      rows.map((r, i) =>
        h(
          'div',
          { class: 'source-row', dataset: { index: String(i) } },
          r.url.el,
          r.title.el,
          r.date.el,
          rows.length > 1
            ? h('button', {
                type: 'button',
                class: 'link small',
                text: t('form.removeSource'),
                on: { click: () => ((rows = rows.filter((x) => x !== r)), paint(), onChange()) },
              })
            : null,
        ),
      ),
      h('button', {
        type: 'button',
        class: 'link',
        text: t('form.addSource'),
        dataset: { testid: 'add-source' },
        on: { click: () => (addRow(), paint()) },
      }),
    );
  };
  const addRow = (s?: Source) => {
    const url = fieldInput(
      { name: 'sourceUrl', label: { sv: t('form.sourceUrl'), en: t('form.sourceUrl') }, kind: 'url', required: true },
      onChange,
    );
    const title = fieldInput(
      {
        name: 'sourceTitle',
        label: { sv: t('form.sourceTitle'), en: t('form.sourceTitle') },
        kind: 'text',
        required: true,
      },
      onChange,
    );
    const date = fieldInput(
      {
        name: 'sourceDate',
        label: { sv: t('form.sourceDate'), en: t('form.sourceDate') },
        kind: 'date',
        required: false,
      },
      onChange,
    );
    if (s) {
      url.set(s.url);
      title.set(s.title);
      date.set(s.date);
    }
    rows.push({ url, title, date });
  };
  addRow();
  paint();
  return {
    el,
    get: () =>
      rows
        .map((r) => {
          const s: Source = { url: String(r.url.get() ?? ''), title: String(r.title.get() ?? '') };
          const d = r.date.get();
          if (typeof d === 'string') s.date = d;
          return s;
        })
        .filter((s) => s.url !== '' || s.title !== ''),
    set: (sources) => {
      rows = [];
      for (const s of sources) addRow(s);
      if (rows.length === 0) addRow();
      paint();
    },
  };
}
