/** The answer of a scenario in plain words: findings resolved and new, rank changes, the platform's reach. */
import type {
  FindingRef,
  MeasureDiffs,
  NamedRef,
  RankChange,
  ReachDiff,
  ScenarioAnswer,
} from '../../../core/analysis/scenario/types.js';
import { h } from '../dom/h.js';
import { bi, fmt, t } from '../i18n/i18n.js';

export type { ScenarioAnswer };

const names = (refs: NamedRef[]) => refs.map((r) => bi(r.name)).join(', ');

function findingList(heading: string, refs: FindingRef[], testid: string): HTMLElement | null {
  if (refs.length === 0) return null;
  return h(
    'section',
    { dataset: { testid } },
    h('h4', { text: heading }),
    h(
      'ul',
      {},
      refs.map((f) => h('li', { text: bi(f.title), dataset: { finding: f.id } })),
    ),
  );
}

function rankText(c: RankChange, top: number): string {
  const name = bi(c.name);
  if (c.before === null) return t('scenario.rankEntered', { name, after: c.after ?? 0, top });
  if (c.after === null) return t('scenario.rankLeft', { name, before: c.before, top });
  return t('scenario.rankMoved', { name, before: c.before, after: c.after });
}

function keyActors(d: MeasureDiffs['keyActors']): HTMLElement | null {
  const frag = d.network.fragmentation;
  const fragChanged = frag.before !== frag.after && frag.before !== null && frag.after !== null;
  const comps = d.network.components;
  if (d.changes.length === 0 && !fragChanged && comps.before === comps.after)
    return h('p', { dataset: { testid: 'scenario-ranks' }, text: t('scenario.ranksSame', { top: d.top }) });
  return h(
    'section',
    { dataset: { testid: 'scenario-ranks' } },
    h('h4', { text: t('scenario.ranksHeading', { top: d.top }) }),
    h(
      'ul',
      {},
      d.changes.map((c) => h('li', { text: rankText(c, d.top) })),
    ),
    comps.before !== comps.after
      ? h('p', { text: t('scenario.components', { before: comps.before, after: comps.after }) })
      : null,
    fragChanged
      ? h('p', { text: t('scenario.fragmentation', { before: fmt(frag.before, 2), after: fmt(frag.after, 2) }) })
      : null,
  );
}

function reach(d: ReachDiff | null): HTMLElement | null {
  if (!d) return h('p', { class: 'hint', text: t('scenario.noPlatform') });
  const lines: (HTMLElement | null)[] = [
    h('p', {
      text: t('scenario.reachActors', {
        platform: bi(d.focus.name),
        steps: d.steps,
        before: d.actors.before,
        after: d.actors.after,
      }),
    }),
  ];
  const list = (lead: string, refs: NamedRef[]) =>
    refs.length > 0 ? h('p', { text: `${lead} ${names(refs)}` }) : null;
  lines.push(
    list(t('scenario.reachGained'), d.actors.gained),
    list(t('scenario.reachLost'), d.actors.lost),
    list(t('scenario.municipalitiesGained'), d.municipalities.gained),
    list(t('scenario.municipalitiesLost'), d.municipalities.lost),
    list(t('scenario.helixGained'), d.helix.gained),
    list(t('scenario.helixLost'), d.helix.lost),
  );
  return h('section', { dataset: { testid: 'scenario-reach' } }, h('h4', { text: t('scenario.reachHeading') }), lines);
}

/** Whether the draft changes anything the measures see. */
export function hasDifferences(a: ScenarioAnswer): boolean {
  const r = a.reach;
  return (
    a.findings.resolved.length + a.findings.new.length + a.keyActors.changes.length > 0 ||
    a.keyActors.network.components.before !== a.keyActors.network.components.after ||
    (r !== null && (r.actors.before !== r.actors.after || r.actors.gained.length + r.actors.lost.length > 0))
  );
}

export function scenarioResult(a: ScenarioAnswer): HTMLElement {
  return h(
    'div',
    { class: 'scenario-result', dataset: { testid: 'scenario-result' }, aria: { live: 'polite' } },
    hasDifferences(a) ? null : h('p', { text: t('scenario.noChange') }),
    findingList(t('scenario.resolvedHeading'), a.findings.resolved, 'scenario-resolved'),
    findingList(t('scenario.newHeading'), a.findings.new, 'scenario-new'),
    keyActors(a.keyActors),
    reach(a.reach),
  );
}

/** The differences as plain text, for the description of an action-plan item. */
export function resultText(a: ScenarioAnswer): string {
  const out: string[] = [];
  if (a.findings.resolved.length > 0)
    out.push(`${t('scenario.resolvedHeading')}: ${a.findings.resolved.map((f) => bi(f.title)).join('; ')}`);
  if (a.findings.new.length > 0)
    out.push(`${t('scenario.newHeading')}: ${a.findings.new.map((f) => bi(f.title)).join('; ')}`);
  for (const c of a.keyActors.changes) out.push(rankText(c, a.keyActors.top));
  if (a.reach && a.reach.actors.gained.length > 0)
    out.push(`${t('scenario.reachGained')} ${names(a.reach.actors.gained)}`);
  if (a.reach && a.reach.municipalities.gained.length > 0)
    out.push(`${t('scenario.municipalitiesGained')} ${names(a.reach.municipalities.gained)}`);
  return out.join('\n');
}
