/**
 * A kompetensråd proposal: the smallest set of organisations whose seats cover every municipality (itself or
 * through a kommunalförbund it owns or belongs to), every helix group and every sector in demand, solved exactly;
 * among the smallest sets the one nearest the gender balance (where seat data exists), then the one with the
 * most current members of the network. Each constraint says whether it is met and, if not, why.
 */
import type { Snapshot } from '../../model/records.js';
import { AnalysisError } from '../errors.js';
import { PLATFORM_ID } from '../gaps/registry.js';
import { ReachGraph } from '../platform/graph.js';
import { nodeRef } from '../platform/index.js';
import { minimumCovers } from './cover.js';
import { councilProblem, shareOf, type Candidate, type CouncilProblem } from './problem.js';
import { constraints, METHOD } from './text.js';
import type { CouncilOptions, CouncilProposal, ResolvedCouncilOptions } from './types.js';

export type * from './types.js';
export { minimumCovers, greedyCover } from './cover.js';
export { sniCovers, shareOf } from './problem.js';

export function resolveCouncilOptions(snapshot: Snapshot, o: CouncilOptions): ResolvedCouncilOptions {
  const fallback =
    snapshot.nodes.find((n) => n.id === PLATFORM_ID)?.id ??
    snapshot.nodes.find((n) => n.kind === 'Network' && n.props.networkType === 'kompetensplattform')?.id ??
    PLATFORM_ID;
  const network = o.network ?? fallback;
  const node = snapshot.nodes.find((n) => n.id === network);
  if (!node)
    throw new AnalysisError('invalid_parameter', `Unknown network "${network}".`, {
      parameter: 'network',
      id: network,
      notFound: true,
    });
  if (node.kind !== 'Network')
    throw new AnalysisError('invalid_parameter', `"${network}" is not a network.`, {
      parameter: 'network',
      id: network,
    });
  const shareLow = o.shareLow ?? 0.4;
  const shareHigh = o.shareHigh ?? 0.6;
  if (!(shareLow >= 0 && shareLow <= shareHigh && shareHigh <= 1))
    throw new AnalysisError('invalid_parameter', 'shareLow must not exceed shareHigh, both from 0 to 1.', {
      parameter: 'shareLow',
    });
  return { network, minEvidence: o.minEvidence ?? 'uncertain', asOf: o.asOf ?? null, shareLow, shareHigh };
}

/** Members first, then county bodies before national ones, then id. */
function preference(a: Candidate, b: Candidate): number {
  if (a.member !== b.member) return a.member ? -1 : 1;
  const na = a.node.props.level === 'nationell' ? 1 : 0;
  const nb = b.node.props.level === 'nationell' ? 1 : 0;
  return na - nb || (a.node.id < b.node.id ? -1 : 1);
}

function solve(p: CouncilProblem, o: ResolvedCouncilOptions) {
  const ids = [...p.municipalities, ...p.helix, ...p.sectors].map((r) => r.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const cands = p.candidates
    .filter((c) => c.municipalities.length + c.helix.length + c.sectors.length > 0)
    .sort(preference);
  const sets = cands.map((c) => [...c.municipalities, ...c.helix, ...c.sectors].map((id) => index.get(id)!));
  const result = minimumCovers({ sets, elements: ids.length });
  // How far the share of women is from the band: 0 inside it; unknown shares all count the same.
  const offBalance = (cover: number[]) => {
    const s = shareOf(cover.map((i) => cands[i]));
    return s === null ? 1 : Math.max(0, o.shareLow - s, s - o.shareHigh);
  };
  const members = (cover: number[]) => cover.filter((i) => cands[i].member).length;
  const ranked = [...result.covers].sort(
    (a, b) => offBalance(a) - offBalance(b) || members(b) - members(a) || lexical(a, b),
  );
  return { chosen: ranked[0].map((i) => cands[i]), result };
}

function lexical(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export function proposeCouncil(snapshot: Snapshot, options: CouncilOptions = {}): CouncilProposal {
  const o = resolveCouncilOptions(snapshot, options);
  const g = new ReachGraph(snapshot, o);
  const p = councilProblem(g, o.network);
  const { chosen, result } = solve(p, o);
  return {
    network: nodeRef(g.node(o.network)!),
    parameters: o,
    requirements: { municipalities: p.municipalities, helix: p.helix, sectors: p.sectors },
    seats: chosen.map((c) => ({
      ...nodeRef(c.node),
      member: c.member,
      covers: { municipalities: c.municipalities, helix: c.helix, sectors: c.sectors },
      seats: c.seats,
    })),
    size: chosen.length,
    exact: result.exact,
    alternatives: result.covers.length,
    alternativesTruncated: result.truncated,
    constraints: constraints(p, chosen, o),
    method: METHOD,
  };
}
