/**
 * The legend of an exported map: the same sections as the screen's legend (colour with counts, shapes, size,
 * ties and their line styles, the highlight), from the encodings the map model drew.
 */
import { NODE_KINDS, nodeKind } from '../model/catalogue/node-kinds.js';
import { relationKind } from '../model/catalogue/relation-kinds.js';
import { METRICS } from '../analysis/registry.js';
import type { Lang } from '../model/labels.js';
import { NONE } from '../look/colors.js';
import { actorGroup } from '../look/groups.js';
import { EDGE_WIDTH, EVIDENCE_LINES, ROLE_LABELS } from '../look/lines.js';
import { FADED_NODE, NEUTRAL, OTHER_COLOR } from '../look/palette.js';
import { shapeOfKind } from '../look/shapes.js';
import { communityName, focusNote, lt, sizeMissing, sizeRange } from './legend-text.js';
import type { DrawnView } from './map-model.js';
import type { LegendItem, LegendSection } from './svg.js';

function measureLabel(id: string, lang: Lang): string {
  for (const m of METRICS) for (const o of m.outputs) if (o.id === id) return o.label[lang];
  return id;
}

function propLabel(prop: string, lang: Lang): string {
  for (const k of NODE_KINDS) if (k.propLabels[prop]) return k.propLabels[prop][lang];
  return prop;
}

function enumLabel(prop: string, value: string, lang: Lang): string {
  for (const k of NODE_KINDS) {
    const opt = k.enums?.[prop]?.find((o) => o.value === value);
    if (opt) return opt.label[lang];
  }
  return value;
}

function colorTitle(colorBy: string, lang: Lang): string {
  if (colorBy.startsWith('attr:')) return propLabel(colorBy.slice(5), lang);
  if (colorBy === 'kind' || colorBy === 'municipality' || colorBy === 'sector' || colorBy === 'community')
    return lt(colorBy, lang);
  return lt('actorGroup', lang);
}

function colorSection(d: DrawnView): LegendSection {
  const { graph, state, lang } = d;
  const c = d.coloring;
  const nameOf = (id: string) =>
    graph.hasNode(id)
      ? String((lang === 'en' && graph.getNodeAttribute(id, 'nameEn')) || graph.getNodeAttribute(id, 'name'))
      : id;
  const labelOf = (v: string): string => {
    if (state.colorBy === 'kind') return nodeKind(v)?.plural[lang] ?? v;
    if (state.colorBy === 'municipality' || state.colorBy === 'sector') return nameOf(v);
    if (state.colorBy === 'community') return communityName(Number(v) + 1, lang);
    if (state.colorBy.startsWith('attr:')) return enumLabel(state.colorBy.slice(5), v, lang);
    return (actorGroup(v) ?? actorGroup('other'))!.label[lang];
  };
  const kindOf = (v: string) => (state.colorBy === 'kind' ? v : (actorGroup(v)?.kind ?? 'Organisation'));
  const withShape = c.groups || state.colorBy === 'kind';
  const items: LegendItem[] = c.assignment.order.map((v) => ({
    label: `${labelOf(v)} (${c.counts.get(v) ?? 0})`,
    color: c.assignment.colorOf(v),
    shape: withShape ? shapeOfKind(kindOf(v)) : 'circle',
  }));
  const others = c.assignment.others.reduce((k, v) => k + (c.counts.get(v) ?? 0), 0);
  if (others > 0) items.push({ label: `${lt('otherValues', lang)} (${others})`, color: OTHER_COLOR });
  if (c.counts.has(NONE)) items.push({ label: `${lt('missing', lang)} (${c.counts.get(NONE)})`, color: OTHER_COLOR });
  return { title: `${lt('color', lang)}: ${colorTitle(state.colorBy, lang)}`, items };
}

function shapeSection(d: DrawnView): LegendSection | null {
  const { graph, state, input, lang } = d;
  if (state.colorBy === 'kind' || d.coloring.groups) return null;
  const kinds = NODE_KINDS.filter((k) =>
    graph.someNode((n, a) => a.kind === k.id && !input.visibility.hiddenNodes.has(n)),
  );
  return {
    title: lt('shape', lang),
    items: kinds.map((k) => ({ label: k.plural[lang], color: NEUTRAL, shape: shapeOfKind(k.id) })),
  };
}

function sizeSection(d: DrawnView): LegendSection {
  const { state, lang, sizing } = d;
  const what = state.sizeBy === 'none' ? lt('sizeNone', lang) : measureLabel(state.sizeBy, lang);
  const fmt = (x: number) => String(Math.round(x * 1000) / 1000).replace('.', lang === 'sv' ? ',' : '.');
  const items: LegendItem[] = sizing.scale
    ? [{ label: sizeRange(what, fmt(sizing.scale.min), fmt(sizing.scale.max), lang), color: '#bbbbbb', size: 8 }]
    : [{ label: what, color: '#bbbbbb', size: 6 }];
  if (sizing.missing > 0) items.push({ label: sizeMissing(sizing.missing, lang), color: '#bbbbbb', size: 3.5 });
  return { title: lt('size', lang), items };
}

function edgeSections(d: DrawnView): LegendSection[] {
  const { graph, state, input, lang } = d;
  const c = d.edges;
  const labelOf = (v: string) =>
    state.edgeColorBy === 'evidence'
      ? (EVIDENCE_LINES[v as keyof typeof EVIDENCE_LINES]?.label[lang] ?? lt('missing', lang))
      : state.edgeColorBy === 'type'
        ? (relationKind(v)?.label[lang] ?? v)
        : (ROLE_LABELS[v]?.[lang] ?? v);
  const line = (color: string): Pick<LegendItem, 'shape' | 'size' | 'color'> => ({
    color,
    shape: 'line',
    size: EDGE_WIDTH.highlighted,
  });
  const evidence = (['confirmed', 'probable', 'uncertain'] as const).filter((e) =>
    graph.someEdge((edge, a) => a.evidence === e && !input.visibility.hiddenEdges.has(edge)),
  );
  return [
    {
      title: lt('edges', lang),
      items: c.order.map((v) => ({ label: `${labelOf(v)} (${c.counts.get(v) ?? 0})`, ...line(c.colorOfValue(v)) })),
    },
    {
      title: lt('evidence', lang),
      items: evidence.map((e) => ({
        label: `${EVIDENCE_LINES[e].label[lang]} — ${EVIDENCE_LINES[e].style[lang]}`,
        ...line(NEUTRAL),
        dash: EVIDENCE_LINES[e].dash,
        opacity: EVIDENCE_LINES[e].alpha / EVIDENCE_LINES.confirmed.alpha,
      })),
    },
  ];
}

export function legendOf(d: DrawnView): LegendSection[] {
  const sections: LegendSection[] = [colorSection(d)];
  const shapes = shapeSection(d);
  if (shapes) sections.push(shapes);
  sections.push(sizeSection(d), ...edgeSections(d));
  const focus = d.state.focus;
  if (d.highlight && focus) {
    const a = d.graph.getNodeAttributes(focus);
    const name = String((d.lang === 'en' && a.nameEn) || a.name || focus);
    sections.push({
      title: lt('highlight', d.lang),
      items: [{ label: focusNote(name, d.state.depth, d.lang), color: FADED_NODE }],
    });
  }
  return sections.filter((s) => s.items.length > 0);
}
