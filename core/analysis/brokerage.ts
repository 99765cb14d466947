import type { CompactGraph } from './compact.js';
import { checkCancel, type RunControl } from './errors.js';

export const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

export interface BrokerageResult {
  /** Raw counts per role, role-major: counts[r][v]. */
  counts: Record<BrokerageRole, Float64Array>;
  /** z = (observed − expected) / sd under random assignment of group labels (sna::brokerage). NaN when sd = 0. */
  z: Record<BrokerageRole, Float64Array>;
  /** Total brokerage (sum of the five roles) and its z-score. */
  total: Float64Array;
  totalZ: Float64Array;
}

/**
 * Gould & Fernandez (1989) brokerage roles. For every open two-path a → v → b (a ≠ b, no tie a → b), with
 * groups g(·):
 *   coordinator    (w_I)  g(a) = g(v) = g(b)
 *   itinerant      (w_O)  g(a) = g(b) ≠ g(v)        (also called consultant)
 *   representative (b_IO) g(a) = g(v) ≠ g(b)
 *   gatekeeper     (b_OI) g(a) ≠ g(v) = g(b)
 *   liaison        (b_O)  all three differ
 *
 * Direction convention: an undirected graph is read as a symmetric directed one, exactly as R
 * `sna::brokerage` does. Every open two-path is then counted in both directions, so undirected counts of
 * coordinator, itinerant and liaison are twice the number of open triads, and representative = gatekeeper.
 *
 * Expected values and z-scores follow `sna::brokerage` (Gould & Fernandez 1989, random relabelling at the
 * observed density d = m / (n(n − 1)), m counting arcs).
 */
export function brokerage(g: CompactGraph, group: Int32Array, control?: RunControl): BrokerageResult {
  const { n, outOff, outAdj, inOff, inAdj } = g;
  const c = {
    coordinator: new Float64Array(n),
    itinerant: new Float64Array(n),
    representative: new Float64Array(n),
    gatekeeper: new Float64Array(n),
    liaison: new Float64Array(n),
  };
  const stamp = new Int32Array(n).fill(-1);
  let stampId = 0;
  for (let v = 0; v < n; v++) {
    if ((v & 255) === 0) checkCancel(control);
    const gv = group[v];
    for (let p = inOff[v]; p < inOff[v + 1]; p++) {
      const a = inAdj[p];
      const ga = group[a];
      const id = stampId++;
      for (let q = outOff[a]; q < outOff[a + 1]; q++) stamp[outAdj[q]] = id;
      for (let q = outOff[v]; q < outOff[v + 1]; q++) {
        const b = outAdj[q];
        if (b === a || stamp[b] === id) continue;
        const gb = group[b];
        if (ga === gv) {
          if (gb === gv) c.coordinator[v]++;
          else c.representative[v]++;
        } else if (gb === gv) c.gatekeeper[v]++;
        else if (ga === gb) c.itinerant[v]++;
        else c.liaison[v]++;
      }
    }
    if (stampId > 2_000_000_000) {
      stamp.fill(-1);
      stampId = 0;
    }
  }

  // Expectations (sna::brokerage).
  const arcs = g.directed ? g.edgeCount : 2 * g.edgeCount;
  const N = n;
  const d = N > 1 ? arcs / (N * (N - 1)) : 0;
  const groupIds = new Map<number, number>();
  const sizes: number[] = [];
  for (let v = 0; v < n; v++) {
    const k = groupIds.get(group[v]);
    if (k === undefined) {
      groupIds.set(group[v], sizes.length);
      sizes.push(1);
    } else sizes[k]++;
  }
  const choose2 = (x: number) => (x * (x - 1)) / 2;
  const base = d * d * (1 - d);
  const varTerm = d ** 3 * (1 - d) ** 3;
  const k = sizes.length;
  const exp: number[][] = [];
  const sd: number[][] = [];
  for (let i = 0; i < k; i++) {
    const ni = sizes[i];
    let sumOthers = 0;
    let sumOthersSq = 0;
    let sumOthersPairs = 0;
    let sumOthersTriples = 0;
    let liaisonVar = 0;
    for (let j = 0; j < k; j++) {
      if (j === i) continue;
      const nj = sizes[j];
      sumOthers += nj;
      sumOthersSq += nj * nj;
      sumOthersPairs += nj * (nj - 1);
      sumOthersTriples += nj * (nj - 1) * (nj - 2);
      liaisonVar += nj * choose2(N - nj - ni);
    }
    const e = new Array<number>(6);
    const v = new Array<number>(6);
    e[0] = base * (ni - 1) * (ni - 2);
    v[0] = e[0] * (1 - base) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * varTerm;
    e[1] = base * sumOthersPairs;
    v[1] = e[1] * (1 - base) + 2 * sumOthersTriples * varTerm;
    e[2] = base * (N - ni) * (ni - 1);
    v[2] = e[2] * (1 - base) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * varTerm;
    e[3] = e[2];
    v[3] = v[2];
    e[4] = base * (sumOthers * sumOthers - sumOthersSq);
    v[4] = e[4] * (1 - base) + 4 * liaisonVar * varTerm;
    e[5] = base * (N - 1) * (N - 2);
    v[5] = e[5] * (1 - base) + 2 * (N - 1) * (N - 2) * (N - 3) * varTerm;
    exp.push(e);
    sd.push(v.map((x) => Math.sqrt(x)));
  }
  const z = {
    coordinator: new Float64Array(n),
    itinerant: new Float64Array(n),
    representative: new Float64Array(n),
    gatekeeper: new Float64Array(n),
    liaison: new Float64Array(n),
  };
  const total = new Float64Array(n);
  const totalZ = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const gi = groupIds.get(group[v])!;
    let t = 0;
    BROKERAGE_ROLES.forEach((role, r) => {
      t += c[role][v];
      z[role][v] = sd[gi][r] > 0 ? (c[role][v] - exp[gi][r]) / sd[gi][r] : Number.NaN;
    });
    total[v] = t;
    totalZ[v] = sd[gi][5] > 0 ? (t - exp[gi][5]) / sd[gi][5] : Number.NaN;
  }
  return { counts: c, z, total, totalZ };
}
