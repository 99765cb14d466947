import type { NodeInput, NodeRecord } from '../model/records.js';
import { fold } from '../text/fold.js';

/**
 * Likely duplicates among actor names: names are folded (case, diacritics), legal-form words and generic words
 * ("AB", "kommun", "region", …) and punctuation are removed, and the rest is compared with Jaro–Winkler. Only
 * nodes of the same kind are compared. A likely duplicate is a warning, never an error: "Habo kommun" and
 * "Habo kommuns" may well be the same actor, but the user decides.
 */
const NOISE = new Set([
  'ab',
  'aktiebolag',
  'publ',
  'hb',
  'kb',
  'ek',
  'for',
  'ekonomisk',
  'forening',
  'ideell',
  'stiftelsen',
  'stiftelse',
  'kommun',
  'kommuns',
  'kommunen',
  'i',
  'the',
  'of',
  'och',
  'and',
  'inc',
  'ltd',
]);

export function normaliseName(name: string): string {
  return fold(name)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !NOISE.has(w))
    .join(' ');
}

/** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, at most 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(b.length - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = bMatch[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

export interface DuplicateHit {
  /** Index of the node in the batch. */
  index: number;
  otherId: string;
  otherName: string;
  /** The other is a row of the same file (its batch index), or a node in the atlas. */
  otherIndex?: number;
  score: number;
}

export const DUPLICATE_THRESHOLD = 0.92;

/** Names longer than any valid name are errors of their own; comparing them would cost time quadratic in length. */
const MAX_COMPARED_NAME = 300;

/** Pairs (batch node, other node) of the same kind and different ids whose normalised names are alike. */
export function likelyDuplicates(
  nodes: readonly NodeInput[],
  existing: readonly NodeRecord[],
  threshold = DUPLICATE_THRESHOLD,
): DuplicateHit[] {
  const hits: DuplicateHit[] = [];
  // Malformed records (null, numbers, a name that is not text) have their own validation errors; skip them here.
  const wellFormed = (n: unknown): n is NodeInput =>
    typeof n === 'object' &&
    n !== null &&
    typeof (n as NodeInput).id === 'string' &&
    typeof (n as NodeInput).name === 'string' &&
    (n as NodeInput).name.length <= MAX_COMPARED_NAME;
  const batchIds = new Set(nodes.filter(wellFormed).map((n) => n.id));
  const others = [
    ...nodes.flatMap((n, i) =>
      wellFormed(n)
        ? [{ id: n.id, kind: n.kind, name: n.name, norm: normaliseName(n.name), index: i as number | undefined }]
        : [],
    ),
    ...existing
      .filter((n) => !batchIds.has(n.id) && n.name.length <= MAX_COMPARED_NAME)
      .map((n) => ({
        id: n.id,
        kind: n.kind,
        name: n.name,
        norm: normaliseName(n.name),
        index: undefined as number | undefined,
      })),
  ];
  // Past a few million comparisons only exact normalised matches are looked for.
  const exhaustive = nodes.length * others.length <= 4_000_000;
  const byNorm = new Map<string, typeof others>();
  if (!exhaustive) for (const o of others) (byNorm.get(o.norm) ?? byNorm.set(o.norm, []).get(o.norm)!).push(o);
  nodes.forEach((n, i) => {
    if (!wellFormed(n)) return;
    const norm = normaliseName(n.name);
    if (norm === '') return;
    let best: DuplicateHit | undefined;
    const candidates = exhaustive ? others : (byNorm.get(norm) ?? []);
    for (const o of candidates) {
      if (o.id === n.id || o.kind !== n.kind || o.index === i || (o.index !== undefined && o.index > i)) continue;
      const score = o.norm === norm ? 1 : jaroWinkler(norm, o.norm);
      if (score >= threshold && (!best || score > best.score))
        best = {
          index: i,
          otherId: o.id,
          otherName: o.name,
          score,
          ...(o.index !== undefined ? { otherIndex: o.index } : {}),
        };
    }
    if (best) hits.push(best);
  });
  return hits;
}
