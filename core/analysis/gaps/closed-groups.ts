/**
 * Closed groups: block density between groups of actors and Krackhardt & Stern's E-I index per group, for
 * each partition (a node attribute such as orgType, municipality or helix, or Louvain communities). Uses the
 * metrics of `../groups.ts` and `../communities.ts`; this module only decides what to flag and says it.
 */
import { ORGANISATION_TYPES, HELIX, LEVELS } from '../../model/catalogue/node-kinds.js';
import { louvainCommunities } from '../communities.js';
import { degrees } from '../centrality/degree.js';
import { groupStructure, partitionByAttribute, MISSING_GROUP, type Partition } from '../groups.js';
import { GapContext } from './context.js';
import { both, count, list, num, type Lang } from './text.js';
import { registerCompleteness, unit } from './basis.js';
import type { DraftFinding } from './types.js';

const ATTRIBUTE_LABEL: Record<string, { sv: string; en: string }> = {
  orgType: { sv: 'aktörstyp', en: 'actor type' },
  municipality: { sv: 'kommun', en: 'municipality' },
  helix: { sv: 'sektor (helix)', en: 'sector (helix)' },
  community: { sv: 'gemenskap (Louvain)', en: 'community (Louvain)' },
  level: { sv: 'nivå', en: 'level' },
};

const ENUMS: Record<string, { value: string; label: { sv: string; en: string } }[]> = {
  orgType: ORGANISATION_TYPES,
  helix: HELIX,
  level: LEVELS,
};

const actorsWord = (n: number, l: Lang) => count(n, l, ['aktör', 'aktörer'], ['actor', 'actors']);
const tiesWord = (n: number, l: Lang) => count(n, l, ['band', 'band'], ['tie', 'ties']);

