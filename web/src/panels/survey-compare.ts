/**
 * Two rounds side by side: actors, ties, density and the platform's reach in each, the ties that are new and the
 * ties that are lost (saying whether a loss was observed or only not reported again), and key actors' rank
 * changes. "Visa i kartan" highlights the new ties' actors and draws the lost ties as dashed lines.
 */
import { relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import type { GapFinding } from '../api/types.js';
import { surveysApi, type RoundComparison, type SurveyView } from '../api/surveys.js';
import { h, uid } from '../dom/h.js';
import { bi, fmt, getLang, t } from '../i18n/i18n.js';

const enc = encodeURIComponent;
import { dataTable, errorText } from './survey-shared.js';

type TieRef = RoundComparison['newTies'][number];

const tieText = (r: TieRef) => `${r.fromName} ${bi(relationKind(r.type)?.label)} ${r.toName}`;

/** The change as a map highlight: the shell draws it like a finding (actors lit, lost ties dashed). */
export function compareHighlight(c: RoundComparison): GapFinding {
  const ends = (ts: TieRef[]) => ts.flatMap((x) => [x.from, x.to]);
  const title = { sv: `Förändring ${c.from.title} → ${c.to.title}`, en: `Change ${c.from.title} → ${c.to.title}` };
  return {
    id: `survey-compare:${c.from.surveyId}:${c.to.surveyId}`,
    kind: 'survey-compare',
    gapKind: 'survey-compare',
    severity: 'low',
    basis: 'observed',
    confidence: 'medium',
    robust: false,
    impact: 0,
    title,
    explanation: title,
    nodeIds: [...new Set([...ends(c.newTies), ...ends(c.lostTies)])],
    missingTies: c.lostTies.map((x) => ({ from: x.from, to: x.to, type: x.type })),
  };
}

function tieList(caption: string, ties: TieRef[], testid: string): HTMLElement {
  return h(
    'div',
    { dataset: { testid } },
    h('h4', { text: `${caption} (${ties.length})` }),
    ties.length
      ? h(
          'ul',
          {},
          ties.map((x) =>
            h(
              'li',
              {},
              tieText(x),
              x.basis === 'unanswered' ? h('span', { class: 'hint', text: ` – ${t('surveys.cmp.unanswered')}` }) : null,
              x.basis === 'observed' ? h('span', { class: 'hint', text: ` – ${t('surveys.cmp.observed')}` }) : null,
            ),
          ),
        )
      : h('p', { class: 'hint', text: t('surveys.cmp.none') }),
  );
}

export function comparisonView(c: RoundComparison, show: (f: GapFinding | null) => void): HTMLElement {
  const fig = (label: string, a: number, b: number, digits = 3) => [
    label,
    fmt(a, digits),
    fmt(b, digits),
    fmt(b - a, digits),
  ];
  const figures = dataTable(
    t('surveys.cmp.figures'),
    [t('surveys.cmp.measure'), c.from.title, c.to.title, t('surveys.cmp.change')],
    [
      fig(t('surveys.cmp.actors'), c.from.actors, c.to.actors),
      fig(t('surveys.cmp.ties'), c.from.ties, c.to.ties),
      fig(t('surveys.cmp.density'), c.from.density, c.to.density),
      fig(t('surveys.cmp.reach'), c.from.reach.actors, c.to.reach.actors),
      fig(t('surveys.cmp.reachMunicipalities'), c.from.reach.municipalities, c.to.reach.municipalities),
    ],
    'survey-compare-figures',
  );
  const ranks = dataTable(
    t('surveys.cmp.ranks'),
    [t('surveys.cmp.actor'), c.from.title, c.to.title, t('surveys.cmp.change')],
    c.keyActors.map((k) => [
      k.name,
      k.rankFrom === null ? '–' : String(k.rankFrom),
      k.rankTo === null ? '–' : String(k.rankTo),
      k.change === null ? '–' : k.change > 0 ? `+${k.change}` : String(k.change),
    ]),
    'survey-compare-ranks',
  );
  return h(
    'div',
    { dataset: { testid: 'survey-comparison' } },
    c.text.map((line) => h('p', { text: bi(line) })),
    h(
      'div',
      { class: 'row' },
      h('button', {
        type: 'button',
        text: t('surveys.cmp.showMap'),
        dataset: { testid: 'survey-compare-map' },
        on: { click: () => show(compareHighlight(c)) },
      }),
      h('button', { type: 'button', class: 'link', text: t('surveys.cmp.clearMap'), on: { click: () => show(null) } }),
      h('a', {
        href: `/api/surveys/compare.pdf?from=${enc(c.from.surveyId)}&to=${enc(c.to.surveyId)}&lang=${getLang()}`,
        text: t('surveys.cmp.pdf'),
        attrs: { download: '' },
        dataset: { testid: 'survey-compare-pdf' },
      }),
    ),
    figures,
    tieList(t('surveys.cmp.new'), c.newTies, 'survey-new-ties'),
    tieList(t('surveys.cmp.lost'), c.lostTies, 'survey-lost-ties'),
    ranks,
  );
}

/** Pick two rounds and compare them. */
export function compareForm(rounds: SurveyView[], show: (f: GapFinding | null) => void): HTMLElement {
  const out = h('div', { attrs: { 'aria-live': 'polite' } });
  const select = (label: string, pick: number, testid: string) => {
    const id = uid('round');
    const el = h(
      'select',
      { id, dataset: { testid } },
      rounds.map((r, i) =>
        h('option', { value: r.id, text: r.title, ...(i === pick ? { attrs: { selected: '' } } : {}) }),
      ),
    );
    return { el, field: h('div', { class: 'field' }, h('label', { for: id, text: label }), el) };
  };
  // The list is newest first: compare the one before with the newest.
  const from = select(t('surveys.cmp.from'), Math.min(1, rounds.length - 1), 'survey-compare-from');
  const to = select(t('surveys.cmp.to'), 0, 'survey-compare-to');
  const run = async () => {
    out.replaceChildren(h('p', { class: 'hint', text: t('surveys.loading') }));
    try {
      out.replaceChildren(comparisonView(await surveysApi.compare(from.el.value, to.el.value), show));
    } catch (err) {
      out.replaceChildren(h('p', { class: 'error', text: errorText(err) }));
    }
  };
  return h(
    'div',
    { dataset: { testid: 'survey-compare' } },
    from.field,
    to.field,
    h('button', {
      type: 'button',
      class: 'primary',
      text: t('surveys.cmp.run'),
      dataset: { testid: 'survey-compare-run' },
      on: { click: () => void run() },
    }),
    out,
  );
}
