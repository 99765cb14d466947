/**
 * Where the reach graph touches each municipality: the municipality's own organisation (orgType kommun with the
 * place as its municipality) and every organisation located in the place (municipality property or LOCATED_IN).
 */
import { HELIX } from '../../model/catalogue/node-kinds.js';
import type { NodeRecord } from '../../model/records.js';
import type { ReachGraph } from './graph.js';

export interface Places {
  municipalities: NodeRecord[];
  /** Municipality id → indexes of its kommun organisations in the reach graph. */
  kommun: Map<string, number[]>;
  /** Municipality id → indexes of organisations located there. */
  located: Map<string, number[]>;
  /** Helix id → indexes of organisations of the group. */
  helix: Map<string, number[]>;
  withoutHelix: number;
}

const add = (map: Map<string, number[]>, key: string, v: number) => {
  const list = map.get(key);
  if (!list) map.set(key, [v]);
  else if (!list.includes(v)) list.push(v);
};

export function places(g: ReachGraph): Places {
  const municipalities = [...g.allNodes()]
    .filter((n) => n.kind === 'Municipality')
    .sort((a, b) => a.name.localeCompare(b.name, 'sv') || (a.id < b.id ? -1 : 1));
  const kommun = new Map<string, number[]>(municipalities.map((m) => [m.id, []]));
  const located = new Map<string, number[]>(municipalities.map((m) => [m.id, []]));
  const helix = new Map<string, number[]>(HELIX.map((h) => [h.value, []]));
  let withoutHelix = 0;
  g.nodes.forEach((n, v) => {
    if (n.kind !== 'Organisation') return;
    const m = n.props.municipality;
    if (typeof m === 'string' && kommun.has(m)) {
      add(located, m, v);
      if (n.props.orgType === 'kommun') add(kommun, m, v);
    }
    const h = n.props.helix;
    if (typeof h === 'string' && helix.has(h)) add(helix, h, v);
    else withoutHelix++;
  });
  for (const r of g.relations) {
    if (r.type !== 'LOCATED_IN' || !located.has(r.to)) continue;
    const v = g.index.get(r.from);
    if (v !== undefined && g.nodes[v].kind === 'Organisation') add(located, r.to, v);
  }
  return { municipalities, kommun, located, helix, withoutHelix };
}

/** The smallest non-negative step among `vs`, or null. */
export function nearest(dist: Int32Array, vs: readonly number[]): { step: number; v: number } | null {
  let best: { step: number; v: number } | null = null;
  for (const v of vs) if (dist[v] >= 0 && (best === null || dist[v] < best.step)) best = { step: dist[v], v };
  return best;
}
