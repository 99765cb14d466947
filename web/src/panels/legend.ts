/**
 * The legend: says what every encoding in use means. Colour entries always carry a text label and a count
 * (colour is never the only carrier), node shapes name the node kinds, sizes give the measure and its range,
 * edges show relation colours and the line style of each evidence level.
 */
import { NODE_KINDS } from '../../../core/model/catalogue/node-kinds.js';
import type { AppContext } from '../app/context.js';
import { labelOf } from '../app/items.js';
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

export function legendPanel(ctx: AppContext): Panel {
  const el = h('aside', {
    class: 'legend',
    id: 'legend',
    aria: { labelledby: 'legend-h' },
    dataset: { testid: 'legend' },
  });
  const body = h('div', { class: 'legend-body' });
  const toggle = h('button', {
    type: 'button',
    class: 'link small',
    aria: { expanded: 'true', controls: 'legend-body' },
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
    const s = ctx.store.get();
    toggle.textContent = body.hidden ? t('legend.show') : t('legend.hide');
    if (!sc || !ctx.graph) return replace(body, h('p', { class: 'hint', text: t('legend.empty') }));
    const kindsPresent = NODE_KINDS.filter((k) =>
      ctx.graph?.someNode((n, a) => a.kind === k.id && !ctx.visibility.hiddenNodes.has(n)),
    );
    // When colour already follows the node kind, each colour entry carries its shape and no shape list is needed.
    const shapesInColor = s.colorBy === 'actorGroup' || s.colorBy === 'kind';
    const colorTitle = (
      document.querySelector<HTMLSelectElement>('[data-testid=color-by]')?.selectedOptions[0]?.textContent ?? s.colorBy
    ).trim();
    const sections: HTMLElement[] = [
      h(
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
                ? shapeIcon(groupShape(s.colorBy, e.value), e.color)
                : h('span', { class: 'swatch', style: { background: e.color }, aria: { hidden: 'true' } }),
              h('span', { text: e.label }),
              h('span', { class: 'count', text: ` ${fmt(e.count)}` }),
            ),
          ),
        ),
      ),
      shapesInColor
        ? h('p', { class: 'hint', dataset: { testid: 'legend-shape' }, text: t('legend.shapeInColor') })
        : h(
            'section',
            { dataset: { testid: 'legend-shape' } },
            h('h3', { text: t('legend.shape') }),
            h(
              'ul',
              {},
              kindsPresent.map((k) =>
                h('li', {}, shapeIcon(shapeOfKind(k.id), '#4d4d4d'), h('span', { text: bi(k.plural) })),
              ),
            ),
          ),
      h(
        'section',
        { dataset: { testid: 'legend-size' } },
        h('h3', { text: t('legend.size', { what: sc.size.label }) }),
        sc.size.min !== null
          ? h(
              'div',
              { class: 'size-scale' },
              h('span', {
                class: 'dot',
                style: { width: `${NODE_SIZE.min * 2}px`, height: `${NODE_SIZE.min * 2}px` },
                aria: { hidden: 'true' },
              }),
              h('span', { text: fmt(sc.size.min) }),
              h('span', {
                class: 'dot',
                style: { width: `${NODE_SIZE.max * 2}px`, height: `${NODE_SIZE.max * 2}px` },
                aria: { hidden: 'true' },
              }),
              h('span', { text: fmt(sc.size.max) }),
            )
          : h('p', { class: 'hint', text: t('legend.sizeEqual') }),
        sc.size.missing > 0 ? h('p', { class: 'hint', text: t('legend.sizeMissing', { n: sc.size.missing }) }) : null,
      ),
      h(
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
      ),
    ];
    if (ctx.highlight) {
      const reason = ctx.highlightReason;
      const text =
        reason === 'path'
          ? t('legend.hlPath')
          : reason === 'finding'
            ? t('legend.hlFinding')
            : reason === 'community'
              ? t('legend.hlCommunity', { n: (ctx.community ?? 0) + 1 })
              : t('legend.hlFocus', { name: labelOf(ctx, s.focus ?? ''), depth: s.depth });
      sections.push(
        h(
          'section',
          { dataset: { testid: 'legend-highlight' } },
          h('h3', { text: t('legend.highlight') }),
          h('p', {}, shapeIcon('circle', FADED_NODE), ` ${text}`),
          ctx.finding?.missingTies?.length
            ? h('p', {}, lineIcon(MISSING_TIE, '9 6'), ` ${t('legend.missingTie')}`)
            : null,
        ),
      );
    }
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
