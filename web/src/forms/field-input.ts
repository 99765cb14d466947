/**
 * One generated form field: the input for its kind, a label, a hint for its format, and an error line wired
 * with aria-describedby. get() returns the JSON value (undefined when empty).
 */
import { formatHint } from '../../../core/model/field-text.js';
import type { JsonValue } from '../../../core/model/records.js';
import { h, replace, uid } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import type { FieldSpec } from './schema-fields.js';

export interface FieldControl {
  spec: FieldSpec;
  el: HTMLElement;
  get(): JsonValue | undefined;
  set(value: unknown): void;
  setError(message: string | null): void;
  focus(): void;
}

export function fieldInput(spec: FieldSpec, onChange: () => void): FieldControl {
  const id = uid(`f-${spec.name}`);
  const errId = `${id}-err`;
  const error = h('p', { id: errId, class: 'field-error', hidden: true, aria: { live: 'polite' } });
  const label = h(
    'label',
    { for: id },
    bi(spec.label),
    spec.required ? h('span', { class: 'req', text: ` (${t('form.required')})` }) : null,
  );
  const optLabel = (o: { value: string; label: { sv: string; en: string } | null }) =>
    o.label ? bi(o.label) : o.value;
  let get: () => JsonValue | undefined;
  let set: (v: unknown) => void;
  let input: HTMLElement;
  const common = {
    id,
    dataset: { field: spec.name },
    aria: { describedby: errId },
    on: { input: onChange, change: onChange },
  };

  if (spec.kind === 'enum') {
    const sel = h(
      'select',
      common,
      h('option', { value: '', text: spec.required ? t('form.choose') : t('form.none') }),
      (spec.options ?? []).map((o) => h('option', { value: o.value, text: optLabel(o) })),
    );
    get = () => (sel.value === '' ? undefined : sel.value);
    set = (v) => (sel.value = typeof v === 'string' ? v : '');
    input = sel;
  } else if (spec.kind === 'multiEnum') {
    const boxes = (spec.options ?? []).map((o) => {
      const bid = uid(`f-${spec.name}`);
      const cb = h('input', { id: bid, type: 'checkbox', value: o.value, on: { change: onChange } });
      return { cb, el: h('label', { class: 'inline', for: bid }, cb, optLabel(o)) };
    });
    get = () => {
      const v = boxes.filter((b) => b.cb.checked).map((b) => b.cb.value);
      return v.length > 0 ? v : undefined;
    };
    set = (v) => boxes.forEach((b) => (b.cb.checked = Array.isArray(v) && v.includes(b.cb.value)));
    const fs = h(
      'fieldset',
      { class: 'multi', id, aria: { describedby: errId } },
      h('legend', { text: bi(spec.label) }),
      boxes.map((b) => b.el),
    );
    return {
      spec,
      el: h('div', { class: 'field' }, fs, error),
      get: () => get(),
      set: (v) => set(v),
      setError: (m) => ((error.hidden = !m), (error.textContent = m ?? '')),
      focus: () => boxes[0]?.cb.focus(),
    };
  } else if (spec.kind === 'boolean') {
    const sel = h(
      'select',
      common,
      h('option', { value: '', text: t('form.none') }),
      h('option', { value: 'true', text: t('value.yes') }),
      h('option', { value: 'false', text: t('value.no') }),
    );
    get = () => (sel.value === '' ? undefined : sel.value === 'true');
    set = (v) => (sel.value = v === true ? 'true' : v === false ? 'false' : '');
    input = sel;
  } else if (spec.kind === 'textarea') {
    const ta = h('textarea', {
      ...common,
      attrs: { rows: '3', ...(spec.maxLength ? { maxlength: String(spec.maxLength) } : {}) },
    });
    get = () => (ta.value.trim() === '' ? undefined : ta.value);
    set = (v) => (ta.value = v === undefined || v === null ? '' : String(v));
    input = ta;
  } else {
    const type =
      spec.kind === 'url'
        ? 'url'
        : spec.kind === 'date'
          ? 'date'
          : spec.kind === 'number' || spec.kind === 'integer'
            ? 'number'
            : 'text';
    const attrs: Record<string, string> = {};
    if (spec.kind === 'integer') attrs.step = '1';
    if (spec.kind === 'number') attrs.step = 'any';
    if (spec.min !== undefined) attrs.min = String(spec.min);
    if (spec.max !== undefined) attrs.max = String(spec.max);
    const inp = h('input', { ...common, type, attrs });
    get = () => {
      const v = inp.value.trim();
      if (v === '') return undefined;
      if (type === 'number') return Number(v);
      return v;
    };
    set = (v) => (inp.value = v === undefined || v === null ? '' : String(v));
    input = inp;
  }
  // The format in words with an example (core/model/field-text.ts), never the pattern itself.
  const format = spec.kind === 'text' ? formatHint(spec.pattern) : null;
  const hint = format ? h('p', { class: 'hint', text: t('form.pattern', { pattern: bi(format) }) }) : null;
  return {
    spec,
    el: h('div', { class: 'field' }, label, input, hint, error),
    get: () => get(),
    set: (v) => set(v),
    setError: (m) => {
      error.hidden = !m;
      replace(error, m ?? '');
      if (m) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
    focus: () => input.focus(),
  };
}
