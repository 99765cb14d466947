/**
 * Column widths of a report table: the model's shares of the text width, widened where a header word would not
 * fit (so that a header wraps between words, never inside one, e.g. "Snittpunk t"); the other columns give up
 * the room in proportion, down to their own minimum.
 */
export function columnWidths(shares: number[], minimums: number[], width: number): number[] {
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  let cols = shares.map((w) => (w / total) * width);
  const need = minimums.reduce((a, b) => a + b, 0);
  // Not even the header words fit: share the width by the words' widths.
  if (need >= width) return minimums.map((m) => (m / need) * width);
  const fixed = new Set<number>();
  for (let round = 0; round < shares.length; round++) {
    cols.forEach((c, i) => {
      if (c < minimums[i]) fixed.add(i);
    });
    const taken = [...fixed].reduce((a, i) => a + minimums[i], 0);
    const freeShare = shares.reduce((a, s, i) => a + (fixed.has(i) ? 0 : s), 0) || 1;
    const next = shares.map((s, i) => (fixed.has(i) ? minimums[i] : (s / freeShare) * (width - taken)));
    if (next.every((c, i) => c >= minimums[i] - 1e-9)) return next;
    cols = next;
  }
  return cols;
}

/** The widest word of each header (points), as the caller's font measures it, plus the cell padding. */
export function headerMinimums(columns: string[], measure: (word: string) => number, padding: number): number[] {
  return columns.map((c) => Math.max(0, ...c.split(/\s+/).map(measure)) + padding);
}
