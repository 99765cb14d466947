/** The parts of the "Plattformen" view: rings, the coverage tables, key actors outside reach, invitations. */
import type {
  InvitePick,
  KeyActor,
  PlatformReach,
  ReachedNode,
  StepCount,
} from '../../../core/analysis/platform/types.js';
import { HELIX } from '../../../core/model/catalogue/node-kinds.js';
import type { AppContext } from '../context/context.js';
import { labelOf } from '../context/items.js';
import { h } from '../dom/h.js';
import { bi, getLang, t } from '../i18n/i18n.js';

export type Focus = (id: string) => void;

const nameOf = (n: { name: string; nameEn?: string }) => (getLang() === 'en' && n.nameEn ? n.nameEn : n.name);
export const pct = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)} %`);
const helixName = (id: string) => bi(HELIX.find((x) => x.value === id)?.label) || t('platform.helixUnknown');

function actorButton(n: { id: string; name: string; nameEn?: string }, focus: Focus): HTMLElement {
  return h('button', { type: 'button', class: 'link', text: nameOf(n), on: { click: () => focus(n.id) } });
}

export function rings(r: PlatformReach, focus: Focus): HTMLElement {
  const list = (xs: ReachedNode[]) =>
    h(
      'ul',
      { class: 'names' },
      xs.map((x) => h('li', {}, actorButton(x, focus))),
    );
  return h(
    'section',
    { dataset: { testid: 'platform-rings' } },
    h('h3', { text: t('platform.rings') }),
    r.rings.map((ring) =>
      h(
        'details',
        { dataset: { ring: String(ring.step) }, attrs: ring.step === 1 ? { open: '' } : {} },
        h('summary', {
          text: t('platform.ring', { step: ring.step, actors: ring.actors.length, networks: ring.networks.length }),
        }),
        ring.actors.length > 0 ? list(ring.actors) : null,
        ring.networks.length > 0 ? h('p', { class: 'hint', text: t('platform.ringNetworks') }) : null,
        ring.networks.length > 0 ? list(ring.networks) : null,
      ),
    ),
    h('p', { class: 'hint', text: t('platform.beyond', { actors: r.beyond.actors, networks: r.beyond.networks }) }),
  );
}

const th = (text: string) => h('th', { attrs: { scope: 'col' }, text });

function stepCells(counts: StepCount[]): HTMLElement[] {
  return counts.map((c) => h('td', { class: 'num', text: `${c.count} (${pct(c.share)})` }));
}

export function municipalityTable(ctx: AppContext, r: PlatformReach): HTMLElement {
  const m = r.municipalities;
  const viaNames = (path: string[]) =>
    path
      .slice(1, -1)
      .map((id) => labelOf(ctx, id))
      .join(' → ');
  return h(
    'table',
    { class: 'data', dataset: { testid: 'platform-municipalities' } },
    h('caption', { text: t('platform.municipalityCaption', { total: m.total }) }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        th(t('platform.municipality')),
        th(t('platform.step')),
        th(t('platform.via')),
        th(t('platform.presence')),
      ),
    ),
    h(
      'tbody',
      {},
      m.rows.map((row) =>
        h(
          'tr',
          { dataset: { municipality: row.id } },
          h('th', { attrs: { scope: 'row' }, text: nameOf(row) }),
          h('td', {
            class: 'num',
            text:
              row.step === null
                ? row.hasKommunOrg
                  ? t('platform.notReached')
                  : t('platform.noKommunOrg')
                : String(row.step),
          }),
          h('td', { text: row.step === null ? '' : viaNames(row.path) || t('platform.direct') }),
          h('td', {
            text:
              row.presenceStep === null || row.presenceActor === null
                ? t('platform.notReached')
                : t('platform.presenceAt', { name: labelOf(ctx, row.presenceActor), step: row.presenceStep }),
          }),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      m.byStep.map((c) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' }, text: t('platform.within', { step: c.step }) }),
          h('td', { class: 'num', attrs: { colspan: '3' }, text: `${c.count} / ${m.total} (${pct(c.share)})` }),
        ),
      ),
    ),
  );
}

export function helixTable(r: PlatformReach): HTMLElement {
  const steps = r.rings.map((x) => x.step);
  return h(
    'table',
    { class: 'data', dataset: { testid: 'platform-helix' } },
    h('caption', { text: t('platform.helixCaption') }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        th(t('platform.helix')),
        th(t('platform.inRegister')),
        steps.map((s) => th(t('platform.within', { step: s }))),
      ),
    ),
    h(
      'tbody',
      {},
      r.helix.groups.map((g) =>
        h(
          'tr',
          { dataset: { helix: g.id } },
          h('th', { attrs: { scope: 'row' }, text: bi(g.label) }),
          h('td', { class: 'num', text: String(g.total) }),
          stepCells(g.byStep),
        ),
      ),
    ),
    r.helix.withoutHelix > 0
      ? h(
          'tfoot',
          {},
          h(
            'tr',
            {},
            h('td', {
              attrs: { colspan: String(2 + steps.length) },
              text: t('platform.withoutHelix', { n: r.helix.withoutHelix }),
            }),
          ),
        )
      : null,
  );
}

export function outsideKeyActors(r: PlatformReach, focus: Focus): HTMLElement {
  const k = r.parameters.steps;
  const item = (a: KeyActor) =>
    h(
      'li',
      {},
      actorButton(a, focus),
      ' ',
      h('span', {
        class: 'hint',
        text: a.step === null ? t('platform.notReached') : t('platform.steps', { n: a.step }),
      }),
    );
  return h(
    'section',
    { dataset: { testid: 'platform-outside' } },
    h('h3', { text: t('platform.outside', { k }) }),
    r.keyActors.outside.length === 0
      ? h('p', { class: 'hint', text: t('platform.outsideNone', { k, n: r.keyActors.all.length }) })
      : h('ul', { class: 'names' }, r.keyActors.outside.map(item)),
  );
}

/** Names from the answer itself first (municipalities are not always on the map), then from the graph. */
export function namer(ctx: AppContext, r: PlatformReach): (id: string) => string {
  const names = new Map<string, string>();
  for (const m of r.municipalities.rows) names.set(m.id, nameOf(m));
  for (const a of r.keyActors.all) names.set(a.id, nameOf(a));
  for (const ring of r.rings) for (const x of [...ring.actors, ...ring.networks]) names.set(x.id, nameOf(x));
  return (id) => names.get(id) ?? labelOf(ctx, id);
}

function gainText(name: (id: string) => string, p: InvitePick, k: number): string {
  const parts: string[] = [];
  if (p.gain.municipalities.length > 0)
    parts.push(t('platform.gainMunicipalities', { names: p.gain.municipalities.map(name).join(', ') }));
  if (p.gain.helix.length > 0) parts.push(t('platform.gainHelix', { names: p.gain.helix.map(helixName).join(', ') }));
  if (p.gain.keyActors.length > 0)
    parts.push(t('platform.gainKeyActors', { names: p.gain.keyActors.map(name).join(', ') }));
  parts.push(t('platform.gainActors', { n: p.gain.actors, k }));
  return parts.join(' ');
}

export function inviteList(ctx: AppContext, r: PlatformReach, focus: Focus): HTMLElement {
  const k = r.parameters.steps;
  const rest = r.invite.remaining;
  const name = namer(ctx, r);
  return h(
    'section',
    { dataset: { testid: 'platform-invite' } },
    h('h3', { text: t('platform.invite') }),
    h('p', { class: 'hint', text: t('platform.inviteHint', { k }) }),
    r.invite.picks.length === 0
      ? h('p', { class: 'hint', text: t('platform.inviteNone') })
      : h(
          'ol',
          { class: 'invite' },
          r.invite.picks.map((p) =>
            h(
              'li',
              { dataset: { invite: p.id } },
              actorButton(p, focus),
              h('p', {
                class: 'hint',
                text: `${p.stepBefore === null ? t('platform.nowUnreached') : t('platform.nowAt', { n: p.stepBefore })} ${gainText(name, p, k)}`,
              }),
            ),
          ),
        ),
    rest.municipalities.length + rest.helix.length + rest.keyActors.length > 0
      ? h('p', {
          class: 'hint',
          text: t('platform.stillMissing', {
            names: [...rest.municipalities, ...rest.keyActors].map(name).concat(rest.helix.map(helixName)).join(', '),
          }),
        })
      : null,
  );
}
