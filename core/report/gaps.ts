import { score } from '../analysis/gaps/basis.js';
import type { GapReport } from '../analysis/gaps/types.js';
import type { Lang } from '../model/labels.js';
import type { ReportSection } from './model.js';
import { rt } from './strings.js';

const BASIS = {
  observed: { sv: 'syns i registret', en: 'seen in the register' },
  absent: { sv: 'band saknas i registret', en: 'ties missing from the register' },
  robust: { sv: 'håller på bekräftade band', en: 'holds on confirmed ties' },
  confidence: { sv: 'säkerhet', en: 'confidence' },
} as const;

/** The gap findings, the most important first (impact × confidence), each with its basis and explanation. */
export function gapsSection(report: GapReport, lang: Lang, max = 30): ReportSection {
  const findings = [...report.findings]
    .filter((f) => f.kind !== 'no-data')
    .sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id));
  const shown = findings.slice(0, max);
  return {
    heading: rt('gapsHeading', lang),
    newPage: true,
    paragraphs: [findings.length > 0 ? rt('gapsIntro', lang) : rt('gapsNone', lang)],
    items: shown.map((f) => ({
      title: f.title[lang],
      text: f.explanation[lang],
      notes: [
        [
          `${rt('severity', lang)}: ${rt(f.severity, lang)}`,
          `${BASIS.confidence[lang]}: ${rt(f.confidence, lang)}`,
          BASIS[f.basis][lang],
          ...(f.robust ? [BASIS.robust[lang]] : []),
        ].join(' · '),
      ],
    })),
    ...(findings.length > max ? { after: `${findings.length - max} ${rt('gapsMore', lang)}` } : {}),
  };
}
