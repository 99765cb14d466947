/**
 * Node sizes (radius in pixels) and the scale from a measure to a size. Measures of networks are skewed (a few
 * hubs, many actors with one or two ties), so a linear or square-root scale from the hub leaves nearly everyone at
 * the minimum; a log scale is used when the largest value is far above the typical one.
 */
export const NODE_SIZE = { min: 3.5, max: 16, equal: 6, focusBoost: 3 } as const;

export type ScaleKind = 'sqrt' | 'log';

export interface SizeScale {
  kind: ScaleKind;
  min: number;
  max: number;
  /** Radius of a value; null (no value) is the minimum. */
  sizeOf: (value: number | null) => number;
}

/** Above this ratio of the largest value's distance from the minimum to the median's, the scale is logarithmic. */
const SKEW_FOR_LOG = 8;

function median(sorted: number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

/** The size scale of a set of values (the visible nodes' values of the measure). */
export function sizeScale(values: readonly number[]): SizeScale | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const span = max - min;
  const typical = median(sorted) - min;
  const kind: ScaleKind = span > 0 && span > SKEW_FOR_LOG * Math.max(typical, span / 1000) ? 'log' : 'sqrt';
  // For the log scale, one "unit" is a hundredth of the span or the typical distance, whichever is larger.
  const unit = Math.max(typical, span / 100);
  const fraction = (v: number): number => {
    if (span <= 0) return 0.5;
    const d = Math.min(span, Math.max(0, v - min));
    return kind === 'log' ? Math.log1p(d / unit) / Math.log1p(span / unit) : Math.sqrt(d / span);
  };
  const sizeOf = (v: number | null) =>
    v === null || !Number.isFinite(v) ? NODE_SIZE.min : NODE_SIZE.min + fraction(v) * (NODE_SIZE.max - NODE_SIZE.min);
  return { kind, min, max, sizeOf };
}
