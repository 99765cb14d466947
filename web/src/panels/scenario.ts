/**
 * "Tänk om…": draft ties, memberships or departures, see what they would change (findings resolved and new, key
 * actors' ranks, the platform's reach) without touching the register, then save the draft as real records or as
 * an action-plan item (editors).
 */
import type { Problem } from '../../../core/model/problems.js';
import { ApiError, api } from '../api/client.js';
import type { AppContext } from '../context/context.js';
import { canEdit } from '../api/session.js';
import { h, replace } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import { draftBody, draftItemText, scenarioDraftForm, type DraftItem } from '../forms/scenario-draft.js';
import { saveAsActionForm, saveAsRecordsForm } from '../forms/scenario-save.js';
import type { Panel } from './panel.js';
import { scenarioResult, type ScenarioAnswer } from '../forms/scenario-result.js';

export function scenarioPanel(ctx: AppContext, saved: (message: string, select?: string) => void): Panel {
  const el = h('div', { class: 'scenario', dataset: { testid: 'scenario' } });
  let items: DraftItem[] = [];
  let answer: ScenarioAnswer | null = null;
  let problems: Problem[] = [];
  let busy = false;
  let failed = '';
  let message = '';
  const out = h('div', { aria: { live: 'polite' } });

  const change = (next: DraftItem[]) => {
    items = next;
    answer = null;
    problems = [];
    failed = '';
    message = '';
    render();
  };

  const compute = async () => {
    busy = true;
    failed = '';
    paintResult();
    try {
      answer = await api.scenario(draftBody(items));
      problems = [];
    } catch (err) {
      answer = null;
      if (err instanceof ApiError && err.body.problems) problems = err.body.problems;
      else failed = err instanceof ApiError ? (err.body.detail ?? err.code) : t('error.network');
    } finally {
      busy = false;
      paintResult();
    }
  };

  const paintResult = () => {
    const save = answer && canEdit() && items.length > 0;
    const host = {
      ctx,
      items: () => items,
      answer: () => answer,
      saved: (m: string, s?: string) => {
        change([]);
        message = m;
        render();
        saved(m, s);
      },
    };
    replace(
      out,
      busy ? h('p', { class: 'hint', text: t('scenario.computing') }) : null,
      failed ? h('p', { class: 'error', text: t('scenario.failed', { error: failed }) }) : null,
      problems.length > 0
        ? h(
            'ul',
            { class: 'form-problems', dataset: { testid: 'scenario-problems' } },
            problems.map((p) => h('li', { text: bi(p.message) })),
          )
        : null,
      answer ? scenarioResult(answer) : null,
      save && items.some((i) => i.op === 'add') ? saveAsRecordsForm(host) : null,
      save ? saveAsActionForm(host) : null,
      answer && !canEdit() ? h('p', { class: 'hint', text: t('scenario.editorsOnly') }) : null,
    );
  };

  const draftList = () =>
    h(
      'ol',
      { class: 'scenario-items', dataset: { testid: 'scenario-items' } },
      items.map((it) =>
        h(
          'li',
          {},
          draftItemText(ctx, it),
          ' ',
          h('button', {
            type: 'button',
            class: 'link small',
            text: t('scenario.drop'),
            aria: { label: t('scenario.dropItem', { item: draftItemText(ctx, it) }) },
            on: { click: () => change(items.filter((x) => x !== it)) },
          }),
        ),
      ),
    );

  const render = () => {
    replace(
      el,
      h('h3', { text: t('scenario.heading') }),
      h('p', { class: 'hint', text: t('scenario.intro') }),
      message ? h('p', { class: 'success', text: message, dataset: { testid: 'scenario-message' } }) : null,
      scenarioDraftForm(ctx, (it) => {
        const key = JSON.stringify(it);
        if (!items.some((x) => JSON.stringify(x) === key)) change([...items, it]);
      }),
      h('h4', { text: t('scenario.draftHeading') }),
      items.length > 0 ? draftList() : h('p', { class: 'hint', text: t('scenario.emptyDraft') }),
      h('button', {
        type: 'button',
        class: 'primary',
        text: t('scenario.compute'),
        disabled: items.length === 0,
        dataset: { testid: 'scenario-compute' },
        on: { click: () => void compute() },
      }),
      out,
    );
    paintResult();
  };
  render();
  return { el, render };
}
