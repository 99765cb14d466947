/**
 * Exact minimum set cover for small instances: iterative deepening from the lower bound ⌈elements / largest set⌉,
 * branching on the uncovered element with the fewest candidates (every cover must hold one of them), pruning when
 * the slots left cannot cover what is left. All minimum covers are collected (up to a limit) so the caller can
 * prefer one on other grounds. Over budget the greedy cover is returned, marked as not proven minimal.
 */

export interface CoverInput {
  /** Element indexes each candidate covers, candidates in order of preference. */
  sets: number[][];
  /** Number of elements; elements no candidate covers are reported and left out. */
  elements: number;
  /** Most minimum covers to collect (default 500). */
  maxCovers?: number;
  /** Most search steps (default 2,000,000). */
  budget?: number;
}

export interface CoverResult {
  /** Minimum covers found (candidate indexes, ascending), in the order found; the first is the preferred one. */
  covers: number[][];
  /** Elements no candidate covers. */
  uncoverable: number[];
  /** true: no smaller cover exists; false: the search ran over budget and covers[0] is greedy. */
  exact: boolean;
  /** Whether the collection of minimum covers stopped at maxCovers. */
  truncated: boolean;
}

export function greedyCover(sets: number[][], target: ReadonlySet<number>): number[] {
  const left = new Set(target);
  const picks: number[] = [];
  while (left.size > 0) {
    let best = -1;
    let gain = 0;
    sets.forEach((s, i) => {
      const g = s.filter((e) => left.has(e)).length;
      if (g > gain) [best, gain] = [i, g];
    });
    if (best < 0) break;
    picks.push(best);
    for (const e of sets[best]) left.delete(e);
  }
  return picks.sort((a, b) => a - b);
}

export function minimumCovers(input: CoverInput): CoverResult {
  const { sets, elements } = input;
  const maxCovers = input.maxCovers ?? 500;
  let budget = input.budget ?? 2_000_000;
  const by: number[][] = Array.from({ length: elements }, () => []);
  sets.forEach((s, i) => s.forEach((e) => by[e].push(i)));
  const uncoverable = by.flatMap((c, e) => (c.length === 0 ? [e] : []));
  const target = new Set(by.flatMap((c, e) => (c.length > 0 ? [e] : [])));
  if (target.size === 0) return { covers: [[]], uncoverable, exact: true, truncated: false };
  const maxGain = Math.max(...sets.map((s) => s.length));
  const count = new Int32Array(elements);
  let left = target.size;
  const chosen: number[] = [];
  const found = new Map<string, number[]>();

  const take = (i: number, d: 1 | -1) => {
    for (const e of sets[i]) {
      if (d === 1 && count[e]++ === 0 && target.has(e)) left--;
      if (d === -1 && --count[e] === 0 && target.has(e)) left++;
    }
  };
  const search = (slots: number): void => {
    if (--budget < 0 || found.size >= maxCovers) return;
    if (left === 0) {
      const key = [...chosen].sort((a, b) => a - b);
      found.set(key.join(','), key);
      return;
    }
    if (slots === 0 || Math.ceil(left / maxGain) > slots) return;
    let pivot = -1;
    for (const e of target) if (count[e] === 0 && (pivot < 0 || by[e].length < by[pivot].length)) pivot = e;
    for (const i of by[pivot]) {
      chosen.push(i);
      take(i, 1);
      search(slots - 1);
      take(i, -1);
      chosen.pop();
      if (budget < 0 || found.size >= maxCovers) return;
    }
  };

  const greedy = greedyCover(sets, target);
  for (let size = Math.ceil(target.size / maxGain); size <= greedy.length; size++) {
    search(size);
    if (found.size > 0 || budget < 0) break;
  }
  // Every smaller size was searched to the end, so covers found at this size are minimum ones.
  if (found.size === 0) return { covers: [greedy], uncoverable, exact: false, truncated: false };
  const truncated = found.size >= maxCovers || budget < 0;
  return { covers: [...found.values()], uncoverable, exact: true, truncated };
}
