import type { CompactGraph } from '../compact.js';
import type { Components } from '../components.js';
import { AnalysisError, checkCancel, type RunControl } from '../errors.js';
import { mulberry32 } from '../rng.js';
import { BfsSampler, DijkstraSampler } from './paths.js';
import { vertexDiameterBound } from './vertex-diameter.js';

/**
 * Betweenness with a stated guarantee: Riondato & Kornaropoulos (2016), "Fast approximation of betweenness
 * centrality through sampling", Data Min. Knowl. Disc. 30:438–475. Draw r node pairs (s, t) uniformly, one
 * shortest s–t path uniformly among all of them, and count the path's interior nodes. With
 * r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ (VD: vertex diameter, c = 0.5) every node's estimate is within ±ε of
 * its exact betweenness, all nodes at once, with probability at least 1 − δ. The guarantee is stated here for the
 * panel's normalisation (NetworkX's normalised betweenness), which is n/(n − 2) times the paper's, so the paper's
 * ε is scaled down by (n − 2)/n.
 */
export interface Guarantee {
  /** Largest error of any node's normalised betweenness (absolute). */
  epsilon: number;
  /** Probability that some node's error exceeds ε. */
  delta: number;
}

/** The default guarantee of an automatic estimate. */
export const DEFAULT_GUARANTEE: Guarantee = { epsilon: 0.005, delta: 0.1 };

/** The constant of the ε-sample bound (Löffler & Phillips 2009), as Riondato & Kornaropoulos use it. */
const C = 0.5;

export interface GuaranteedBetweenness extends Guarantee {
  method: 'riondato-kornaropoulos';
  /** Normalised like the exact pass (NetworkX `normalized=True`). */
  betweenness: Float64Array;
  /** Raw: pairs counted once in undirected graphs. */
  betweennessRaw: Float64Array;
  /** Shortest paths drawn (r). */
  samples: number;
  /** The upper bound on the vertex diameter that r was computed from. */
  vertexDiameterBound: number;
  seed: number;
}

/** r for a guarantee (ε in the paper's normalisation) and a vertex-diameter bound; 0 when no path has an interior. */
export function sampleSize(epsilon: number, delta: number, vd: number): number {
  if (vd < 3) return 0;
  const vc = Math.floor(Math.log2(vd - 2)) + 1;
  return Math.ceil((C / (epsilon * epsilon)) * (vc + Math.log(1 / delta)));
}

export function checkGuarantee({ epsilon, delta }: Guarantee): void {
  if (!(epsilon > 0 && epsilon < 1) || !(delta > 0 && delta < 1))
    throw new AnalysisError(
      'invalid_parameter',
      `The betweenness guarantee needs 0 < ε < 1 and 0 < δ < 1, got ε = ${epsilon}, δ = ${delta}.`,
    );
}

export interface SamplingOptions extends RunControl, Guarantee {
  seed: number;
  /** The graph's weak components, when the caller has them. */
  components?: Components;
  progressSpan?: [number, number];
}

/** Estimates every node's betweenness within ±ε with probability ≥ 1 − δ (see the interface note). */
export function guaranteedBetweenness(g: CompactGraph, options: SamplingOptions): GuaranteedBetweenness {
  checkGuarantee(options);
  const { n } = g;
  const vd = vertexDiameterBound(g, options.components);
  const paperEpsilon = n > 2 ? (options.epsilon * (n - 2)) / n : options.epsilon;
  const r = n < 3 ? 0 : sampleSize(paperEpsilon, options.delta, vd);
  const counts = new Float64Array(n);
  const rnd = mulberry32(options.seed);
  const sampler = g.weighted ? new DijkstraSampler(g) : new BfsSampler(g);
  const [p0, p1] = options.progressSpan ?? [0, 1];
  const every = Math.max(1, Math.floor(r / 100));
  for (let i = 0; i < r; i++) {
    if (i % every === 0) {
      checkCancel(options);
      options.onProgress?.(p0 + ((p1 - p0) * i) / r);
    }
    const s = Math.floor(rnd() * n);
    let t = Math.floor(rnd() * (n - 1));
    if (t >= s) t++;
    sampler.sample(s, t, rnd, counts);
  }
  const betweenness = new Float64Array(n);
  const betweennessRaw = new Float64Array(n);
  // counts/r estimates Σ_{s≠t} σ_st(v)/σ_st / (n(n − 1)) over ordered pairs.
  const orderedPairs = n * (n - 1);
  for (let v = 0; v < n && r > 0; v++) {
    const paper = counts[v] / r;
    betweenness[v] = (paper * orderedPairs) / ((n - 1) * (n - 2));
    betweennessRaw[v] = g.directed ? paper * orderedPairs : (paper * orderedPairs) / 2;
  }
  return {
    method: 'riondato-kornaropoulos',
    epsilon: options.epsilon,
    delta: options.delta,
    betweenness,
    betweennessRaw,
    samples: r,
    vertexDiameterBound: vd,
    seed: options.seed,
  };
}
