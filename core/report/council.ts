/** The kompetensråd proposal in the report: summary lines and a section with the seats and the constraints. */
import type { CouncilProposal } from '../analysis/council/types.js';
import type { Bilingual, Lang } from '../model/labels.js';
import type { ReportSection } from './model.js';
import type { CouncilProposalSummary } from './summary.js';

const nameOf = (n: { name: string; nameEn?: string }, lang: Lang) => (lang === 'en' && n.nameEn ? n.nameEn : n.name);

export function councilSummary(p: CouncilProposal): CouncilProposalSummary {
  const names = (lang: Lang) => p.seats.map((s) => nameOf(s, lang)).join(', ');
  const head: Bilingual = {
    sv: `${p.size} platser räcker${p.exact ? ', och färre går inte' : ''}: ${names('sv')}.`,
    en: `${p.size} seats are enough${p.exact ? ', and fewer will not do' : ''}: ${names('en')}.`,
  };
  const unmet = p.constraints.filter((c) => c.status !== 'met').map((c) => c.explanation);
  return { lines: [head, ...unmet] };
}

const STATUS: Record<string, Bilingual> = {
  met: { sv: 'uppfyllt', en: 'met' },
  'not-met': { sv: 'inte uppfyllt', en: 'not met' },
  'not-assessable': { sv: 'kan inte bedömas', en: 'cannot be assessed' },
};
const TITLE: Record<string, Bilingual> = {
  municipalities: { sv: 'Kommunerna', en: 'The municipalities' },
  helix: { sv: 'Samhällssektorerna', en: 'The sectors of society' },
  sectors: { sv: 'Branscher med efterfrågan', en: 'Sectors in demand' },
  gender: { sv: 'Könsbalans', en: 'Gender balance' },
};

export function councilSection(p: CouncilProposal, lang: Lang): ReportSection {
  const req = new Map(
    [...p.requirements.municipalities, ...p.requirements.helix, ...p.requirements.sectors].map((r) => [
      r.id,
      nameOf(r, lang),
    ]),
  );
  const covers = (s: CouncilProposal['seats'][number]) =>
    [...s.covers.municipalities, ...s.covers.helix, ...s.covers.sectors].map((id) => req.get(id) ?? id).join(', ');
  const sv = lang === 'sv';
  return {
    heading: sv ? 'Förslag till kompetensråd' : 'A proposal for a skills council',
    paragraphs: [councilSummary(p).lines[0][lang], p.method[lang]],
    table: {
      columns: sv ? ['Organisation', 'Redan med', 'Företräder'] : ['Organisation', 'Already in', 'Represents'],
      rows: p.seats.map((s) => [nameOf(s, lang), s.member ? (sv ? 'ja' : 'yes') : '', covers(s)]),
      widths: [0.35, 0.12, 0.53],
    },
    items: p.constraints.map((c) => ({
      title: `${TITLE[c.id][lang]}: ${STATUS[c.status][lang]}`,
      text: c.explanation[lang],
    })),
  };
}
