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
import { MAX_SIZE, MIN_SIZE, evidenceLabel } from '../map/encodings.js';
import { FADED_NODE, MISSING_TIE } from '../map/palette.js';
import { shapeOfKind, type NodeShape } from '../map/shapes.js';
import type { Panel } from './panel.js';

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(tag: string, attrs: Record<string, string>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** A small shape symbol (SVG) for the legend. */
export function shapeIcon(shape: NodeShape, color: string, size = 14): SVGElement {
  const svg = svgEl('svg', {
    width: String(size),
    height: String(size),
    viewBox: '0 0 20 20',
    'aria-hidden': 'true',
    class: 'legend-icon',
  });
  const fill = { fill: color };
  if (shape === 'square')
    svg.appendChild(svgEl('rect', { x: '3', y: '3', width: '14', height: '14', rx: '2', ...fill }));
  else if (shape === 'triangle') svg.appendChild(svgEl('polygon', { points: '10,2 18.5,17.5 1.5,17.5', ...fill }));
  else if (shape === 'diamond') svg.appendChild(svgEl('polygon', { points: '10,1.5 18.5,10 10,18.5 1.5,10', ...fill }));
  else svg.appendChild(svgEl('circle', { cx: '10', cy: '10', r: '8', ...fill }));
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

const GROUP_KIND: Record<string, string> = {
  network: 'Network',
  programme: 'EducationProgramme',
  occupation: 'Occupation',
  skill: 'Skill',
  sector: 'Sector',
  municipality: 'Municipality',
  action: 'Action',
};

/** The shape of the nodes behind a colour entry, when colour follows kind or actor group. */
function groupShape(colorBy: string, value: string): NodeShape {
  if (colorBy === 'kind') return shapeOfKind(value);
  return shapeOfKind(GROUP_KIND[value] ?? 'Organisation');
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
                style: { width: `${MIN_SIZE * 2}px`, height: `${MIN_SIZE * 2}px` },
                aria: { hidden: 'true' },
              }),
              h('span', { text: fmt(sc.size.min) }),
              h('span', {
                class: 'dot',
                style: { width: `${MAX_SIZE * 2}px`, height: `${MAX_SIZE * 2}px` },
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
          h(
            'li',
            {},
            lineIcon('#555555', ''),
            h('span', { text: `${evidenceLabel('confirmed')} — ${t('legend.solid')}` }),
          ),
          h(
            'li',
            {},
            lineIcon('#555555', '7 4'),
            h('span', { text: `${evidenceLabel('probable')} — ${t('legend.dashed')}` }),
          ),
          h(
            'li',
            {},
            lineIcon('#555555', '2 4', 0.6),
            h('span', { text: `${evidenceLabel('uncertain')} — ${t('legend.dotted')}` }),
          ),
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
