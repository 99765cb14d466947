import type { CompactGraph } from './compact.js';

/** NetworkX `density`: 2m / (n(n − 1)) undirected, m / (n(n − 1)) directed; 0 when n ≤ 1. */
export function density(g: CompactGraph): number {
  const { n, edgeCount, directed } = g;
  if (n <= 1) return 0;
  return (directed ? 1 : 2) * (edgeCount / (n * (n - 1)));
}
