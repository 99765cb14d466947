/**
 * The kompetensråd proposal (GET /api/council) inside the "Plattformen" view: the smallest set of organisations
 * whose seats cover every municipality, helix group and sector in demand, and each constraint met or not, and why.
 */
import type { CouncilConstraint, CouncilProposal } from '../../../core/analysis/council/types.js';
import { HELIX } from '../../../core/model/catalogue/node-kinds.js';
import { api } from '../api/client.js';
import { h, replace } from '../dom/h.js';
import { bi, getLang, t, tk } from '../i18n/i18n.js';

const STATUS: Record<CouncilConstraint['status'], string> = {
  met: tk('council.met'),
  'not-met': tk('council.notMet'),
  'not-assessable': tk('council.notAssessable'),
};
const TITLE: Record<CouncilConstraint['id'], string> = {
  municipalities: tk('council.municipalities'),
  helix: tk('council.helix'),
  sectors: tk('council.sectors'),
  gender: tk('council.gender'),
};

const nameOf = (n: { name: string; nameEn?: string }) => (getLang() === 'en' && n.nameEn ? n.nameEn : n.name);

function proposal(p: CouncilProposal): HTMLElement[] {
  const reqName = new Map(
    [...p.requirements.municipalities, ...p.requirements.sectors].map((r) => [r.id, nameOf(r)] as const),
  );
  const helixName = (id: string) => bi(HELIX.find((x) => x.value === id)?.label) || id;
  const covers = (s: CouncilProposal['seats'][number]) =>
    [...s.covers.municipalities.map((m) => reqName.get(m) ?? m), ...s.covers.helix.map(helixName)]
      .concat(s.covers.sectors.map((x) => reqName.get(x) ?? x))
      .join(', ');
  return [
    h('p', {
      text: p.exact
        ? t('council.sizeExact', { n: p.size, network: nameOf(p.network) })
        : t('council.sizeApprox', { n: p.size, network: nameOf(p.network) }),
    }),
    h(
      'ol',
      { class: 'council-seats', dataset: { testid: 'council-seats' } },
      p.seats.map((s) =>
        h(
          'li',
          { dataset: { seat: s.id } },
          h('strong', { text: nameOf(s) }),
          s.member ? h('span', { class: 'badge', text: t('council.member') }) : null,
          h('p', { class: 'hint', text: t('council.covers', { names: covers(s) }) }),
        ),
      ),
    ),
    h(
      'ul',
      { class: 'council-constraints', dataset: { testid: 'council-constraints' } },
      p.constraints.map((c) =>
        h(
          'li',
          { dataset: { constraint: c.id, status: c.status } },
          h('strong', { text: `${t(TITLE[c.id])}: ${t(STATUS[c.status])}` }),
          h('p', { text: bi(c.explanation) }),
        ),
      ),
    ),
    p.alternatives > 1
      ? h('p', {
          class: 'hint',
          text: p.alternativesTruncated
            ? t('council.alternativesMany', { n: p.alternatives })
            : t('council.alternatives', { n: p.alternatives }),
        })
      : h('p', { class: 'hint', text: t('council.unique') }),
    h('p', { class: 'hint', text: bi(p.method) }),
  ];
}

/** A section with a button that asks for the proposal for `network`. */
export function councilSection(network: () => string): HTMLElement {
  const el = h('section', { dataset: { testid: 'council' } });
  const body = h('div', { aria: { live: 'polite' } });
  const load = async () => {
    replace(body, h('p', { class: 'hint', text: t('council.loading') }));
    try {
      replace(body, proposal(await api.council(network())));
      document.body.dataset.council = 'ok';
    } catch {
      replace(body, h('p', { class: 'notice error', text: t('council.error') }));
      document.body.dataset.council = 'error';
    }
  };
  replace(
    el,
    h('h3', { text: t('council.title') }),
    h('p', { class: 'hint', text: t('council.intro') }),
    h('button', {
      type: 'button',
      text: t('council.propose'),
      dataset: { testid: 'council-propose' },
      on: { click: () => void load() },
    }),
    body,
  );
  return el;
}
