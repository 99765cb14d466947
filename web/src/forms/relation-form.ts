/**
 * Add or change a relation: kind, from and to (searchable, limited to the kinds the catalogue allows), evidence
 * level and at least one source, validity, weight, note and the kind's own properties. Validated as you type.
 */
import { nodeKind } from '../../../core/model/catalogue/node-kinds.js';
import { RELATION_KINDS, relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import {
  EVIDENCE_LEVELS,
  type Evidence,
  type Props,
  type RelationInput,
  type RelationRecord,
} from '../../../core/model/records.js';
import { validateRelation } from '../../../core/model/validate.js';
import { ApiError, api } from '../api/client.js';
import { labelOf, nodeItems } from '../context/items.js';
import { combobox } from '../dom/combobox.js';
import { confirmDialog } from '../dom/confirm.js';
import { h, replace } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import { evidenceLabel } from '../map/encodings.js';
import { conflictView } from './conflict.js';
import { fieldInput, type FieldControl } from './field-input.js';
import type { FormHost } from './host.js';
import { showProblems, type ControlMap } from './problems.js';
import { fieldsFromSchema } from './schema-fields.js';
import { sourcesInput } from './sources-input.js';

export function relationForm(host: FormHost, opts: { id?: string; from?: string; type?: string }): HTMLElement {
  const el = h('form', { class: 'edit-form', attrs: { novalidate: 'true' }, dataset: { testid: 'relation-form' } });
  if (opts.id) {
    replace(el, h('p', { class: 'hint', text: t('form.loading') }));
    api
      .getRelation(opts.id)
      .then((rec) => build(el, host, rec.type, rec, {}))
      .catch((err: Error) =>
        replace(el, h('p', { class: 'error', text: t('form.loadFailed', { error: err.message }) })),
      );
  } else build(el, host, opts.type ?? 'COLLABORATES_WITH', null, { from: opts.from });
  return el;
}

/** Node kinds by their labels: "Organisation, Nätverk". */
const kindNames = (ids: readonly string[]) => ids.map((k) => bi(nodeKind(k)?.label) || k).join(', ');

function endpointPicker(
  host: FormHost,
  label: string,
  kinds: readonly string[],
  testid: string,
  initial: string | undefined,
  onPick: () => void,
) {
  let value = initial ?? '';
  const box = combobox({
    label,
    items: () => nodeItems(host.ctx, { kinds }),
    onChoose: (it) => ((value = it.id), onPick()),
    testid,
  });
  if (initial) box.input.value = labelOf(host.ctx, initial);
  const error = h('p', { class: 'field-error', hidden: true });
  const control: FieldControl = {
    spec: { name: testid, label: { sv: label, en: label }, kind: 'text', required: true },
    el: h('div', { class: 'field' }, box.el, error),
    get: () => value || undefined,
    set: (v) => {
      value = String(v ?? '');
      box.input.value = value ? labelOf(host.ctx, value) : '';
    },
    setError: (m) => ((error.hidden = !m), (error.textContent = m ?? '')),
    focus: () => box.input.focus(),
  };
  box.input.addEventListener('input', () => {
    if (box.input.value === '') value = '';
  });
  return control;
}

function build(
  el: HTMLFormElement,
  host: FormHost,
  typeId: string,
  record: RelationRecord | null,
  preset: { from?: string | undefined },
): void {
  const kind = relationKind(typeId) ?? RELATION_KINDS[0];
  let version = record?.version ?? null;
  const controls: ControlMap = new Map();
  const summary = h('div', { class: 'form-problems', aria: { live: 'polite' }, dataset: { testid: 'form-problems' } });
  const status = h('p', { class: 'hint', aria: { live: 'polite' } });
  let touched = false;
  const kindOf = (id: string) =>
    host.ctx.graph?.hasNode(id) ? String(host.ctx.graph.getNodeAttribute(id, 'kind')) : undefined;
  const validate = () => (touched ? showProblems(validateRelation(input(), kindOf), controls, summary) : undefined);
  const add = (path: string, c: FieldControl) => (controls.set(path, c), c);

  const typeSel = h(
    'select',
    {
      id: 'rel-type',
      disabled: record !== null,
      dataset: { testid: 'relation-type' },
      on: { change: () => build(el, host, typeSel.value, null, { from: from.get() as string | undefined }) },
    },
    RELATION_KINDS.map((k) => {
      const o = h('option', { value: k.id, text: bi(k.label) });
      if (k.id === kind.id) o.selected = true;
      return o;
    }),
  );
  const from = add(
    '/from',
    endpointPicker(host, t('form.from'), kind.from, 'relation-from', record?.from ?? preset.from, validate),
  );
  const to = add('/to', endpointPicker(host, t('form.to'), kind.to, 'relation-to', record?.to, validate));
  const evidence = add(
    '/evidence',
    fieldInput(
      {
        name: 'evidence',
        label: { sv: t('form.evidence'), en: t('form.evidence') },
        kind: 'enum',
        required: true,
        options: EVIDENCE_LEVELS.map((e) => ({ value: e, label: { sv: evidenceLabel(e), en: evidenceLabel(e) } })),
      },
      validate,
    ),
  );
  const sources = sourcesInput(controls, validate);
  const weight = add(
    '/weight',
    fieldInput(
      {
        name: 'weight',
        label: { sv: t('form.weight'), en: t('form.weight') },
        kind: 'number',
        required: false,
        min: 0,
      },
      validate,
    ),
  );
  const validFrom = add(
    '/validFrom',
    fieldInput(
      { name: 'validFrom', label: { sv: t('form.validFrom'), en: t('form.validFrom') }, kind: 'date', required: false },
      validate,
    ),
  );
  const validTo = add(
    '/validTo',
    fieldInput(
      { name: 'validTo', label: { sv: t('form.validTo'), en: t('form.validTo') }, kind: 'date', required: false },
      validate,
    ),
  );
  const note = add(
    '/note',
    fieldInput(
      {
        name: 'note',
        label: { sv: t('form.note'), en: t('form.note') },
        kind: 'textarea',
        required: false,
        maxLength: 2000,
      },
      validate,
    ),
  );
  const propControls = fieldsFromSchema(kind.props, kind.propLabels).map((spec) =>
    add(`/props/${spec.name}`, fieldInput(spec, validate)),
  );

  const input = (): RelationInput => {
    const props: Props = {};
    for (const c of propControls) {
      const v = c.get();
      if (v !== undefined) props[c.spec.name] = v;
    }
    const out: RelationInput = {
      type: kind.id,
      from: String(from.get() ?? ''),
      to: String(to.get() ?? ''),
      evidence: (evidence.get() ?? '') as Evidence,
      sources: sources.get(),
      props,
    };
    if (record) out.id = record.id;
    const w = weight.get();
    if (typeof w === 'number') out.weight = w;
    out.validFrom = (validFrom.get() as string | undefined) ?? null;
    out.validTo = (validTo.get() as string | undefined) ?? null;
    const n = note.get();
    if (typeof n === 'string') out.note = n;
    return out;
  };
  const fill = (rec: RelationRecord) => {
    from.set(rec.from);
    to.set(rec.to);
    evidence.set(rec.evidence);
    sources.set(rec.sources);
    weight.set(rec.weight);
    validFrom.set(rec.validFrom);
    validTo.set(rec.validTo);
    note.set(rec.note);
    for (const c of propControls) c.set(rec.props[c.spec.name]);
  };
  if (record) fill(record);

  const save = async (ev?: Event) => {
    ev?.preventDefault();
    touched = true;
    const data = input();
    const problems = validateRelation(data, kindOf);
    showProblems(problems, controls, summary);
    if (problems.length > 0) return;
    status.textContent = t('form.saving');
    try {
      const rec =
        record && version !== null
          ? await api.updateRelation(record.id, data, version)
          : await api.createRelation(data);
      version = rec.version;
      host.done(
        t('form.savedRelation', { from: labelOf(host.ctx, rec.from), to: labelOf(host.ctx, rec.to) }),
        rec.from,
      );
    } catch (err) {
      status.textContent = '';
      if (err instanceof ApiError && err.status === 412 && record) return showConflict(data);
      if (err instanceof ApiError && err.body.problems) showProblems(err.body.problems, controls, summary);
      else
        summary.textContent =
          err instanceof ApiError ? t('form.serverError', { error: err.body.detail ?? err.code }) : t('error.network');
    }
  };
  const showConflict = async (mine: RelationInput) => {
    if (!record) return;
    const theirs = await api.getRelation(record.id);
    const view = conflictView({
      mine: { ...mine },
      theirs: {
        id: theirs.id,
        type: theirs.type,
        from: theirs.from,
        to: theirs.to,
        evidence: theirs.evidence,
        sources: theirs.sources,
        weight: theirs.weight,
        validFrom: theirs.validFrom,
        validTo: theirs.validTo,
        note: theirs.note,
        props: theirs.props,
      },
      theirVersion: theirs.version,
      updatedBy: theirs.updatedBy,
      updatedAt: theirs.updatedAt,
      keepMine: async () => ((version = theirs.version), view.remove(), await save()),
      takeTheirs: () => (
        (version = theirs.version),
        fill(theirs),
        view.remove(),
        (status.textContent = t('conflict.took'))
      ),
    });
    el.prepend(view);
    view.querySelector('button')?.focus();
  };
  const remove = async () => {
    if (!record || version === null) return;
    if (
      !(await confirmDialog(
        t('form.confirmDeleteRelation', { from: labelOf(host.ctx, record.from), to: labelOf(host.ctx, record.to) }),
      ))
    )
      return;
    try {
      await api.deleteRelation(record.id, version);
      host.done(t('form.deletedRelation'));
    } catch (err) {
      summary.textContent =
        err instanceof ApiError && err.status === 412
          ? t('conflict.deleteStale')
          : t('form.serverError', { error: (err as Error).message });
    }
  };

  el.onsubmit = save;
  replace(
    el,
    h('h3', { text: record ? t('form.editRelation') : t('form.newRelation') }),
    h('div', { class: 'field' }, h('label', { for: 'rel-type', text: t('form.relationType') }), typeSel),
    h('p', { class: 'hint', text: t('form.relationEnds', { from: kindNames(kind.from), to: kindNames(kind.to) }) }),
    from.el,
    to.el,
    evidence.el,
    sources.el,
    validFrom.el,
    validTo.el,
    weight.el,
    propControls.map((c) => c.el),
    note.el,
    summary,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', class: 'primary', text: t('action.save'), dataset: { testid: 'relation-save' } }),
      h('button', { type: 'button', text: t('action.cancel'), on: { click: host.cancel } }),
      record
        ? h('button', {
            type: 'button',
            class: 'danger',
            text: t('action.delete'),
            dataset: { testid: 'relation-delete' },
            on: { click: () => void remove() },
          })
        : null,
    ),
    status,
  );
}
