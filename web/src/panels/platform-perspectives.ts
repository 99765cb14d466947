/** Gender and integration in the "Plattformen" view: measured where data exists, said plainly where not. */
import type { Perspectives } from '../../../core/analysis/perspectives/index.js';
import type { PlatformReach } from '../../../core/analysis/platform/types.js';
import { h } from '../dom/h.js';
import { bi, getLang, t } from '../i18n/i18n.js';
import { pct, type Focus } from './platform-parts.js';

const nameOf = (n: { name: string; nameEn?: string }) => (getLang() === 'en' && n.nameEn ? n.nameEn : n.name);
const th = (text: string) => h('th', { attrs: { scope: 'col' }, text });

function genderTable(g: Perspectives['gender']): HTMLElement | null {
  const rows = g.networks.filter((n) => n.shareWomen !== null);
  if (rows.length === 0) return null;
  return h(
    'table',
    { class: 'data', dataset: { testid: 'platform-gender' } },
    h('caption', { text: t('platform.genderCaption') }),
    h(
      'thead',
      {},
      h('tr', {}, th(t('platform.network')), th(t('platform.seatsWomenMen')), th(t('platform.shareWomen'))),
    ),
    h(
      'tbody',
      {},
      rows.map((n) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' }, text: nameOf(n) }),
          h('td', { class: 'num', text: `${n.women ?? ''} / ${n.men ?? ''}` }),
          h('td', { class: 'num', text: pct(n.shareWomen) }),
        ),
      ),
    ),
  );
}

export function perspectivesSection(r: PlatformReach, name: (id: string) => string, focus: Focus): HTMLElement {
  const { gender, integration } = r.perspectives;
  const without = integration.municipalities.filter((m) => integration.without.includes(m.id));
  return h(
    'section',
    { dataset: { testid: 'platform-perspectives' } },
    h('h3', { text: t('platform.perspectives') }),
    h('h4', { text: t('platform.gender') }),
    h('p', { class: 'hint', text: bi(gender.note) }),
    genderTable(gender),
    h('h4', { text: t('platform.integration') }),
    h('p', { class: 'hint', text: bi(integration.note) }),
    integration.actors.length > 0
      ? h(
          'ul',
          { class: 'names', dataset: { testid: 'platform-integration' } },
          integration.actors.map((a) =>
            h(
              'li',
              {},
              h('button', { type: 'button', class: 'link', text: nameOf(a), on: { click: () => focus(a.id) } }),
              ' ',
              h('span', {
                class: 'hint',
                text: a.step === null ? t('platform.notReached') : t('platform.steps', { n: a.step }),
              }),
            ),
          ),
        )
      : null,
    integration.actors.length > 0
      ? h('p', {
          dataset: { testid: 'platform-integration-gap' },
          text:
            without.length === 0
              ? t('platform.integrationAll')
              : t('platform.integrationWithout', { names: without.map((m) => nameOf(m)).join(', ') }),
        })
      : null,
    integration.municipalities.length > 0 && integration.actors.length > 0
      ? h('p', {
          class: 'hint',
          text: t('platform.integrationNearest', {
            names: integration.municipalities
              .filter((m) => m.nearest !== null)
              .slice(0, 3)
              .map((m) => `${nameOf(m)}: ${name(m.nearest!.id)} (${m.nearest!.steps})`)
              .join('; '),
          }),
        })
      : null,
  );
}
