// How close sampled values are to exact ones: rank agreement at the top and the largest absolute error.

/** Ranks 1..n (1 = largest), ties get their average rank. */
function ranksOf(xs: readonly number[]): number[] {
  const idx = xs.map((_, i) => i).sort((a, b) => xs[b] - xs[a]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && xs[idx[j + 1]] === xs[idx[i]]) j++;
    for (let k = i; k <= j; k++) r[idx[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation (Pearson correlation of the ranks). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranksOf(a);
  const rb = ranksOf(b);
  const n = a.length;
  const ma = ra.reduce((s, x) => s + x, 0) / n;
  const mb = rb.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) ** 2;
    sbb += (rb[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 1;
}

/** Indices of the k largest values. */
export function topK(xs: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: xs.length }, (_, i) => i)
    .sort((a, b) => xs[b] - xs[a] || a - b)
    .slice(0, k);
}

export interface Accuracy {
  /** Spearman correlation of sampled vs exact over the top `topN` nodes by exact value. */
  spearmanTop: number;
  topN: number;
  /** How many of the exact top 10 are in the sampled top 10. */
  top10Overlap: number;
  maxAbsError: number;
  /** Largest exact value, for scale. */
  maxExact: number;
}

export function accuracy(exact: ArrayLike<number>, sampled: ArrayLike<number>, topN = 100): Accuracy {
  const top = topK(exact, Math.min(topN, exact.length));
  const s10 = new Set(topK(sampled, 10));
  let maxAbsError = 0;
  let maxExact = 0;
  for (let i = 0; i < exact.length; i++) {
    maxAbsError = Math.max(maxAbsError, Math.abs(exact[i] - sampled[i]));
    maxExact = Math.max(maxExact, exact[i]);
  }
  return {
    spearmanTop: spearman(
      top.map((i) => exact[i]),
      top.map((i) => sampled[i]),
    ),
    topN: top.length,
    top10Overlap: topK(exact, 10).filter((i) => s10.has(i)).length,
    maxAbsError,
    maxExact,
  };
}
