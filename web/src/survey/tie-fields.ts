/** Per tie: how often (monthly, quarterly, yearly), how valuable (1–4) and, optionally, which occupations or skills. */
import { h, uid } from '../dom/h.js';
import { t, tk } from '../i18n/i18n.js';
import type { TieDetails } from './api.js';
import { nameOf, remember, type SurveyCtx } from './context.js';
import { picker } from './picker.js';

type Frequency = NonNullable<TieDetails['frequency']>;
const FREQUENCIES: readonly Frequency[] = ['monthly', 'quarterly', 'yearly'];
const FREQUENCY_TEXT: Record<Frequency, string> = {
  monthly: tk('survey.freq.monthly'),
  quarterly: tk('survey.freq.quarterly'),
  yearly: tk('survey.freq.yearly'),
};
const VALUES = [1, 2, 3, 4] as const;
const VALUE_TEXT: Record<number, string> = {
  1: tk('survey.value.1'),
  2: tk('survey.value.2'),
  3: tk('survey.value.3'),
  4: tk('survey.value.4'),
};
const TOPIC_KINDS = ['Occupation', 'Skill'] as const;

function radioGroup<V extends string | number>(
  legend: string,
  options: readonly V[],
  text: (v: V) => string,
  current: V | undefined,
  choose: (v: V) => void,
  testid: string,
) {
  const name = uid('r');
  return h(
    'fieldset',
    { class: 'choices', dataset: { testid } },
    h('legend', { text: legend }),
    options.map((v) => {
      const id = uid('o');
      return h(
        'div',
        { class: 'choice' },
        h('input', {
          type: 'radio',
          id,
          name,
          value: String(v),
          checked: current === v,
          dataset: { testid: `${testid}-${v}` },
          on: { change: () => choose(v) },
        }),
        h('label', { for: id, text: text(v) }),
      );
    }),
  );
}

/** The occupations or skills of a tie: the chosen ones (removable) and a search to add more. */
function topics(details: TieDetails, ctx: SurveyCtx): HTMLElement {
  const list = h('ul', { class: 'suggested', dataset: { testid: 'topics' } });
  const redraw = () =>
    list.replaceChildren(
      ...(details.topics ?? []).map((id) =>
        h(
          'li',
          {},
          h('span', { text: nameOf(ctx, id) }),
          h('button', {
            type: 'button',
            class: 'secondary',
            text: t('survey.add.remove'),
            aria: { label: t('survey.topics.remove', { name: nameOf(ctx, id) }) },
            on: {
              click: () => {
                details.topics = (details.topics ?? []).filter((x) => x !== id);
                if (!details.topics.length) delete details.topics;
                ctx.changed();
                redraw();
              },
            },
          }),
        ),
      ),
    );
  redraw();
  return h(
    'div',
    { class: 'topics' },
    list,
    picker({
      label: t('survey.topics.label'),
      kinds: () => TOPIC_KINDS,
      search: ctx.search,
      exclude: (id) => (details.topics ?? []).includes(id),
      pick: (hit) => {
        remember(ctx, hit);
        details.topics = [...(details.topics ?? []), hit.id];
        ctx.changed();
        redraw();
      },
      testid: 'topic-search',
    }),
  );
}

/** The detail questions of one tie. */
export function tieFields(details: TieDetails, ctx: SurveyCtx): HTMLElement {
  return h(
    'div',
    { class: 'tie-details' },
    radioGroup(
      t('survey.freq.legend'),
      FREQUENCIES,
      (f) => t(FREQUENCY_TEXT[f]),
      details.frequency,
      (f) => ((details.frequency = f), ctx.changed()),
      'frequency',
    ),
    radioGroup(
      t('survey.value.legend'),
      VALUES,
      (v) => t(VALUE_TEXT[v]),
      details.value as 1 | 2 | 3 | 4 | undefined,
      (v) => ((details.value = v), ctx.changed()),
      'value',
    ),
    topics(details, ctx),
  );
}
