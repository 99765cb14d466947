/** The relations of a node, grouped by kind, with direction, evidence, validity and sources as links. */
import { relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import type { AppContext } from '../context/context.js';
import { labelOf } from '../context/items.js';
import { canEdit } from '../api/session.js';
import { h, safeLink } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import { evidenceLabel } from '../map/encodings.js';

export interface RelationActions {
  focus: (node: string) => void;
  editRelation: (id: string) => void;
}

interface Row {
  edge: string;
  other: string;
  outgoing: boolean;
  attrs: Record<string, unknown>;
}

export function sourcesList(sources: unknown): HTMLElement | null {
  if (!Array.isArray(sources) || sources.length === 0) return null;
  return h(
    'ul',
    { class: 'sources' },
    sources.map((s: unknown) => {
      const src = (s ?? {}) as { url?: unknown; title?: unknown; date?: unknown };
      const title = typeof src.title === 'string' && src.title ? src.title : String(src.url ?? '');
      return h(
        'li',
        {},
        safeLink(String(src.url ?? ''), title),
        typeof src.date === 'string' ? h('span', { class: 'hint', text: ` (${src.date})` }) : null,
      );
    }),
  );
}

export function relationsSection(ctx: AppContext, node: string, actions: RelationActions): HTMLElement {
  const g = ctx.graph;
  const groups = new Map<string, Row[]>();
  g?.forEachEdge(node, (edge, attrs, source, target) => {
    const type = String(attrs.type ?? '');
    const outgoing = source === node;
    const key = `${type}|${outgoing ? 'out' : 'in'}`;
    let rows = groups.get(key);
    if (!rows) groups.set(key, (rows = []));
    rows.push({ edge, other: outgoing ? target : source, outgoing, attrs });
  });
  if (groups.size === 0) return h('p', { class: 'hint', text: t('details.noRelations') });
  const sections = [...groups.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([key, rows]) => {
      const [type, dir] = key.split('|');
      const kind = relationKind(type);
      const label = kind ? bi(dir === 'out' || !kind.directed ? kind.label : kind.inverseLabel) : type;
      return h(
        'section',
        { class: 'rel-group', dataset: { type } },
        h('h4', { text: `${label} (${rows.length})` }),
        h(
          'ul',
          {},
          rows
            .sort((a, b) => labelOf(ctx, a.other).localeCompare(labelOf(ctx, b.other), 'sv'))
            .map((r) => {
              const ev = String(r.attrs.evidence ?? '');
              const valid = [r.attrs.validFrom, r.attrs.validTo].some((v) => typeof v === 'string')
                ? t('details.valid', { from: String(r.attrs.validFrom ?? '…'), to: String(r.attrs.validTo ?? '…') })
                : null;
              return h(
                'li',
                { dataset: { edge: r.edge } },
                h('button', {
                  type: 'button',
                  class: 'link',
                  text: labelOf(ctx, r.other),
                  on: { click: () => actions.focus(r.other) },
                }),
                h('span', { class: `badge ev-${ev}`, text: evidenceLabel(ev) }),
                valid ? h('span', { class: 'hint', text: ` ${valid}` }) : null,
                canEdit() &&
                  h('button', {
                    type: 'button',
                    class: 'link small',
                    text: t('action.edit'),
                    dataset: { testid: 'relation-edit' },
                    aria: { label: t('details.editRelation', { name: labelOf(ctx, r.other) }) },
                    on: { click: () => actions.editRelation(r.edge) },
                  }),
                sourcesList(r.attrs.sources),
              );
            }),
        ),
      );
    });
  return h('div', { class: 'relations' }, sections);
}
