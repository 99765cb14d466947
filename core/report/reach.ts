/**
 * The platform's reach in the report: short lines for the summary slot, and a section with the rings, the
 * coverage of the municipalities and helix groups by step, the invitations and the integration perspective.
 */
import { proposeCouncil } from '../analysis/council/index.js';
import { AnalysisError } from '../analysis/errors.js';
import { platformReach } from '../analysis/platform/index.js';
import type { PlatformReach } from '../analysis/platform/types.js';
import type { Bilingual, Lang } from '../model/labels.js';
import type { Evidence, NodeRecord, Snapshot } from '../model/records.js';
import { councilSection, councilSummary } from './council.js';
import { nameIn } from './format.js';
import type { ReportSection } from './model.js';
import type { PlatformReachSummary, SummaryInputs } from './summary.js';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);
const L = (sv: string, en: string): Bilingual => ({ sv, en });
type Names = (id: string, lang: Lang) => string;

export function namesFrom(nodes: Map<string, NodeRecord>): Names {
  return (id, lang) => nameIn(nodes.get(id), id, lang);
}

function inviteLine(r: PlatformReach, name: Names): Bilingual {
  const k = r.parameters.steps;
  const picks = r.invite.picks.slice(0, 3);
  if (picks.length === 0)
    return L(
      'Inget enskilt nytt band till plattformen skulle föra in något mer inom räckvidden.',
      'No single new tie to the platform would bring anything more within reach.',
    );
  const one = (lang: Lang) =>
    picks
      .map((p) => {
        const n = p.gain.municipalities.length;
        const gains =
          lang === 'sv'
            ? `${n > 0 ? `${n} kommuner, ` : ''}${p.gain.actors} organisationer inom ${k} steg`
            : `${n > 0 ? `${n} municipalities, ` : ''}${p.gain.actors} organisations within ${k} steps`;
        return `${name(p.id, lang)} (${gains})`;
      })
      .join('; ');
  return L(`Bjud in först: ${one('sv')}.`, `Invite first: ${one('en')}.`);
}

/** Short lines for the report's summary. */
export function reachSummary(r: PlatformReach, name: Names): PlatformReachSummary {
  const k = r.parameters.steps;
  const m = r.municipalities;
  const within = m.byStep.find((s) => s.step === k) ?? m.byStep[m.byStep.length - 1];
  const rings = (lang: Lang) =>
    r.rings
      .map((x) =>
        lang === 'sv'
          ? `${x.step} steg: ${x.actors.length} organisationer`
          : `${x.step} steps: ${x.actors.length} organisations`,
      )
      .join(', ');
  const helix = (lang: Lang) =>
    r.helix.groups
      .map((g) => `${g.label[lang].toLowerCase()} ${pct(g.byStep.find((s) => s.step === k)?.share ?? null)}`)
      .join(', ');
  const outside = r.keyActors.outside.map((a) => a.id);
  const without = r.perspectives.integration.without;
  return {
    lines: [
      L(
        `${name(r.focus.id, 'sv')} når inom ${rings('sv')}.`,
        `${name(r.focus.id, 'en')} reaches within ${rings('en')}.`,
      ),
      L(
        `${within.count} av ${m.total} kommuners egna organisationer nås inom ${k} steg; sektorerna: ${helix('sv')}.`,
        `${within.count} of the ${m.total} municipalities' own organisations are reached within ${k} steps; sectors: ${helix('en')}.`,
      ),
      outside.length > 0
        ? L(
            `Längre bort än ${k} steg finns nyckelaktörerna ${outside.map((id) => name(id, 'sv')).join(', ')}.`,
            `Further away than ${k} steps are the key actors ${outside.map((id) => name(id, 'en')).join(', ')}.`,
          )
        : L(`Alla nyckelaktörer finns inom ${k} steg.`, `Every key actor is within ${k} steps.`),
      inviteLine(r, name),
      ...(r.perspectives.integration.actors.length > 0 && without.length > 0
        ? [
            L(
              `Ingen aktör för nyanlända, SFI eller validering inom två steg: ${without.map((id) => name(id, 'sv')).join(', ')}.`,
              `No actor for newcomers, SFI or validation within two steps: ${without.map((id) => name(id, 'en')).join(', ')}.`,
            ),
          ]
        : []),
    ],
  };
}

/** The reach section: the municipalities table, then the helix groups, the invitations and the perspectives. */
export function reachSection(r: PlatformReach, name: Names, lang: Lang): ReportSection {
  const sv = lang === 'sv';
  const steps = r.rings.map((x) => x.step);
  const rows = [
    ...r.municipalities.rows.map((m) => [
      name(m.id, lang),
      m.step === null ? (sv ? 'nås inte' : 'not reached') : String(m.step),
      m.path
        .slice(1, -1)
        .map((id) => name(id, lang))
        .join(' → '),
    ]),
    ...r.helix.groups.map((g) => [
      g.label[lang],
      steps.map((s) => `${s}: ${g.byStep[s - 1].count}/${g.total}`).join(', '),
      sv ? 'organisationer per steg' : 'organisations by step',
    ]),
  ];
  const summary = reachSummary(r, name);
  return {
    heading: sv ? 'Plattformens räckvidd' : 'The platform’s reach',
    paragraphs: [
      sv
        ? `${name(r.focus.id, lang)} i centrum av sitt nätverk. Ett steg är ett band (medlemskap, ägande, samordning, finansiering, samverkan, del av); ett nätverk, ett college eller ett kommunalförbund är ett steg på vägen. En kommun nås när kommunens egen organisation nås.`
        : `${name(r.focus.id, lang)} at the centre of its network. A step is a tie (membership, ownership, coordination, funding, collaboration, part of); a network, a college or a federation of municipalities is a step on the way. A municipality is reached when its own organisation is.`,
      r.perspectives.gender.note[lang],
      r.perspectives.integration.note[lang],
    ],
    table: {
      columns: sv ? ['Kommun eller sektor', 'Steg', 'Via'] : ['Municipality or sector', 'Steps', 'Via'],
      rows,
      widths: [0.3, 0.25, 0.45],
    },
    items: summary.lines.slice(2).map((l) => ({ title: sv ? 'Slutsats' : 'Conclusion', text: l[lang] })),
  };
}

/**
 * The platform's reach and the council proposal for a report, on the default platform; an analysis that cannot be
 * made (no platform in the register) leaves its slot to say so.
 */
export function platformAnswers(
  snapshot: Snapshot,
  minEvidence: Evidence,
  nodes: Map<string, NodeRecord>,
  lang: Lang,
): { summary: SummaryInputs; sections: ReportSection[] } {
  const name = namesFrom(nodes);
  const attempt = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch (error) {
      if (error instanceof AnalysisError) return null;
      throw error;
    }
  };
  const reach = attempt(() =>
    platformReach(snapshot, { minEvidence, ...(snapshot.asOf ? { asOf: snapshot.asOf } : {}) }),
  );
  const council = attempt(() =>
    proposeCouncil(snapshot, { minEvidence, ...(snapshot.asOf ? { asOf: snapshot.asOf } : {}) }),
  );
  return {
    summary: {
      ...(reach ? { reach: reachSummary(reach, name) } : {}),
      ...(council ? { council: councilSummary(council) } : {}),
    },
    sections: [
      ...(reach ? [reachSection(reach, name, lang)] : []),
      ...(council ? [councilSection(council, lang)] : []),
    ],
  };
}
