import type { CompactGraph } from './compact.js';
import { checkCancel, type RunControl } from './errors.js';

export interface StructuralHoles {
  /** Burt's constraint C_i = Σ_{j∈N(i)} (p_ij + Σ_q p_iq p_qj)². NaN for isolates. */
  constraint: Float64Array;
  /** Burt's effective size ES_i = Σ_{j∈N(i)} (1 − Σ_q p_iq m_jq). NaN for isolates. */
  effectiveSize: Float64Array;
  /** ES_i / |N(i)|. NaN for isolates. */
  efficiency: Float64Array;
  /** Burt's hierarchy. NaN when |N(i)| < 2 (ln 1 = 0). */
  hierarchy: Float64Array;
}

/**
 * Burt (1992) structural-hole measures as NetworkX `constraint`, `effective_size` and `local_constraint`
 * (with SciPy installed, i.e. its default path). N(i) = in- and out-neighbours; mutual weight
 * a_ij + a_ji; p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki); m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj).
 * Weights are strengths. Degree-1 nodes get constraint 1 and effective size 1.
 *
 * Hierarchy (Burt 1992, p. 71): H_i = Σ_j r_ij ln r_ij / (N ln N), r_ij = c_ij / (C_i / N), with c_ij the local
 * constraint (`local_constraint`), C_i = Σ_j c_ij and N = |N(i)|.
 */
export function structuralHoles(g: CompactGraph, control?: RunControl): StructuralHoles {
  const { n, nbOff, nbAdj, nbOutW, nbInW } = g;
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const efficiency = new Float64Array(n);
  const hierarchy = new Float64Array(n);

  // Per node: Σ mutual weight and max mutual weight.
  const sumMw = new Float64Array(n);
  const maxMw = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    let mx = 0;
    for (let p = nbOff[v]; p < nbOff[v + 1]; p++) {
      const mw = nbOutW[p] + nbInW[p];
      s += mw;
      if (mw > mx) mx = mw;
    }
    sumMw[v] = s;
    maxMw[v] = mx;
  }

  const slot = new Int32Array(n).fill(-1); // position of j in N(i)
  const indirect = new Float64Array(n);
  const redundancy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0) checkCancel(control);
    const a = nbOff[i];
    const b = nbOff[i + 1];
    const deg = b - a;
    if (deg === 0) {
      constraint[i] = effectiveSize[i] = efficiency[i] = hierarchy[i] = Number.NaN;
      continue;
    }
    for (let p = a; p < b; p++) {
      slot[nbAdj[p]] = p;
      indirect[nbAdj[p]] = 0;
      redundancy[nbAdj[p]] = 0;
    }
    const si = sumMw[i];
    for (let p = a; p < b; p++) {
      const q = nbAdj[p];
      const piq = (nbOutW[p] + nbInW[p]) / si;
      const sq = sumMw[q];
      for (let r = nbOff[q]; r < nbOff[q + 1]; r++) {
        const j = nbAdj[r];
        if (j === i || slot[j] < 0) continue;
        const mwqj = nbOutW[r] + nbInW[r];
        indirect[j] += piq * (mwqj / sq); // p_iq p_qj
        redundancy[j] += piq * (mwqj / maxMw[j]); // p_iq m_jq (mutual weights are symmetric)
      }
    }
    let c = 0;
    let es = 0;
    for (let p = a; p < b; p++) {
      const j = nbAdj[p];
      const pij = (nbOutW[p] + nbInW[p]) / si;
      const local = (pij + indirect[j]) ** 2;
      indirect[j] = local; // keep c_ij for hierarchy
      c += local;
      es += 1 - redundancy[j];
    }
    constraint[i] = c;
    effectiveSize[i] = es;
    efficiency[i] = es / deg;
    if (deg < 2) hierarchy[i] = Number.NaN;
    else {
      const mean = c / deg;
      let h = 0;
      for (let p = a; p < b; p++) {
        const r = indirect[nbAdj[p]] / mean;
        if (r > 0) h += r * Math.log(r);
      }
      hierarchy[i] = h / (deg * Math.log(deg));
    }
    for (let p = a; p < b; p++) slot[nbAdj[p]] = -1;
  }
  return { constraint, effectiveSize, efficiency, hierarchy };
}
