/**
 * Fragility: articulation points (ranked by how much Borgatti's fragmentation grows when the actor leaves) and
 * bridges, on the actor projection. Uses `../cut-points.ts` and `../fragmentation.ts`; this module finds who
 * is cut off and says it.
 */
import type { CompactGraph } from '../compact.js';
import { degrees } from '../centrality/degree.js';
import { cutStructure } from '../cut-points.js';
import { fragmentationOfSizes, removalImpact } from '../fragmentation.js';
import { GapContext } from './context.js';
import { both, byName, count, list, num, type Lang } from './text.js';
import { unit } from './basis.js';
import type { MissingTie } from './schema.js';
import type { DraftFinding } from './types.js';

/** Components of g without node `skip` (or without the edge skipEdge), restricted to the component of `from`. */
function piecesWithout(g: CompactGraph, starts: number[], skip: number, skipEdge?: [number, number]): number[][] {
  const seen = new Uint8Array(g.n);
  if (skip >= 0) seen[skip] = 1;
  const pieces: number[][] = [];
  for (const s of starts) {
    if (seen[s]) continue;
    const piece = [s];
    seen[s] = 1;
    for (let h = 0; h < piece.length; h++) {
      const v = piece[h];
      for (let p = g.nbOff[v]; p < g.nbOff[v + 1]; p++) {
        const w = g.nbAdj[p];
        if (seen[w]) continue;
        if (skipEdge && ((v === skipEdge[0] && w === skipEdge[1]) || (v === skipEdge[1] && w === skipEdge[0])))
          continue;
        seen[w] = 1;
        piece.push(w);
      }
    }
    pieces.push(piece);
  }
  return pieces.sort((a, b) => b.length - a.length || a[0] - b[0]);
}

const neighbours = (g: CompactGraph, v: number): number[] => Array.from(g.nbAdj.subarray(g.nbOff[v], g.nbOff[v + 1]));

