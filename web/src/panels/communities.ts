/** Communities (Louvain, seeded): each group with its size and most connected members; click to highlight. */
import type { AppContext } from '../app/context.js';
import { labelOf } from '../app/items.js';
import { h, replace } from '../dom/h.js';
import { fmt, t } from '../i18n/i18n.js';
import { CATEGORICAL, OTHER_COLOR } from '../look/look.js';
import type { Panel } from './panel.js';

export function communitiesPanel(ctx: AppContext, show: (community: number | null) => void): Panel {
  const el = h('div', { class: 'communities', dataset: { testid: 'communities' } });
  const render = () => {
    const res = ctx.analysis;
    if (!res) return replace(el, h('p', { class: 'hint', text: t('actors.noAnalysis') }));
    const members = new Map<number, string[]>();
    for (const [id, m] of Object.entries(res.nodes)) {
      let list = members.get(m.community);
      if (!list) members.set(m.community, (list = []));
      list.push(id);
    }
    const order = [...members.entries()].sort((a, b) => b[1].length - a[1].length);
    replace(
      el,
      h('p', {
        class: 'hint',
        text: t('communities.summary', {
          n: res.communities.count,
          q: fmt(res.communities.modularity, 3),
          seed: res.communities.seed,
        }),
      }),
      h(
        'div',
        { class: 'row' },
        h('button', {
          type: 'button',
          text: t('communities.colorBy'),
          dataset: { testid: 'communities-color' },
          on: { click: () => ctx.store.set({ colorBy: 'community' }) },
        }),
        ctx.community !== null
          ? h('button', {
              type: 'button',
              class: 'link',
              text: t('communities.clear'),
              on: { click: () => show(null) },
            })
          : null,
      ),
      h(
        'ol',
        { class: 'community-list' },
        order.map(([c, ids], i) => {
          const top = ids.sort((a, b) => (res.nodes[b]?.degree ?? 0) - (res.nodes[a]?.degree ?? 0)).slice(0, 5);
          return h(
            'li',
            { class: ctx.community === c ? 'current' : '' },
            h('span', {
              class: 'swatch',
              style: { background: i < CATEGORICAL.length ? CATEGORICAL[i] : OTHER_COLOR },
              aria: { hidden: 'true' },
            }),
            h('button', {
              type: 'button',
              class: 'link',
              text: t('communities.item', { n: c + 1, size: ids.length }),
              aria: { pressed: String(ctx.community === c) },
              on: { click: () => show(ctx.community === c ? null : c) },
            }),
            h('div', { class: 'hint', text: top.map((n) => labelOf(ctx, n)).join(', ') }),
          );
        }),
      ),
    );
  };
  render();
  return { el, render, update: render };
}
