/**
 * Add or change a node of any kind: fields generated from the catalogue, instant validation with the same
 * rules as the server (core/model/validate.ts), If-Match on save and a conflict view on a stale version.
 */
import { slugify } from '../../../core/model/ids.js';
import { NODE_KINDS, nodeKind } from '../../../core/model/catalogue/node-kinds.js';
import type { NodeInput, NodeRecord, Props } from '../../../core/model/records.js';
import { validateNode } from '../../../core/model/validate.js';
import { ApiError, api } from '../api/client.js';
import { h, replace } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import { conflictView } from './conflict.js';
import { fieldInput, type FieldControl } from './field-input.js';
import type { FormHost } from './host.js';
import { showProblems, type ControlMap } from './problems.js';
import { nodePickLists } from './pick-lists.js';
import { fieldsFromSchema } from './schema-fields.js';

export function nodeForm(host: FormHost, opts: { kind?: string; id?: string }): HTMLElement {
  const el = h('form', { class: 'edit-form', attrs: { novalidate: 'true' }, dataset: { testid: 'node-form' } });
  if (opts.id) {
    replace(el, h('p', { class: 'hint', text: t('form.loading') }));
    api
      .getNode(opts.id)
      .then((rec) => build(el, host, rec.kind, rec))
      .catch((err: Error) =>
        replace(el, h('p', { class: 'error', text: t('form.loadFailed', { error: err.message }) })),
      );
  } else build(el, host, opts.kind ?? 'Organisation', null);
  return el;
}

/** A free id from the name: "Gnosjö Industri AB" → org:gnosjo-industri-ab, with -2, -3 … when it is taken. */
function newNodeId(host: FormHost, prefix: string, name: string): string {
  const base = `${prefix}:${slugify(name) || 'ny'}`;
  const taken = (id: string) => host.ctx.graph?.hasNode(id) === true;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

function build(el: HTMLFormElement, host: FormHost, kindId: string, record: NodeRecord | null): void {
  const kind = nodeKind(kindId) ?? NODE_KINDS[0];
  let version = record?.version ?? null;
  const controls: ControlMap = new Map();
  const summary = h('div', { class: 'form-problems', aria: { live: 'polite' }, dataset: { testid: 'form-problems' } });
  const status = h('p', { class: 'hint', aria: { live: 'polite' } });
  let touched = false;
  const validate = () => (touched ? showProblems(validateNode(input()), controls, summary) : undefined);
  const add = (path: string, c: FieldControl) => (controls.set(path, c), c);

  const kindSel = h(
    'select',
    {
      id: 'node-kind',
      disabled: record !== null,
      dataset: { testid: 'node-kind' },
      on: { change: () => build(el, host, kindSel.value, null) },
    },
    NODE_KINDS.map((k) => {
      const o = h('option', { value: k.id, text: bi(k.label) });
      if (k.id === kind.id) o.selected = true;
      return o;
    }),
  );
  const name = add(
    '/name',
    fieldInput(
      { name: 'name', label: { sv: t('form.name'), en: t('form.name') }, kind: 'text', required: true, maxLength: 300 },
      validate,
    ),
  );
  const nameEn = add(
    '/nameEn',
    fieldInput(
      {
        name: 'nameEn',
        label: { sv: t('form.nameEn'), en: t('form.nameEn') },
        kind: 'text',
        required: false,
        maxLength: 300,
      },
      validate,
    ),
  );
  // The id is made from the name (a new record) or kept (a stored one): the user never invents one.
  const id = (): string => record?.id ?? newNodeId(host, kind.idPrefix, String(name.get() ?? ''));
  const picks = nodePickLists(host.ctx, kind.id, record?.props ?? {});
  const propControls = fieldsFromSchema(kind.props, kind.propLabels, kind.enums, picks).map((spec) =>
    add(`/props/${spec.name}`, fieldInput(spec, validate)),
  );

  const input = (): NodeInput => {
    const props: Props = {};
    for (const c of propControls) {
      const v = c.get();
      if (v !== undefined) props[c.spec.name] = v;
    }
    const out: NodeInput = { id: id(), kind: kind.id, name: String(name.get() ?? ''), props };
    const en = nameEn.get();
    if (typeof en === 'string') out.nameEn = en;
    return out;
  };
  const fill = (rec: NodeRecord) => {
    name.set(rec.name);
    nameEn.set(rec.nameEn);
    for (const c of propControls) c.set(rec.props[c.spec.name]);
  };
  if (record) fill(record);

  const save = async (ev?: Event) => {
    ev?.preventDefault();
    touched = true;
    const data = input();
    const problems = validateNode(data);
    showProblems(problems, controls, summary);
    if (problems.length > 0) {
      [...controls.values()].find((c) => c.el.querySelector('.field-error:not([hidden])'))?.focus();
      return;
    }
    status.textContent = t('form.saving');
    try {
      const rec = version === null ? await api.createNode(data) : await api.updateNode(data.id, data, version);
      version = rec.version;
      host.done(t('form.savedNode', { name: rec.name }), rec.id);
    } catch (err) {
      status.textContent = '';
      if (err instanceof ApiError && err.status === 412 && record) return showConflict(data);
      if (err instanceof ApiError && err.body.problems) showProblems(err.body.problems, controls, summary);
      else
        summary.textContent =
          err instanceof ApiError ? t('form.serverError', { error: err.body.detail ?? err.code }) : t('error.network');
    }
  };

  const showConflict = async (mine: NodeInput) => {
    const theirs = await api.getNode(mine.id);
    const view = conflictView({
      mine: { ...mine },
      theirs: { id: theirs.id, kind: theirs.kind, name: theirs.name, nameEn: theirs.nameEn, props: theirs.props },
      theirVersion: theirs.version,
      updatedBy: theirs.updatedBy,
      updatedAt: theirs.updatedAt,
      keepMine: async () => {
        version = theirs.version;
        view.remove();
        await save();
      },
      takeTheirs: () => {
        version = theirs.version;
        fill(theirs);
        view.remove();
        status.textContent = t('conflict.took');
      },
    });
    el.prepend(view);
    view.querySelector('button')?.focus();
  };

  el.onsubmit = save;
  replace(
    el,
    h('h3', {
      text: record ? t('form.editNode', { kind: bi(kind.label) }) : t('form.newNode', { kind: bi(kind.label) }),
    }),
    h('div', { class: 'field' }, h('label', { for: 'node-kind', text: t('form.kind') }), kindSel),
    name.el,
    nameEn.el,
    propControls.map((c) => c.el),
    summary,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', class: 'primary', text: t('action.save'), dataset: { testid: 'node-save' } }),
      h('button', { type: 'button', text: t('action.cancel'), on: { click: host.cancel } }),
    ),
    status,
  );
}
