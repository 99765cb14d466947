/**
 * Unlinked demand: actors that demand occupations or skills but sit in no network (no membership-role
 * relation), and sectors with demand none of whose actors (active in or representing the sector) sit in one.
 */
import { GapContext, MEMBERSHIP_TYPES, uniq } from './context.js';
import { SupplyIndex } from './supply.js';
import { both, byName, list, type Lang } from './text.js';
import type { Finding } from './types.js';

export function unlinkedDemand(ctx: GapContext): Finding[] {
  const idx = new SupplyIndex(ctx);
  const inNetwork = (a: string) => ctx.out(a, MEMBERSHIP_TYPES).length > 0;
  const demanders = uniq(ctx.relations.filter((r) => r.type === 'DEMANDS').map((r) => r.from));
  const platform = ctx.options.platform;
  const findings: Finding[] = [];
  for (const d of demanders) {
    const targets = uniq(ctx.out(d, 'DEMANDS').map((r) => r.to));
    const shortage = targets.some((t) => idx.shortage(t));
    const what = (l: Lang) => list(targets.map((t) => ctx.label(t, l)).sort(byName), l, 6);
    if (ctx.isActor(d)) {
      if (inNetwork(d)) continue;
      findings.push({
        id: `unlinked-demand:${d}`,
        kind: 'unlinked-demand',
        gapKind: 'unlinked-demand',
        severity: shortage ? 'high' : 'medium',
        title: both((l) =>
          l === 'sv'
            ? `Efterfrågan utan nätverk: ${ctx.name(d, l)}`
            : `Demand outside every network: ${ctx.name(d, l)}`,
        ),
        explanation: both((l) =>
          l === 'sv'
            ? `${ctx.name(d, l)} efterfrågar ${what(l)} men är inte medlem i något nätverk, college, råd eller projekt.`
            : `${ctx.name(d, l)} demands ${what(l)} but is not a member of any network, college, council or project.`,
        ),
        nodeIds: [d, ...targets],
        ...(platform ? { missingTies: [{ from: d, to: platform, type: 'MEMBER_OF' }] } : {}),
        metrics: { demanded: targets.length },
      });
    } else if (ctx.kind(d) === 'Sector') {
      const carriers = idx.carriers(d);
      if (carriers.some(inNetwork)) continue;
      findings.push({
        id: `unlinked-demand:${d}`,
        kind: 'unlinked-demand',
        gapKind: 'unlinked-demand',
        severity: shortage ? 'high' : 'medium',
        title: both((l) =>
          l === 'sv'
            ? `Efterfrågan utan nätverk: branschen ${ctx.label(d, l)}`
            : `Demand outside every network: the sector ${ctx.label(d, l)}`,
        ),
        explanation: both((l) => {
          const head =
            l === 'sv'
              ? `Branschen ${ctx.label(d, l)} efterfrågar ${what(l)}, men `
              : `The sector ${ctx.label(d, l)} demands ${what(l)}, but `;
          const tail =
            carriers.length === 0
              ? l === 'sv'
                ? 'ingen aktör i registret är verksam i eller företräder branschen, så efterfrågan når inget nätverk, college, råd eller projekt.'
                : 'no actor in the register is active in or represents the sector, so the demand reaches no network, college, council or project.'
              : l === 'sv'
                ? `ingen av dess aktörer (${list(carriers.map((c) => ctx.name(c, l)).sort(byName), l)}) är medlem i något nätverk, college, råd eller projekt.`
                : `none of its actors (${list(carriers.map((c) => ctx.name(c, l)).sort(byName), l)}) is a member of any network, college, council or project.`;
          return head + tail;
        }),
        nodeIds: [d, ...carriers, ...targets],
        ...(platform && carriers.length > 0
          ? { missingTies: carriers.map((c) => ({ from: c, to: platform, type: 'MEMBER_OF' })) }
          : {}),
        metrics: { demanded: targets.length, actors: carriers.length },
      });
    }
  }
  return findings;
}
