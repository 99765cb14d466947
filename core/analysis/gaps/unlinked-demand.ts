/**
 * Unlinked demand: actors that demand occupations or skills but sit in no network (no membership-role
 * relation), and sectors with demand none of whose actors (active in or representing the sector) sit in one.
 */
import { GapContext, MEMBERSHIP_TYPES, uniq } from './context.js';
import { SupplyIndex } from './supply.js';
import { both, byName, list, type Lang } from './text.js';
import { registerCompleteness, unit } from './basis.js';
import type { DraftFinding } from './types.js';

export function unlinkedDemand(ctx: GapContext): DraftFinding[] {
  const idx = new SupplyIndex(ctx);
  const inNetwork = (a: string) => ctx.out(a, MEMBERSHIP_TYPES).length > 0;
  const demanders = uniq(ctx.relations.filter((r) => r.type === 'DEMANDS').map((r) => r.from));
  const platform = ctx.options.platform;
  const findings: DraftFinding[] = [];
  const membership = [...MEMBERSHIP_TYPES];
  const orgType = (a: string) => String(ctx.prop(a, 'orgType') ?? '');
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
        basis: 'absent',
        impact: unit(0.3 + (shortage ? 0.3 : 0) + 0.1 * Math.min(3, targets.length)),
        completeness: registerCompleteness(
          ctx,
          membership,
          [orgType(d)].filter((t) => t !== ''),
        ),
        title: both((l) =>
          l === 'sv'
            ? `Efterfrågan utan registrerat nätverk: ${ctx.name(d, l)}`
            : `Demand with no recorded network: ${ctx.name(d, l)}`,
        ),
        explanation: both((l) =>
          l === 'sv'
            ? `${ctx.name(d, l)} efterfrågar ${what(l)} men registret har inget medlemskap för aktören i något nätverk, college, råd eller projekt.`
            : `${ctx.name(d, l)} demands ${what(l)} but the register has no membership of it in any network, college, council or project.`,
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
        basis: 'absent',
        impact: unit(0.3 + (shortage ? 0.3 : 0) + 0.1 * Math.min(3, targets.length)),
        completeness: registerCompleteness(
          ctx,
          membership,
          [...new Set(carriers.map(orgType))].filter((t) => t !== ''),
        ),
        title: both((l) =>
          l === 'sv'
            ? `Efterfrågan utan registrerat nätverk: branschen ${ctx.label(d, l)}`
            : `Demand with no recorded network: the sector ${ctx.label(d, l)}`,
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
                ? `registret har inget medlemskap i något nätverk, college, råd eller projekt för någon av dess aktörer (${list(carriers.map((c) => ctx.name(c, l)).sort(byName), l)}).`
                : `the register has no membership in any network, college, council or project for any of its actors (${list(carriers.map((c) => ctx.name(c, l)).sort(byName), l)}).`;
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
