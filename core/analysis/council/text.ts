/** The constraints of a council proposal, each with a plain explanation in Swedish and English. */
import type { Bilingual } from '../../model/labels.js';
import { shareOf, type Candidate, type CouncilProblem } from './problem.js';
import type { CouncilConstraint, Requirement, ResolvedCouncilOptions } from './types.js';

const L = (sv: string, en: string): Bilingual => ({ sv, en });
const names = (rs: Requirement[], lang: 'sv' | 'en') =>
  rs.map((r) => (lang === 'en' && r.nameEn ? r.nameEn : r.name)).join(', ');
const pct = (x: number) => `${Math.round(x * 100)} %`;

export const METHOD = L(
  'Minsta mängdtäckning, löst exakt: ingen mindre uppsättning organisationer täcker det som går att täcka. Bland lika små uppsättningar väljs den som kommer närmast könsbalansen (där platsdata finns), sedan den med flest nuvarande medlemmar. En kommun täcks av sin egen organisation eller av ett kommunalförbund eller samordningsförbund som den äger eller är medlem i; en bransch av en organisation som är verksam i den, företräder den eller har den som huvudbransch.',
  'Minimum set cover, solved exactly: no smaller set of organisations covers what can be covered. Among equally small sets the one nearest the gender balance (where seat data exists) is chosen, then the one with the most current members. A municipality is covered by its own organisation or by a federation of municipalities or coordination association it owns or belongs to; a sector by an organisation active in it, representing it or having it as main sector.',
);

const NOUN = {
  municipalities: L('kommuner', 'municipalities'),
  helix: L('samhällssektorer (helix)', 'sectors of society (helix)'),
  sectors: L('branscher med efterfrågan', 'sectors in demand'),
};

function coverage(
  id: 'municipalities' | 'helix' | 'sectors',
  required: Requirement[],
  chosen: Candidate[],
  why: (missing: Requirement[]) => Bilingual,
): CouncilConstraint {
  const got = new Set(chosen.flatMap((c) => c[id]));
  const missing = required.filter((r) => !got.has(r.id));
  const noun = NOUN[id];
  const met = L(
    `Alla ${required.length} ${noun.sv} är företrädda i förslaget.`,
    `All ${required.length} ${noun.en} are represented in the proposal.`,
  );
  return {
    id,
    status: missing.length === 0 ? 'met' : 'not-met',
    required: required.length,
    covered: required.length - missing.length,
    missing: missing.map((m) => m.id),
    explanation: missing.length === 0 ? met : why(missing),
  };
}

function gender(p: CouncilProblem, chosen: Candidate[], o: ResolvedCouncilOptions): CouncilConstraint {
  const base = { id: 'gender' as const, required: chosen.length, missing: [] as string[] };
  const band = `${pct(o.shareLow)}–${pct(o.shareHigh)}`;
  if (!p.anySeatData)
    return {
      ...base,
      status: 'not-assessable',
      covered: 0,
      explanation: L(
        `Könsbalansen (${band} kvinnor) kan inte bedömas: registret har inga uppgifter om platser fördelade på kvinnor och män. Det betyder inte att balansen saknas.`,
        `The gender balance (${band} women) cannot be assessed: the register holds no seats by sex. That does not mean the balance is missing.`,
      ),
    };
  const unknown = chosen.filter((c) => c.seats === null);
  const share = shareOf(chosen);
  if (unknown.length > 0 || share === null)
    return {
      ...base,
      status: 'not-assessable',
      covered: chosen.length - unknown.length,
      missing: unknown.map((c) => c.node.id),
      explanation: L(
        `Könsbalansen kan inte bedömas: för ${unknown.length} av ${chosen.length} föreslagna organisationer finns inga platser fördelade på kön (${unknown.map((c) => c.node.name).join(', ')}).`,
        `The gender balance cannot be assessed: for ${unknown.length} of the ${chosen.length} proposed organisations there are no seats by sex (${unknown.map((c) => c.node.nameEn ?? c.node.name).join(', ')}).`,
      ),
    };
  const ok = share >= o.shareLow && share <= o.shareHigh;
  return {
    ...base,
    status: ok ? 'met' : 'not-met',
    covered: chosen.length,
    shareWomen: share,
    explanation: ok
      ? L(
          `Andelen kvinnor på platserna är ${pct(share)}, inom ${band}.`,
          `Women hold ${pct(share)} of the seats, within ${band}.`,
        )
      : L(
          `Andelen kvinnor på platserna är ${pct(share)}, utanför ${band}, och ingen annan lika liten uppsättning håller balansen; förslaget är den som kommer närmast. Organisationerna kan nominera så att balansen nås.`,
          `Women hold ${pct(share)} of the seats, outside ${band}, and no other set of the same size keeps the balance; the proposal is the nearest. The organisations can nominate so that it is reached.`,
        ),
  };
}

export function constraints(p: CouncilProblem, chosen: Candidate[], o: ResolvedCouncilOptions): CouncilConstraint[] {
  return [
    coverage('municipalities', p.municipalities, chosen, (m) =>
      L(
        `Ingen organisation i registret företräder ${names(m, 'sv')}: kommunens egen organisation finns inte i registret, och den äger inte och är inte medlem i något kommunalförbund där. Registret saknar uppgiften; kommunen kan ändå bjudas in.`,
        `No organisation in the register represents ${names(m, 'en')}: the municipality's own organisation is not in the register, nor does it own or belong to a federation of municipalities there. The register lacks it; the municipality can still be invited.`,
      ),
    ),
    coverage('helix', p.helix, chosen, (m) =>
      L(
        `Ingen organisation i registret hör till ${names(m, 'sv')}.`,
        `No organisation in the register belongs to ${names(m, 'en')}.`,
      ),
    ),
    coverage('sectors', p.sectors, chosen, (m) =>
      L(
        `Ingen organisation i registret är verksam i, företräder eller har som huvudbransch ${names(m, 'sv')}, som efterfrågar arbetskraft. Det är en lucka i registret, inte ett bevis för att sådana aktörer saknas i länet: lägg in branschens organisationer eller arbetsgivare.`,
        `No organisation in the register is active in, represents or has as main sector ${names(m, 'en')}, which demands labour. That is a gap in the register, not proof that such actors are missing in the county: add the sector's organisations or employers.`,
      ),
    ),
    gender(p, chosen, o),
  ];
}