export function closedGroups(ctx: GapContext): DraftFinding[] {
  const g = ctx.compact;
  const graph = ctx.projection.graph;
  const deg = degrees(g).degree;
  const o = ctx.options;
  const orgTypesOf = (ids: string[]) =>
    [...new Set(ids.map((id) => String(ctx.prop(id, 'orgType') ?? '')))].filter((t) => t !== '').sort();
  const findings: DraftFinding[] = [];
  for (const attribute of o.partitions) {
    let partition: Partition;
    if (attribute === 'community') {
      const c = louvainCommunities(g, { seed: o.seed });
      partition = { labels: c.labels, names: Array.from({ length: c.count }, (_, i) => String(i + 1)) };
    } else partition = partitionByAttribute(graph, g.ids, attribute);
    const s = groupStructure(g, partition);
    const members = s.names.map(() => [] as string[]);
    for (let v = 0; v < g.n; v++) members[partition.labels[v]].push(g.ids[v]);
    const pos = new Map(g.ids.map((id, i) => [id, i]));
    for (const ms of members) ms.sort((a, b) => deg[pos.get(b)!] - deg[pos.get(a)!] || a.localeCompare(b));

    const groupLabel = (k: number, l: Lang): string => {
      const name = s.names[k];
      if (attribute === 'community') {
        const top = members[k].slice(0, 3).map((id) => ctx.name(id, l));
        return `${l === 'sv' ? 'gemenskap' : 'community'} ${name} (${list(top, l)}${members[k].length > 3 ? ' …' : ''})`;
      }
      const opt = ENUMS[attribute]?.find((x) => x.value === name);
      if (opt) return opt.label[l];
      if (ctx.node(name)) return ctx.name(name, l);
      return name;
    };
    const eligible = (k: number) => s.names[k] !== MISSING_GROUP && s.sizes[k] >= o.minGroupSize;
    const attr = (l: Lang) => ATTRIBUTE_LABEL[attribute]?.[l] ?? attribute;

    // Pairs of groups with a block density under the threshold: the sparsest and largest blocks first.
    const pairs: Array<{ a: number; b: number; density: number; ties: number; possible: number }> = [];
    for (let a = 0; a < s.names.length; a++)
      for (let b = a + 1; b < s.names.length; b++) {
        if (!eligible(a) || !eligible(b)) continue;
        const d = s.density[a][b];
        if (d === null || d >= o.densityThreshold) continue;
        pairs.push({ a, b, density: d, ties: s.ties[a][b], possible: s.sizes[a] * s.sizes[b] });
      }
    pairs.sort(
      (x, y) =>
        x.density - y.density ||
        y.possible - x.possible ||
        s.names[x.a].localeCompare(s.names[y.a]) ||
        s.names[x.b].localeCompare(s.names[y.b]),
    );
    for (const p of pairs.slice(0, o.maxPairs)) {
      const [a, b] = [p.a, p.b].sort((x, y) => s.names[x].localeCompare(s.names[y]));
      findings.push({
        id: `closed-groups:pair:${attribute}:${s.names[a]}|${s.names[b]}`,
        kind: 'closed-groups',
        gapKind: 'closed-groups',
        severity: p.ties === 0 ? 'medium' : 'low',
        basis: 'absent',
        impact: unit(((s.sizes[a] + s.sizes[b]) / Math.max(1, g.n)) * (p.ties === 0 ? 0.6 : 0.4)),
        completeness: registerCompleteness(ctx, o.relationTypes, orgTypesOf([...members[a], ...members[b]])),
        title: both((l) =>
          l === 'sv'
            ? `Glest mellan ${groupLabel(a, l)} och ${groupLabel(b, l)}`
            : `Sparse between ${groupLabel(a, l)} and ${groupLabel(b, l)}`,
        ),
        explanation: both((l) =>
          l === 'sv'
            ? `Mellan grupperna ${groupLabel(a, l)} (${actorsWord(s.sizes[a], l)}) och ${groupLabel(b, l)} (${actorsWord(s.sizes[b], l)}), indelade efter ${attr(l)}, finns ${p.ties === 0 ? 'inga band' : tiesWord(p.ties, l)} av ${p.possible} möjliga (blocktäthet ${num(p.density, l)}, gräns ${num(o.densityThreshold, l)}).`
            : `Between the groups ${groupLabel(a, l)} (${actorsWord(s.sizes[a], l)}) and ${groupLabel(b, l)} (${actorsWord(s.sizes[b], l)}), by ${attr(l)}, there ${p.ties === 1 ? 'is' : 'are'} ${p.ties === 0 ? 'no ties' : tiesWord(p.ties, l)} of ${p.possible} possible (block density ${num(p.density, l)}, threshold ${num(o.densityThreshold, l)}).`,
        ),
        nodeIds: [...members[a], ...members[b]],
        metrics: { density: p.density, ties: p.ties, possible: p.possible, sizeA: s.sizes[a], sizeB: s.sizes[b] },
        details: { partition: attribute, groups: [s.names[a], s.names[b]] },
      });
    }

    // Groups whose ties mostly stay inside (E-I ≤ threshold).
    for (let k = 0; k < s.names.length; k++) {
      const ei = s.ei[k];
      if (!eligible(k) || ei === null || ei > o.eiThreshold) continue;
      const internal = s.internal[k];
      const external = s.external[k];
      findings.push({
        id: `closed-groups:ei:${attribute}:${s.names[k]}`,
        kind: 'closed-groups',
        gapKind: 'closed-groups',
        severity: external === 0 ? 'high' : 'medium',
        basis: 'observed',
        impact: unit((2 * s.sizes[k]) / Math.max(1, g.n)) * 0.6,
        title: both((l) => (l === 'sv' ? `Sluten grupp: ${groupLabel(k, l)}` : `Closed group: ${groupLabel(k, l)}`)),
        explanation: both((l) =>
          l === 'sv'
            ? `Gruppen ${groupLabel(k, l)} (${actorsWord(s.sizes[k], l)}, indelning efter ${attr(l)}) har ${tiesWord(internal, l)} inom gruppen och ${tiesWord(external, l)} till andra grupper: E-I-index ${num(ei, l)} (gräns ${num(o.eiThreshold, l)}).`
            : `The group ${groupLabel(k, l)} (${actorsWord(s.sizes[k], l)}, by ${attr(l)}) has ${tiesWord(internal, l)} inside the group and ${tiesWord(external, l)} to other groups: E-I index ${num(ei, l)} (threshold ${num(o.eiThreshold, l)}).`,
        ),
        nodeIds: members[k],
        metrics: { ei, internal, external, size: s.sizes[k] },
        details: { partition: attribute, group: s.names[k], members: [...members[k]].sort() },
      });
    }
  }
  return findings;
}
