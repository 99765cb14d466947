import type { NodeRecord, RelationRecord } from '../model/records.js';
import type { FieldChange, GraphDiff, RankChange } from './diff.js';

const fmt = (v: unknown): string => (v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));
const esc = (s: string): string => s.replace(/[\\`*_[\]|<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
const field = (f: FieldChange) => `${esc(f.field)}: ${esc(fmt(f.before))} → ${esc(fmt(f.after))}`;
const node = (n: NodeRecord) => `${esc(n.name)} (${esc(n.kind)}, \`${esc(n.id)}\`)`;
const rel = (r: RelationRecord, names: Map<string, string>) =>
  `${esc(names.get(r.from) ?? r.from)} —${esc(r.type)}→ ${esc(names.get(r.to) ?? r.to)}`;
const pos = (p: RankChange['before']) => (p ? `${p.rank}` : '–');

/**
 * "What has changed since the last report", as Markdown: counts, then the actors and ties added, removed and
 * changed, then rank changes in degree and betweenness. Text from records is escaped, never interpreted.
 */
export function diffMarkdown(diff: GraphDiff, period: { from: string; to: string }, lang: 'sv' | 'en' = 'sv'): string {
  const t =
    lang === 'sv'
      ? {
          title: 'Förändringar',
          added: 'Tillagda',
          removed: 'Borttagna',
          changed: 'Ändrade',
          nodes: 'Aktörer och noder',
          relations: 'Relationer',
          ranks: 'Rangförändringar',
          none: 'Inga förändringar.',
          degree: 'grad',
          betweenness: 'mellanhandsposition',
        }
      : {
          title: 'Changes',
          added: 'Added',
          removed: 'Removed',
          changed: 'Changed',
          nodes: 'Actors and nodes',
          relations: 'Relations',
          ranks: 'Rank changes',
          none: 'No changes.',
          degree: 'degree',
          betweenness: 'betweenness',
        };
  const names = new Map<string, string>();
  for (const n of [...diff.nodes.added, ...diff.nodes.removed, ...diff.nodes.changed.map((c) => c.after)])
    names.set(n.id, n.name);
  const s = diff.summary;
  const lines = [`# ${t.title} ${esc(period.from)} – ${esc(period.to)}`, ''];
  lines.push(
    `- ${t.nodes}: +${s.nodesAdded} −${s.nodesRemoved} ~${s.nodesChanged}`,
    `- ${t.relations}: +${s.relationsAdded} −${s.relationsRemoved} ~${s.relationsChanged}`,
    `- ${t.ranks}: ${s.rankChanges}`,
    '',
  );
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`## ${title}`, '', ...items.map((i) => `- ${i}`), '');
  };
  section(`${t.nodes}: ${t.added.toLowerCase()}`, diff.nodes.added.map(node));
  section(`${t.nodes}: ${t.removed.toLowerCase()}`, diff.nodes.removed.map(node));
  section(
    `${t.nodes}: ${t.changed.toLowerCase()}`,
    diff.nodes.changed.map((c) => `${node(c.after)}: ${c.fields.map(field).join('; ')}`),
  );
  section(
    `${t.relations}: ${t.added.toLowerCase()}`,
    diff.relations.added.map((r) => rel(r, names)),
  );
  section(
    `${t.relations}: ${t.removed.toLowerCase()}`,
    diff.relations.removed.map((r) => rel(r, names)),
  );
  section(
    `${t.relations}: ${t.changed.toLowerCase()}`,
    diff.relations.changed.map((c) => `${rel(c.after, names)}: ${c.fields.map(field).join('; ')}`),
  );
  section(
    t.ranks,
    diff.ranks.map(
      (r) =>
        `${esc(r.name)} (${t[r.metric]}): ${pos(r.before)} → ${pos(r.after)}${r.change ? ` (${r.change > 0 ? '+' : ''}${r.change})` : ''}`,
    ),
  );
  if (Object.values(s).every((n) => n === 0)) lines.push(t.none, '');
  return lines.join('\n');
}
