/**
 * The legend: says what every encoding in use means. Colour entries always carry a text label and a count
 * (colour is never the only carrier), node shapes name the node kinds, sizes give the measure and its range,
 * edges show relation colours and the line style of each evidence level.
 */
import { NODE_KINDS } from '../../../core/model/catalogue/node-kinds.js';
import type { AppContext } from '../context/context.js';
import { labelOf } from '../context/items.js';
import { h, replace } from '../dom/h.js';
import { bi, fmt, t } from '../i18n/i18n.js';
import {
  ACTOR_GROUPS,
  EVIDENCE_LINES,
  FADED_NODE,
  MISSING_TIE,
  NEUTRAL,
  NODE_SIZE,
  evidenceLabel,
  evidenceLevels,
  evidenceStyle,
  shapeOfKind,
  shapePath,
  type NodeShape,
} from '../look/look.js';
import type { Panel } from './panel.js';

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(tag: string, attrs: Record<string, string>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** A small shape symbol (SVG) for the legend: the outline of the appearance table (core/look). */
export function shapeIcon(shape: NodeShape, color: string, size = 14): SVGElement {
  const svg = svgEl('svg', {
    width: String(size),
    height: String(size),
    viewBox: '-10 -10 20 20',
    'aria-hidden': 'true',
    class: 'legend-icon',
  });
  const path = shapePath(shape, 8.5);
  svg.appendChild(
    path ? svgEl('path', { d: path, fill: color }) : svgEl('circle', { cx: '0', cy: '0', r: '8', fill: color }),
  );
  return svg;
}

function lineIcon(color: string, dash: string, opacity = 1): SVGElement {
  const svg = svgEl('svg', {
    width: '34',
    height: '10',
    viewBox: '0 0 34 10',
    'aria-hidden': 'true',
    class: 'legend-icon',
  });
  svg.appendChild(
    svgEl('line', {
      x1: '1',
      y1: '5',
      x2: '33',
      y2: '5',
      stroke: color,
      'stroke-width': '2.5',
      'stroke-dasharray': dash,
      opacity: String(opacity),
    }),
  );
  return svg;
}

/** The shape of the nodes behind a colour entry, when colour follows kind or actor group. */
function groupShape(colorBy: string, value: string): NodeShape {
  if (colorBy === 'kind') return shapeOfKind(value);
  return shapeOfKind(ACTOR_GROUPS.find((g) => g.id === value)?.kind ?? 'Organisation');
}

type Schemes = NonNullable<AppContext['schemes']>;

function colorSection(sc: Schemes, colorBy: string, shapesInColor: boolean): HTMLElement {
  const colorTitle = (
    document.querySelector<HTMLSelectElement>('[data-testid=color-by]')?.selectedOptions[0]?.textContent ?? colorBy
  ).trim();
  return h(
    'section',
    { dataset: { testid: 'legend-color' } },
    h('h3', { text: t('legend.color', { what: colorTitle }) }),
    h(
      'ul',
      {},
      sc.color.entries.map((e) =>
        h(
          'li',
          { dataset: { value: e.value } },
          shapesInColor
            ? shapeIcon(groupShape(colorBy, e.value), e.color)
            : h('span', { class: 'swatch', style: { background: e.color }, aria: { hidden: 'true' } }),
          h('span', { text: e.label }),
          h('span', { class: 'count', text: ` ${fmt(e.count)}` }),
        ),
      ),
    ),
  );
}

function shapeSection(ctx: AppContext): HTMLElement {
  const kindsPresent = NODE_KINDS.filter((k) =>
    ctx.graph?.someNode((n, a) => a.kind === k.id && !ctx.visibility.hiddenNodes.has(n)),
  );
  return h(
    'section',
    { dataset: { testid: 'legend-shape' } },
    h('h3', { text: t('legend.shape') }),
    h(
      'ul',
      {},
      kindsPresent.map((k) => h('li', {}, shapeIcon(shapeOfKind(k.id), NEUTRAL), h('span', { text: bi(k.plural) }))),
    ),
  );
}

const dot = (r: number) =>
  h('span', { class: 'dot', style: { width: `${r * 2}px`, height: `${r * 2}px` }, aria: { hidden: 'true' } });

function sizeSection(sc: Schemes): HTMLElement {
  return h(
    'section',
    { dataset: { testid: 'legend-size' } },
    h('h3', { text: t('legend.size', { what: sc.size.label }) }),
    sc.size.min !== null
      ? h(
          'div',
          { class: 'size-scale' },
          dot(NODE_SIZE.min),
          h('span', { text: fmt(sc.size.min) }),
          dot(NODE_SIZE.max),
          h('span', { text: fmt(sc.size.max) }),
        )
      : h('p', { class: 'hint', text: t('legend.sizeEqual') }),
    sc.size.missing > 0 ? h('p', { class: 'hint', text: t('legend.sizeMissing', { n: sc.size.missing }) }) : null,
  );
}

function edgeSection(ctx: AppContext, sc: Schemes): HTMLElement {
  return h(
    'section',
    { dataset: { testid: 'legend-edges' } },
    h('h3', { text: t('legend.edges') }),
    h(
      'ul',
      {},
      sc.edge.entries.map((e) =>
        h(
          'li',
          {},
          lineIcon(e.color, ''),
          h('span', { text: e.label }),
          h('span', { class: 'count', text: ` ${fmt(e.count)}` }),
        ),
      ),
    ),
    ctx.largeMap && !ctx.showAllTies
      ? h('p', { class: 'hint', dataset: { testid: 'legend-large' }, text: t('legend.largeMap') })
      : null,
    h('h3', { text: t('legend.evidence') }),
    h(
      'ul',
      {},
      evidenceLevels().map((ev) => {
        const line = EVIDENCE_LINES[ev];
        return h(
          'li',
          {},
          lineIcon(NEUTRAL, line.dash ? line.dash.join(' ') : '', line.alpha / EVIDENCE_LINES.confirmed.alpha),
          h('span', { text: `${evidenceLabel(ev)} — ${evidenceStyle(ev)}` }),
        );
      }),
    ),
  );
}

function highlightSection(ctx: AppContext): HTMLElement | null {
  if (!ctx.highlight) return null;
  const s = ctx.store.get();
  const reason = ctx.highlightReason;
  const text =
    reason === 'path'
      ? t('legend.hlPath')
      : reason === 'finding'
        ? t('legend.hlFinding')
        : reason === 'community'
          ? t('legend.hlCommunity', { n: (ctx.community ?? 0) + 1 })
          : t('legend.hlFocus', { name: labelOf(ctx, s.focus ?? ''), depth: s.depth });
  return h(
    'section',
    { dataset: { testid: 'legend-highlight' } },
    h('h3', { text: t('legend.highlight') }),
    h('p', {}, shapeIcon('circle', FADED_NODE), ` ${text}`),
    ctx.finding?.missingTies?.length ? h('p', {}, lineIcon(MISSING_TIE, '9 6'), ` ${t('legend.missingTie')}`) : null,
  );
}

/** Screens where the legend lies over the map and the map is low: it starts collapsed there. */
const COLLAPSED_BY_DEFAULT = '(min-width: 901px) and (max-height: 820px)';

export function legendPanel(ctx: AppContext): Panel {
  const el = h('aside', {
    class: 'legend',
    id: 'legend',
    aria: { labelledby: 'legend-h' },
    dataset: { testid: 'legend' },
  });
  const body = h('div', { class: 'legend-body' });
  // Over a small map (a laptop's 720 px) the legend starts folded to its title, so it hides little of the map.
  body.hidden = matchMedia(COLLAPSED_BY_DEFAULT).matches;
  const toggle = h('button', {
    type: 'button',
    class: 'link small',
    aria: { expanded: String(!body.hidden), controls: 'legend-body' },
    dataset: { testid: 'legend-toggle' },
    on: {
      click: () => {
        body.hidden = !body.hidden;
        toggle.setAttribute('aria-expanded', String(!body.hidden));
        toggle.textContent = body.hidden ? t('legend.show') : t('legend.hide');
      },
    },
  });
  body.id = 'legend-body';

  const update = () => {
    const sc = ctx.schemes;
    toggle.textContent = body.hidden ? t('legend.show') : t('legend.hide');
    if (!sc || !ctx.graph) return replace(body, h('p', { class: 'hint', text: t('legend.empty') }));
    const s = ctx.store.get();
    // When colour already follows the node kind, each colour entry carries its shape and no shape list is needed.
    const shapesInColor = s.colorBy === 'actorGroup' || s.colorBy === 'kind';
    const sections: (HTMLElement | null)[] = [
      colorSection(sc, s.colorBy, shapesInColor),
      shapesInColor
        ? h('p', { class: 'hint', dataset: { testid: 'legend-shape' }, text: t('legend.shapeInColor') })
        : shapeSection(ctx),
      sizeSection(sc),
      edgeSection(ctx, sc),
      highlightSection(ctx),
    ];
    replace(body, sections);
  };

  const render = () => {
    replace(
      el,
      h('div', { class: 'row legend-head' }, h('h2', { id: 'legend-h', text: t('legend.title') }), toggle),
      body,
    );
    update();
  };
  render();
  return { el, render, update };
}
