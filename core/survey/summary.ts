/** Follow-up of a round: response rate overall, by municipality and by helix group, non-respondents, reciprocity. */
import { HELIX } from '../model/catalogue/node-kinds.js';
import type { NodeRecord } from '../model/records.js';
import type { ReviewItem, SurveySummary } from './schemas.js';
import { summaryText } from './text.js';

export interface SummaryRespondent {
  nodeId: string;
  role: string | null;
  submittedAt: string | null;
}

type Rate = SurveySummary['overall'];
const NONE = { sv: 'uppgift saknas', en: 'not recorded' };

function rates(groups: Map<string, { label: Rate['label']; invited: number; answered: number }>): Rate[] {
  return [...groups]
    .map(([key, g]) => ({ key, ...g, rate: g.invited === 0 ? null : g.answered / g.invited }))
    .sort((a, b) => (a.label.sv < b.label.sv ? -1 : a.label.sv > b.label.sv ? 1 : 0));
}

function groupBy(
  respondents: readonly SummaryRespondent[],
  keyOf: (r: SummaryRespondent) => { key: string; label: Rate['label'] },
): Rate[] {
  const groups = new Map<string, { label: Rate['label']; invited: number; answered: number }>();
  for (const r of respondents) {
    const { key, label } = keyOf(r);
    const g = groups.get(key) ?? { label, invited: 0, answered: 0 };
    g.invited += 1;
    if (r.submittedAt !== null) g.answered += 1;
    groups.set(key, g);
  }
  return rates(groups);
}

export function surveySummary(
  surveyId: string,
  respondents: readonly SummaryRespondent[],
  nodes: ReadonlyMap<string, NodeRecord>,
  items: readonly ReviewItem[],
): SurveySummary {
  const answered = new Set(respondents.filter((r) => r.submittedAt !== null).map((r) => r.nodeId));
  const prop = (id: string, p: string) => {
    const v = nodes.get(id)?.props[p];
    return typeof v === 'string' ? v : '';
  };
  const byMunicipality = groupBy(respondents, (r) => {
    const m = prop(r.nodeId, 'municipality');
    const n = nodes.get(m);
    return { key: m || '-', label: n ? { sv: n.name, en: n.nameEn ?? n.name } : NONE };
  });
  const byHelix = groupBy(respondents, (r) => {
    const h = HELIX.find((x) => x.value === prop(r.nodeId, 'helix'));
    return { key: h?.value ?? '-', label: h?.label ?? NONE };
  });
  const between = items.filter(
    (i) => (i.kind === 'confirm' || i.kind === 'new_tie') && answered.has(i.from ?? '') && answered.has(i.to ?? ''),
  );
  const reciprocated = between.filter((i) => i.reciprocated).length;
  const overallRate = respondents.length === 0 ? null : answered.size / respondents.length;
  const reciprocity = between.length === 0 ? null : reciprocated / between.length;
  return {
    surveyId,
    overall: {
      key: 'all',
      label: { sv: 'alla', en: 'all' },
      invited: respondents.length,
      answered: answered.size,
      rate: overallRate,
    },
    byMunicipality,
    byHelix,
    nonRespondents: respondents
      .filter((r) => r.submittedAt === null)
      .map((r) => ({ id: r.nodeId, name: nodes.get(r.nodeId)?.name ?? r.nodeId, role: r.role })),
    reciprocity: { ties: between.length, reciprocated, rate: reciprocity },
    text: summaryText(answered.size, respondents.length, overallRate, reciprocity),
  };
}
