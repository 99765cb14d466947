/**
 * The review queue of a round: every proposed change (confirmation, denial, new tie, new organisation) with who
 * reported it; accept or reject one at a time, or accept every reciprocated tie at once. Accepting writes records
 * through the server's ordinary validation and history; a denial is flagged on the tie, never deleted.
 */
import { surveysApi, type ReviewItem } from '../api/surveys.js';
import { h, replace } from '../dom/h.js';
import { bi, t, tk } from '../i18n/i18n.js';
import { errorText } from './survey-shared.js';

const KIND_TEXT: Record<ReviewItem['kind'], string> = {
  confirm: tk('surveys.review.kind.confirm'),
  deny: tk('surveys.review.kind.deny'),
  new_tie: tk('surveys.review.kind.new_tie'),
  new_organisation: tk('surveys.review.kind.new_organisation'),
};
const FREQUENCY_TEXT: Record<string, string> = {
  monthly: tk('survey.freq.monthly'),
  quarterly: tk('survey.freq.quarterly'),
  yearly: tk('survey.freq.yearly'),
};

/** How often and how valuable the reporters say the tie is ("Varje månad · värde 4 av 4"). */
function reported(item: ReviewItem): string {
  const parts = [
    ...item.frequency.map((f) => (FREQUENCY_TEXT[f] ? t(FREQUENCY_TEXT[f]) : '')).filter(Boolean),
    ...item.value.map((v) => t('surveys.review.value', { v })),
  ];
  return parts.join(' · ');
}

const ORDER: ReviewItem['kind'][] = ['new_tie', 'confirm', 'deny', 'new_organisation'];

export interface ReviewHooks {
  /** Records were written: the map reloads the graph. */
  written: () => void;
}

function itemRow(item: ReviewItem, decide: (accept: boolean) => void): HTMLElement {
  const who = item.reportedBy.map((r) => r.name).join(', ');
  const decided = item.decision
    ? h('span', {
        class: item.decision === 'accepted' ? 'badge success' : 'badge',
        text: item.decision === 'accepted' ? t('surveys.review.accepted') : t('surveys.review.rejected'),
      })
    : h(
        'div',
        { class: 'row' },
        h('button', {
          type: 'button',
          class: 'primary',
          text: t('surveys.review.accept'),
          dataset: { testid: 'review-accept' },
          on: { click: () => decide(true) },
        }),
        h('button', {
          type: 'button',
          text: t('surveys.review.reject'),
          dataset: { testid: 'review-reject' },
          on: { click: () => decide(false) },
        }),
      );
  return h(
    'li',
    { class: 'finding', dataset: { testid: 'review-item', kind: item.kind, id: item.id } },
    h('p', { class: 'strong', text: bi(item.description) }),
    h('p', { class: 'hint', text: t('surveys.review.by', { who }) }),
    item.reciprocated ? h('p', { class: 'hint', text: t('surveys.review.both') }) : null,
    reported(item) ? h('p', { class: 'hint', text: reported(item) }) : null,
    decided,
  );
}

export function reviewView(roundId: string, hooks: ReviewHooks): HTMLElement {
  const el = h('div', { dataset: { testid: 'survey-review' } });
  const status = h('p', { role: 'status', class: 'hint' });
  let items: ReviewItem[] = [];
  const load = async () => {
    try {
      items = (await surveysApi.review(roundId)).items;
      draw();
    } catch (err) {
      el.replaceChildren(h('p', { class: 'error', text: errorText(err) }), status);
    }
  };
  const send = async (decision: Parameters<typeof surveysApi.decide>[1]) => {
    try {
      const r = await surveysApi.decide(roundId, decision);
      status.textContent = t('surveys.review.result', {
        accepted: r.accepted.length,
        rejected: r.rejected.length,
        created: r.relationsCreated + r.nodesCreated,
        updated: r.relationsUpdated,
      });
      if (r.accepted.length) hooks.written();
      await load();
    } catch (err) {
      status.textContent = errorText(err);
    }
  };
  const draw = () => {
    const open = items.filter((i) => !i.decision);
    const mutual = open.filter((i) => i.reciprocated).length;
    replace(
      el,
      h('p', { text: t('surveys.review.count', { open: open.length, all: items.length }) }),
      mutual
        ? h('button', {
            type: 'button',
            class: 'primary',
            text: t('surveys.review.acceptMutual', { n: mutual }),
            dataset: { testid: 'review-accept-mutual' },
            on: { click: () => void send({ acceptReciprocated: true }) },
          })
        : null,
      status,
      ORDER.filter((k) => items.some((i) => i.kind === k)).map((k) =>
        h(
          'section',
          {},
          h('h5', { class: 'strong', text: t(KIND_TEXT[k]) }),
          h(
            'ul',
            { class: 'findings' },
            items
              .filter((i) => i.kind === k)
              .map((i) => itemRow(i, (accept) => void send(accept ? { accept: [i.id] } : { reject: [i.id] }))),
          ),
        ),
      ),
    );
  };
  el.append(h('p', { class: 'hint', text: t('surveys.loading') }));
  void load();
  return el;
}
