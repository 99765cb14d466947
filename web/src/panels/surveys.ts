/**
 * The "Enkäter" tab (issue 22): survey rounds in which the actors report their own ties. Create a round, send the
 * invitations, follow the response rate, review the proposed changes and compare two rounds (also on the map).
 */
import type { GapFinding } from '../api/types.js';
import { surveysApi, type SurveyView } from '../api/surveys.js';
import type { AppContext } from '../context/context.js';
import { h, replace } from '../dom/h.js';
import { getLang, t } from '../i18n/i18n.js';
import type { Panel } from './panel.js';
import { compareForm } from './survey-compare.js';
import { createForm } from './survey-create.js';
import { reviewView } from './survey-review.js';
import { roundView } from './survey-round.js';
import { dateText, errorText } from './survey-shared.js';

export interface SurveysPanel extends Panel {
  /** Loads the rounds when the tab is opened. */
  open(): void;
}

export interface SurveysHooks {
  /** Highlight the change between two rounds on the map (null: clear). */
  showCompare: (f: GapFinding | null) => void;
  /** Accepted answers wrote records: reload the graph. */
  reload: () => void;
}

function roundList(rounds: SurveyView[], current: string | null, choose: (id: string) => void): HTMLElement {
  if (!rounds.length) return h('p', { class: 'hint', text: t('surveys.none') });
  return h(
    'ul',
    { class: 'views', dataset: { testid: 'survey-list' } },
    rounds.map((r) => {
      const answered = r.respondents.filter((x) => x.submittedAt).length;
      return h(
        'li',
        { class: r.id === current ? 'current' : '' },
        h('button', {
          type: 'button',
          class: 'link',
          text: r.title,
          aria: { current: String(r.id === current) },
          dataset: { testid: 'survey-pick', id: r.id },
          on: { click: () => choose(r.id) },
        }),
        h('span', {
          class: 'hint',
          text: ` ${r.status === 'open' ? t('surveys.list.open', { date: dateText(r.closesAt) }) : t('surveys.list.closed')} · ${t('surveys.list.answered', { n: answered, of: r.respondents.length })}`,
        }),
      );
    }),
  );
}

export function surveysPanel(ctx: AppContext, hooks: SurveysHooks): SurveysPanel {
  const el = h('div', { class: 'panel', dataset: { testid: 'surveys' } });
  let rounds: SurveyView[] = [];
  let current: string | null = null;
  let problem = '';
  let loaded = false;
  const load = async (select?: string) => {
    try {
      rounds = (await surveysApi.list()).items;
      problem = '';
      if (select) current = select;
      if (!current || !rounds.some((r) => r.id === current)) current = rounds[0]?.id ?? null;
    } catch (err) {
      problem = errorText(err);
    }
    loaded = true;
    render();
  };
  const choose = (id: string) => ((current = id), render());
  // The round's views and the comparison are kept across a re-render of the page (a graph reload after the review
  // accepted something): the links shown once, the review's message and a comparison stay on screen.
  let roundCache: { key: string; nodes: HTMLElement[] } | null = null;
  let compareCache: { key: string; node: HTMLElement } | null = null;
  const roundNodes = (round: SurveyView) => {
    const key = `${round.id}|${round.status}|${getLang()}`;
    if (roundCache?.key !== key)
      roundCache = {
        key,
        nodes: [
          roundView(ctx, round, { changed: () => void load(round.id) }),
          h('h4', { text: t('surveys.review.title') }),
          reviewView(round.id, { written: hooks.reload }),
        ],
      };
    return roundCache.nodes;
  };
  const compareNode = () => {
    const key = `${rounds.map((r) => r.id).join(',')}|${getLang()}`;
    if (compareCache?.key !== key) compareCache = { key, node: compareForm(rounds, hooks.showCompare) };
    return compareCache.node;
  };
  const render = () => {
    const round = rounds.find((r) => r.id === current);
    replace(
      el,
      h('h2', { text: t('surveys.title') }),
      h('p', { class: 'hint', text: t('surveys.intro') }),
      problem ? h('p', { class: 'error', role: 'alert', text: problem }) : null,
      loaded ? roundList(rounds, current, choose) : h('p', { class: 'hint', text: t('surveys.loading') }),
      h(
        'details',
        { dataset: { testid: 'survey-new' } },
        h('summary', { text: t('surveys.create.heading') }),
        createForm(ctx, (id) => void load(id)),
      ),
      round ? roundNodes(round) : null,
      rounds.length >= 2 ? h('h3', { text: t('surveys.cmp.title') }) : null,
      rounds.length >= 2 ? compareNode() : null,
    );
  };
  render();
  const open = () => {
    // Opening the tab asks again: answers may have come in since.
    roundCache = null;
    compareCache = null;
    void load();
  };
  return { el, render, open };
}
