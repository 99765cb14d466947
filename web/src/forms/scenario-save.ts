/**
 * Saving a "Tänk om" draft: its ties as real records (with the sources and evidence level the user gives, through
 * the ordinary API and its validation), or the whole draft as one action-plan item (an Action owned by an actor,
 * concerning the actors of the draft). Editors only; removals are never saved as deletions.
 */
import { ACTION_STATUS } from '../../../core/model/catalogue/node-kinds.js';
import { relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import { slugify } from '../../../core/model/ids.js';
import type { Problem } from '../../../core/model/problems.js';
import { EVIDENCE_LEVELS, type NodeInput, type RelationInput } from '../../../core/model/records.js';
import { validateNode, validateRelation } from '../../../core/model/validate.js';
import { ApiError, api } from '../api/client.js';
import type { AppContext } from '../context/context.js';
import { nodeItems } from '../context/items.js';
import { combobox } from '../dom/combobox.js';
import { h, replace } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import { evidenceLabel } from '../map/encodings.js';
import { fieldInput } from './field-input.js';
import { today } from './host.js';
import { showProblems, type ControlMap } from './problems.js';
import { draftItemText, draftSource, type DraftItem } from './scenario-draft.js';
import { sourcesInput } from './sources-input.js';
import type { ScenarioAnswer } from './scenario-result.js';
import { resultText } from './scenario-result.js';

export interface SaveHost {
  ctx: AppContext;
  items: () => DraftItem[];
  answer: () => ScenarioAnswer | null;
  /** Written: reload the graph and say so. */
  saved: (message: string, select?: string) => void;
}

const kindOf = (ctx: AppContext) => (id: string) =>
  ctx.graph?.hasNode(id) ? String(ctx.graph.getNodeAttribute(id, 'kind')) : undefined;

const failure = (err: unknown) =>
  err instanceof ApiError ? t('form.serverError', { error: err.body.detail ?? err.code }) : t('error.network');

/** The draft's ties as real records: one source and evidence level for all of them, checked before sending. */
export function saveAsRecordsForm(host: SaveHost): HTMLElement {
  const el = h('form', {
    class: 'edit-form',
    attrs: { novalidate: 'true' },
    dataset: { testid: 'scenario-save-records' },
  });
  const controls: ControlMap = new Map();
  const summary = h('div', { class: 'form-problems', aria: { live: 'polite' } });
  const status = h('p', { class: 'hint', aria: { live: 'polite' } });
  const sources = sourcesInput(controls, () => undefined);
  const evidence = fieldInput(
    {
      name: 'evidence',
      label: { sv: t('form.evidence'), en: t('form.evidence') },
      kind: 'enum',
      required: true,
      options: EVIDENCE_LEVELS.map((e) => ({ value: e, label: { sv: evidenceLabel(e), en: evidenceLabel(e) } })),
    },
    () => undefined,
  );
  controls.set('/evidence', evidence);
  el.onsubmit = async (ev) => {
    ev.preventDefault();
    const ties = host.items().filter((i): i is Extract<DraftItem, { op: 'add' }> => i.op === 'add');
    const inputs: RelationInput[] = ties.map((i) => ({
      type: i.type,
      from: i.from,
      to: i.to,
      evidence: String(evidence.get() ?? '') as RelationInput['evidence'],
      sources: sources.get(),
    }));
    // One source and evidence level for every tie: the same problem of each tie is shown once.
    const seen = new Set<string>();
    const problems: Problem[] = inputs
      .flatMap((r) => validateRelation(r, kindOf(host.ctx)))
      .filter((p) => !seen.has(`${p.path} ${p.code}`) && seen.add(`${p.path} ${p.code}`));
    showProblems(problems, controls, summary);
    if (problems.length > 0 || inputs.length === 0) return;
    status.textContent = t('form.saving');
    try {
      for (const r of inputs) await api.createRelation(r);
      host.saved(t('scenario.savedRecords', { n: inputs.length }), inputs[0].from);
    } catch (err) {
      status.textContent = '';
      summary.textContent = failure(err);
    }
  };
  replace(
    el,
    h('h4', { text: t('scenario.saveRecordsHeading') }),
    h('p', { class: 'hint', text: t('scenario.saveRecordsHint') }),
    sources.el,
    evidence.el,
    summary,
    h('button', {
      type: 'submit',
      class: 'primary',
      text: t('scenario.saveRecords'),
      dataset: { testid: 'scenario-save-records-submit' },
    }),
    status,
  );
  return el;
}

/** The whole draft as one action-plan item, with the differences as its description. */
export function saveAsActionForm(host: SaveHost): HTMLElement {
  const el = h('form', {
    class: 'edit-form',
    attrs: { novalidate: 'true' },
    dataset: { testid: 'scenario-save-action' },
  });
  const summary = h('div', { class: 'form-problems', aria: { live: 'polite' } });
  const status = h('p', { class: 'hint', aria: { live: 'polite' } });
  let owner = '';
  const ownerBox = combobox({
    label: `${t('form.owner')} (${t('form.required')})`,
    items: () => nodeItems(host.ctx, { kinds: relationKind('RESPONSIBLE_FOR')?.from ?? [] }),
    onChoose: (it) => (owner = it.id),
    testid: 'scenario-action-owner',
  });
  el.onsubmit = async (ev) => {
    ev.preventDefault();
    const items = host.items();
    const answer = host.answer();
    if (!owner) return void (summary.textContent = t('form.ownerRequired'));
    const name = `${t('scenario.actionPrefix')} ${items.map((i) => draftItemText(host.ctx, i)).join('; ')}`.slice(
      0,
      300,
    );
    const first = answer?.findings.resolved[0];
    const node: NodeInput = {
      id: `action:${slugify(name).slice(0, 60) || 'tank-om'}-${Date.now().toString(36)}`,
      kind: 'Action',
      name,
      props: {
        status: ACTION_STATUS[0].value,
        ...(answer ? { description: resultText(answer).slice(0, 4000) } : {}),
        ...(first ? { gapKind: first.gapKind.slice(0, 60), gapKey: first.id.slice(0, 200) } : {}),
      },
    };
    const problems = validateNode(node);
    if (problems.length > 0) return void (summary.textContent = problems.map((p) => bi(p.message)).join(' '));
    status.textContent = t('form.saving');
    try {
      const rec = await api.createNode(node);
      const source = { ...draftSource(), date: today() };
      const concerned = new Set(items.flatMap((i) => (i.op === 'add' ? [i.from, i.to] : [i.id])));
      const ties: RelationInput[] = [
        { type: 'RESPONSIBLE_FOR', from: owner, to: rec.id, evidence: 'confirmed', sources: [source] },
        ...[...concerned].map((id): RelationInput => ({
          type: 'CONCERNS',
          from: rec.id,
          to: id,
          evidence: 'confirmed',
          sources: [source],
        })),
      ];
      for (const r of ties) if (validateRelation(r, kindOf(host.ctx)).length === 0) await api.createRelation(r);
      host.saved(t('form.savedAction', { name: rec.name }), rec.id);
    } catch (err) {
      status.textContent = '';
      summary.textContent = failure(err);
    }
  };
  replace(
    el,
    h('h4', { text: t('scenario.saveActionHeading') }),
    h('p', { class: 'hint', text: t('scenario.saveActionHint') }),
    h('div', { class: 'field' }, ownerBox.el),
    summary,
    h('button', {
      type: 'submit',
      class: 'primary',
      text: t('scenario.saveAction'),
      dataset: { testid: 'scenario-save-action-submit' },
    }),
    status,
  );
  return el;
}
