/**
 * Turn a gap finding into an action-plan item: an Action node (status, due date, the finding it answers), an
 * owner (RESPONSIBLE_FOR) and the actors it concerns (CONCERNS). Also used for a new action without a finding.
 */
import { slugify } from '../../../core/model/ids.js';
import { ACTION_STATUS, nodeKind } from '../../../core/model/catalogue/node-kinds.js';
import { relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import type { NodeInput, RelationInput, Source } from '../../../core/model/records.js';
import { validateNode } from '../../../core/model/validate.js';
import { ApiError, api } from '../api/client.js';
import type { GapFinding } from '../api/types.js';
import { nodeItems } from '../context/items.js';
import { combobox } from '../dom/combobox.js';
import { h, replace } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import { fieldInput } from './field-input.js';
import { today, type FormHost } from './host.js';
import { showProblems, type ControlMap } from './problems.js';

export function actionForm(host: FormHost, finding: GapFinding | null): HTMLElement {
  const el = h('form', { class: 'edit-form', attrs: { novalidate: 'true' }, dataset: { testid: 'action-form' } });
  const controls: ControlMap = new Map();
  const summary = h('div', { class: 'form-problems', aria: { live: 'polite' }, dataset: { testid: 'form-problems' } });
  const status = h('p', { class: 'hint', aria: { live: 'polite' } });
  const action = nodeKind('Action');
  const name = fieldInput(
    {
      name: 'name',
      label: { sv: t('form.actionName'), en: t('form.actionName') },
      kind: 'text',
      required: true,
      maxLength: 300,
    },
    () => undefined,
  );
  const due = fieldInput(
    {
      name: 'dueDate',
      label: action?.propLabels.dueDate ?? { sv: 'dueDate', en: 'dueDate' },
      kind: 'date',
      required: true,
    },
    () => undefined,
  );
  const statusField = fieldInput(
    {
      name: 'status',
      label: action?.propLabels.status ?? { sv: 'status', en: 'status' },
      kind: 'enum',
      required: true,
      options: ACTION_STATUS.map((o) => ({ value: o.value, label: o.label })),
    },
    () => undefined,
  );
  const description = fieldInput(
    {
      name: 'description',
      label: action?.propLabels.description ?? { sv: 'description', en: 'description' },
      kind: 'textarea',
      required: false,
      maxLength: 4000,
    },
    () => undefined,
  );
  controls.set('/name', name);
  controls.set('/props/dueDate', due);
  controls.set('/props/status', statusField);
  controls.set('/props/description', description);
  statusField.set('planned');
  if (finding) {
    name.set(t('form.actionFrom', { title: bi(finding.title) }));
    description.set(bi(finding.explanation));
  }
  let owner = '';
  const ownerKinds = relationKind('RESPONSIBLE_FOR')?.from ?? ['Organisation', 'Network'];
  const ownerBox = combobox({
    label: `${t('form.owner')} (${t('form.required')})`,
    items: () => nodeItems(host.ctx, { kinds: ownerKinds }),
    onChoose: (it) => (owner = it.id),
    testid: 'action-owner',
  });
  const ownerError = h('p', { class: 'field-error', hidden: true });

  const save = async (ev: Event) => {
    ev.preventDefault();
    const base = slugify(String(name.get() ?? 'atgard')).slice(0, 60) || 'atgard';
    const node: NodeInput = {
      id: `action:${base}-${Date.now().toString(36)}`,
      kind: 'Action',
      name: String(name.get() ?? ''),
      props: {
        status: String(statusField.get() ?? ''),
        ...(due.get() ? { dueDate: String(due.get()) } : {}),
        ...(description.get() ? { description: String(description.get()) } : {}),
        ...(finding ? { gapKind: finding.kind.slice(0, 60), gapKey: finding.id.slice(0, 200) } : {}),
      },
    };
    const problems = validateNode(node);
    if (!due.get())
      problems.push({
        path: '/props/dueDate',
        code: 'required',
        message: { sv: t('form.requiredField'), en: t('form.requiredField') },
      });
    showProblems(problems, controls, summary);
    ownerError.hidden = owner !== '';
    ownerError.textContent = owner ? '' : t('form.ownerRequired');
    if (problems.length > 0 || !owner) return;
    status.textContent = t('form.saving');
    const source: Source = {
      url: `${location.origin}/api/gaps`,
      title: finding ? t('form.actionSource', { title: bi(finding.title) }) : t('form.actionSourcePlain'),
      date: today(),
    };
    try {
      const rec = await api.createNode(node);
      const ties: RelationInput[] = [
        { type: 'RESPONSIBLE_FOR', from: owner, to: rec.id, evidence: 'confirmed', sources: [source] },
      ];
      const concernKinds = relationKind('CONCERNS')?.to ?? [];
      for (const n of finding?.nodeIds ?? []) {
        const k = host.ctx.graph?.hasNode(n) ? String(host.ctx.graph.getNodeAttribute(n, 'kind')) : '';
        if (concernKinds.includes(k))
          ties.push({ type: 'CONCERNS', from: rec.id, to: n, evidence: 'confirmed', sources: [source] });
      }
      for (const r of ties) await api.createRelation(r);
      host.done(t('form.savedAction', { name: rec.name }), rec.id);
    } catch (err) {
      status.textContent = '';
      summary.textContent =
        err instanceof ApiError ? t('form.serverError', { error: err.body.detail ?? err.code }) : t('error.network');
    }
  };
  el.onsubmit = save;
  replace(
    el,
    h('h3', { text: finding ? t('form.actionFromFinding') : t('form.newAction') }),
    name.el,
    h('div', { class: 'field' }, ownerBox.el, ownerError),
    due.el,
    statusField.el,
    description.el,
    summary,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', class: 'primary', text: t('action.save'), dataset: { testid: 'action-save' } }),
      h('button', { type: 'button', text: t('action.cancel'), on: { click: host.cancel } }),
    ),
    status,
  );
  return el;
}
