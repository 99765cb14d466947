/**
 * The second shape of the one synthetic generator (see generate.ts for the first): a graph sized by its tie count,
 * for the browser benchmarks and the large e2e test. `actors` organisations in clustered municipalities, a few
 * networks, and `ties` relations (COLLABORATES_WITH between organisations, MEMBER_OF to networks) with mixed
 * evidence. Same seed, same graph (the same mulberry32 as Louvain, so the benchmarks' graphs did not change).
 */
import { mulberry32 } from '../analysis/rng.js';
import type { Batch, NodeInput, RelationInput } from '../model/records.js';

const ORG_TYPES = [
  'arbetsgivare',
  'arbetsgivare',
  'arbetsgivare',
  'gymnasieskola',
  'komvux',
  'yh_anordnare',
  'kommun',
  'naringslivsorganisation',
  'ideell',
  'larosate',
];
const KOMMUNER = [
  '0604',
  '0617',
  '0642',
  '0643',
  '0662',
  '0665',
  '0680',
  '0682',
  '0683',
  '0684',
  '0685',
  '0686',
  '0687',
];
const EVIDENCE = ['confirmed', 'confirmed', 'probable', 'uncertain'] as const;

export function clusteredNetwork(actors = 5000, ties = 25000, seed = 42): Batch {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const networks = Math.max(2, Math.round(actors / 100));
  const orgs = actors - networks;
  const nodes: NodeInput[] = [];
  const cluster: number[] = [];
  for (let i = 0; i < orgs; i++) {
    const k = Math.floor(rnd() * KOMMUNER.length);
    cluster.push(k);
    nodes.push({
      id: `org:syn-${i}`,
      kind: 'Organisation',
      name: `Syntetisk aktör ${i}`,
      props: { orgType: pick(ORG_TYPES), municipality: `kommun:${KOMMUNER[k]}` },
    });
  }
  for (let j = 0; j < networks; j++)
    nodes.push({
      id: `nw:syn-${j}`,
      kind: 'Network',
      name: `Syntetiskt nätverk ${j}`,
      props: { networkType: pick(['kompetensrad', 'branschrad', 'college', 'forum']) },
    });
  const byCluster: number[][] = KOMMUNER.map(() => []);
  cluster.forEach((k, i) => byCluster[k].push(i));
  const seen = new Set<string>();
  const relations: RelationInput[] = [];
  const source = [{ url: 'https://example.org/syntetisk-kalla', title: 'Syntetisk källa (test)' }];
  let guard = 0;
  while (relations.length < ties && guard++ < ties * 20) {
    const a = Math.floor(rnd() * orgs);
    if (rnd() < 0.12) {
      const n = Math.floor(rnd() * networks);
      const key = `m:${a}:${n}`;
      if (seen.has(key)) continue;
      seen.add(key);
      relations.push({
        type: 'MEMBER_OF',
        from: `org:syn-${a}`,
        to: `nw:syn-${n}`,
        evidence: pick(EVIDENCE),
        sources: source,
      });
      continue;
    }
    // Mostly ties within the same municipality, some across: a clustered, connected network.
    const pool = rnd() < 0.8 ? byCluster[cluster[a]] : null;
    const b = pool ? pool[Math.floor(rnd() * pool.length)] : Math.floor(rnd() * orgs);
    if (a === b) continue;
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `c:${x}:${y}`;
    if (seen.has(key)) continue;
    seen.add(key);
    relations.push({
      type: 'COLLABORATES_WITH',
      from: `org:syn-${x}`,
      to: `org:syn-${y}`,
      evidence: pick(EVIDENCE),
      sources: source,
      weight: 1 + Math.floor(rnd() * 3),
    });
  }
  return { nodes, relations };
}
