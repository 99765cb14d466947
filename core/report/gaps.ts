import type { GapReport, Severity } from '../analysis/gaps/types.js';
import type { Lang } from '../model/labels.js';
import type { ReportSection } from './model.js';
import { rt } from './strings.js';

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** The gap findings, most severe first, each with its explanation. */
export function gapsSection(report: GapReport, lang: Lang, max = 30): ReportSection {
  const findings = [...report.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const shown = findings.slice(0, max);
  return {
    heading: rt('gapsHeading', lang),
    newPage: true,
    paragraphs: [findings.length > 0 ? rt('gapsIntro', lang) : rt('gapsNone', lang)],
    items: shown.map((f) => ({
      title: `${f.title[lang]} (${rt('severity', lang).toLowerCase()}: ${rt(f.severity, lang)})`,
      text: f.explanation[lang],
    })),
    ...(findings.length > max ? { after: `${findings.length - max} ${rt('gapsMore', lang)}` } : {}),
  };
}