export function fragility(ctx: GapContext): DraftFinding[] {
  const g = ctx.compact;
  const cut = cutStructure(g);
  const removal = removalImpact(cut, g.n);
  const deg = degrees(g).degree;
  const base = fragmentationOfSizes(cut.componentSizes, g.n);
  const id = (v: number) => g.ids[v];
  const names = (vs: number[], l: Lang, max = 8) => list(vs.map((v) => ctx.name(id(v), l)).sort(byName), l, max);
  const byDegree = (a: number, b: number) => deg[b] - deg[a] || id(a).localeCompare(id(b));
  const findings: DraftFinding[] = [];
  // Impact: the share of the network cut off, a tenth of the actors (at least five) counting as all.
  const reach = (cutOff: number) => unit(cutOff / Math.max(5, 0.1 * g.n));

  const points: number[] = [];
  for (let v = 0; v < g.n; v++) if (cut.articulation[v]) points.push(v);
  points.sort(
    (a, b) =>
      removal.deltaFragmentation[b] - removal.deltaFragmentation[a] ||
      removal.deltaComponents[b] - removal.deltaComponents[a] ||
      id(a).localeCompare(id(b)),
  );
  const reported = points.slice(0, ctx.options.topN);
  reported.forEach((v, rank) => {
    const pieces = piecesWithout(g, neighbours(g, v), v);
    const rest = pieces[0];
    const cutOff = pieces.slice(1);
    const lost = cutOff.flat();
    const anchor = [...neighbours(g, v).filter((w) => rest.includes(w))].sort(byDegree)[0];
    const missingTies: MissingTie[] = cutOff.slice(0, 5).map((piece) => {
      const from = piece.filter((w) => neighbours(g, v).includes(w)).sort(byDegree)[0];
      return { from: id(from), to: id(anchor), type: 'COLLABORATES_WITH' };
    });
    const delta = removal.deltaFragmentation[v];
    const after = removal.fragmentationAfter[v];
    findings.push({
      id: `fragility:cut:${id(v)}`,
      kind: 'fragility',
      gapKind: 'fragility',
      severity: lost.length >= 3 ? 'high' : lost.length === 2 ? 'medium' : 'low',
      basis: 'observed',
      impact: reach(lost.length),
      title: both((l) =>
        l === 'sv' ? `Enskild felpunkt: ${ctx.name(id(v), l)}` : `Single point of failure: ${ctx.name(id(v), l)}`,
      ),
      explanation: both((l) =>
        l === 'sv'
          ? `Om ${ctx.name(id(v), l)} lämnade nätverket skulle dess del av nätverket falla i ${pieces.length} delar: ${names(lost, l)} (${count(lost.length, l, ['aktör', 'aktörer'], ['actor', 'actors'])}) skulle tappa kontakten med övriga. Fragmenteringen (Borgatti) skulle öka med ${num(delta, l)} till ${num(after, l)}.`
          : `If ${ctx.name(id(v), l)} left the network, its part of the network would fall into ${pieces.length} pieces: ${names(lost, l)} (${count(lost.length, l, ['aktör', 'aktörer'], ['actor', 'actors'])}) would lose contact with the rest. Fragmentation (Borgatti) would grow by ${num(delta, l)} to ${num(after, l)}.`,
      ),
      nodeIds: [id(v), ...lost.map(id)],
      missingTies,
      metrics: {
        rank: rank + 1,
        deltaFragmentation: delta,
        fragmentationAfter: after,
        deltaComponents: removal.deltaComponents[v],
        cutOff: lost.length,
      },
      details: { actor: id(v), pieces: pieces.map((p) => p.map(id).sort()) },
    });
  });

  let pendant = 0;
  for (const [u, w] of cut.bridges) {
    const sides = piecesWithout(g, [u, w], -1, [u, w]);
    const small = sides[1] ?? [];
    if (small.length < 2) {
      pendant++;
      continue;
    }
    const [a, b] = [id(u), id(w)].sort();
    findings.push({
      id: `fragility:bridge:${a}|${b}`,
      kind: 'fragility',
      gapKind: 'fragility',
      severity: small.length >= 3 ? 'high' : 'medium',
      basis: 'observed',
      impact: reach(small.length),
      title: both((l) =>
        l === 'sv' ? `Bro: ${ctx.name(a, l)} – ${ctx.name(b, l)}` : `Bridge: ${ctx.name(a, l)} – ${ctx.name(b, l)}`,
      ),
      explanation: both((l) =>
        l === 'sv'
          ? `Bandet mellan ${ctx.name(a, l)} och ${ctx.name(b, l)} är en bro: utan det skulle ${names(small, l)} (${count(small.length, l, ['aktör', 'aktörer'], ['actor', 'actors'])}) skiljas från resten av nätverket.`
          : `The tie between ${ctx.name(a, l)} and ${ctx.name(b, l)} is a bridge: without it ${names(small, l)} (${count(small.length, l, ['aktör', 'aktörer'], ['actor', 'actors'])}) would be cut off from the rest of the network.`,
      ),
      nodeIds: [a, b, ...small.map(id)],
      metrics: { cutOff: small.length },
      details: { bridge: [a, b], cutOff: small.map(id).sort() },
    });
  }

  if (points.length > 0 || cut.bridges.length > 0) {
    findings.push({
      id: 'fragility:summary',
      kind: 'fragility',
      gapKind: 'fragility',
      severity: 'low',
      basis: 'observed',
      impact: 0.1,
      title: both((l) => (l === 'sv' ? 'Sårbarhet i aktörsnätverket' : 'Fragility of the actor network')),
      explanation: both((l) =>
        l === 'sv'
          ? `Aktörsnätverket har ${count(points.length, l, ['artikulationspunkt', 'artikulationspunkter'], ['', ''])} och ${count(cut.bridges.length, l, ['bro', 'broar'], ['', ''])} (varav ${pendant} till en enskild aktör); fragmenteringen är ${num(base ?? 0, l)} med ${cut.componentSizes.length} komponenter.${points.length > reported.length ? ` De ${reported.length} med störst effekt redovisas var för sig.` : ''}`
          : `The actor network has ${points.length} articulation point${points.length === 1 ? '' : 's'} and ${cut.bridges.length} bridge${cut.bridges.length === 1 ? '' : 's'} (${pendant} to a single actor); fragmentation is ${num(base ?? 0, l)} with ${cut.componentSizes.length} components.${points.length > reported.length ? ` The ${reported.length} with the largest effect are reported one by one.` : ''}`,
      ),
      nodeIds: points.map(id),
      metrics: {
        articulationPoints: points.length,
        bridges: cut.bridges.length,
        pendantBridges: pendant,
        components: cut.componentSizes.length,
        ...(base !== null ? { fragmentation: base } : {}),
      },
    });
  }
  return findings;
}
