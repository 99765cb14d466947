// The unweighted shortest-path pass (Brandes 2001), a line-by-line mirror of unweightedRange in
// core/analysis/centrality/paths.ts: same arrays, same order of floating-point operations, so the results agree
// bit for bit.
import { f64At, i32At, setF64, setI32 } from './memory';

let n: i32 = 0;
let outOff: usize = 0;
let outAdj: usize = 0;
/** Sources in run order (0: source i is node i). */
let sources: usize = 0;
/** Component per node (0: none marked). */
let compOf: usize = 0;
let comp: i32 = -1;
let compSize: i32 = 0;
let dist: usize = 0;
let sd: usize = 0;
let order: usize = 0;
let succ: usize = 0;
let sOff: usize = 0;
let bc: usize = 0;
let harm: usize = 0;
let inSum: usize = 0;
let inCnt: usize = 0;
/** diameter, path sum, pairs seen (f64 each). */
let stats: usize = 0;

export function pathInit(
  n_: i32,
  outOff_: usize,
  outAdj_: usize,
  sources_: usize,
  compOf_: usize,
  comp_: i32,
  compSize_: i32,
  dist_: usize,
  sd_: usize,
  order_: usize,
  bc_: usize,
  harm_: usize,
  inSum_: usize,
  inCnt_: usize,
  stats_: usize,
  succ_: usize,
  sOff_: usize,
): void {
  succ = succ_;
  sOff = sOff_;
  n = n_;
  outOff = outOff_;
  outAdj = outAdj_;
  sources = sources_;
  compOf = compOf_;
  comp = comp_;
  compSize = compSize_;
  dist = dist_;
  sd = sd_;
  order = order_;
  bc = bc_;
  harm = harm_;
  inSum = inSum_;
  inCnt = inCnt_;
  stats = stats_;
  for (let i = 0; i < n; i++) setI32(dist, i, -1);
}

/** Runs the sources si0 .. si1 − 1, adding into bc, harm, inSum, inCnt and stats. */
export function pathRange(si0: i32, si1: i32): void {
  let diameter = f64At(stats, 0);
  let pathSum = f64At(stats, 1);
  let pairsSeen = f64At(stats, 2);
  for (let si = si0; si < si1; si++) {
    const s = sources ? i32At(sources, si) : si;
    setI32(dist, s, 0);
    setF64(sd, 2 * s, 1);
    let head = 0;
    let tail = 0;
    let ns = 0;
    setI32(order, tail++, s);
    while (head < tail) {
      const v = i32At(order, head);
      setI32(sOff, head++, ns);
      const dv = i32At(dist, v) + 1;
      const sv = f64At(sd, 2 * v);
      const end = i32At(outOff, v + 1);
      for (let p = i32At(outOff, v); p < end; p++) {
        const w = i32At(outAdj, p);
        const dw = i32At(dist, w);
        if (dw < 0) {
          setI32(dist, w, dv);
          setF64(sd, 2 * w, sv);
          setI32(order, tail++, w);
          setI32(succ, ns++, w);
        } else if (dw == dv) {
          setF64(sd, 2 * w, f64At(sd, 2 * w) + sv);
          setI32(succ, ns++, w);
        }
      }
    }
    setI32(sOff, tail, ns);
    const inComp = compOf != 0 && i32At(compOf, s) == comp;
    if (inComp) pairsSeen += <f64>(compSize - 1);
    for (let i = tail - 1; i > 0; i--) {
      const w = i32At(order, i);
      const d = i32At(dist, w);
      const df = <f64>d;
      setF64(inSum, w, f64At(inSum, w) + df);
      setI32(inCnt, w, i32At(inCnt, w) + 1);
      setF64(harm, w, f64At(harm, w) + 1 / df);
      if (inComp && i32At(compOf, w) == comp) {
        pathSum += df;
        if (df > diameter) diameter = df;
      }
      let pull: f64 = 0;
      const end = i32At(sOff, i + 1);
      for (let q = i32At(sOff, i); q < end; q++) pull += f64At(sd, 2 * i32At(succ, q) + 1);
      const sw = f64At(sd, 2 * w);
      const dw = sw * pull;
      setF64(sd, 2 * w + 1, (1 + dw) / sw);
      setF64(bc, w, f64At(bc, w) + dw);
      setI32(dist, w, -1);
    }
    setI32(dist, s, -1);
  }
  setF64(stats, 0, diameter);
  setF64(stats, 1, pathSum);
  setF64(stats, 2, pairsSeen);
}
