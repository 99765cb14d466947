import { describe, it, expect } from 'vitest';
import { SaxesParser } from 'saxes';
import { renderSvg, type SvgMapInput } from '../../../core/render/svg.js';
import { mapModel } from '../../../core/render/map-model.js';
import { fixtureSnapshot } from '../exchange/helpers.js';

/** Parses with a conforming XML parser; returns element names and all text, or throws. */
function wellFormed(svg: string): { elements: Array<{ name: string; attrs: Record<string, string> }>; text: string } {
  const p = new SaxesParser();
  const elements: Array<{ name: string; attrs: Record<string, string> }> = [];
  let text = '';
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => elements.push({ name: t.name, attrs: t.attributes as Record<string, string> }));
  p.on('text', (t) => (text += t));
  p.write(svg).close();
  return { elements, text };
}

const base = (): SvgMapInput => ({
  title: 'Karta <&> "titel"',
  subtitle: "Undertitel 'x'",
  date: '2026-11-27',
  source: 'Källa: Aktörsatlas & <SCB>',
  nodes: [
    { id: 'a', x: 0, y: 0, size: 10, color: '#ff0000', label: '<script>alert(1)</script>' },
    { id: 'b', x: 10, y: 5, size: 5, color: 'red" onload="alert(1)', label: 'B & C\u0001' },
  ],
  edges: [
    { source: 'a', target: 'b', color: '#0000ff', dashed: true, directed: true },
    { source: 'b', target: 'a', dashed: 'dotted' },
    { source: 'a', target: 'missing' },
  ],
  legend: [
    { title: 'Nodtyp', items: [{ label: 'Organisationer & nätverk', color: '#ff0000' }] },
    { title: 'Belägg', items: [{ label: 'trolig', color: '#888888', shape: 'line', dashed: true }] },
  ],
});

describe('SVG map', () => {
  it('is well-formed XML with title, legend, date and source, and escapes every text', () => {
    const svg = renderSvg(base());
    const { elements, text } = wellFormed(svg);
    expect(elements[0].name).toBe('svg');
    expect(elements[0].attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(elements.filter((e) => e.name === 'g').map((e) => e.attrs.class)).toEqual([
      'title',
      'edges',
      'nodes',
      'labels',
      'legend',
      'footer',
    ]);
    expect(text).toContain('Karta <&> "titel"');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('Organisationer & nätverk');
    expect(text).toContain('2026-11-27');
    expect(text).toContain('Källa: Aktörsatlas & <SCB>');
    expect(elements.some((e) => e.name === 'script')).toBe(false);
    expect(elements.some((e) => Object.keys(e.attrs).some((k) => k.startsWith('on')))).toBe(false);
    // A colour that is not a colour falls back; an edge to an unknown node is left out.
    expect(elements.filter((e) => e.name === 'circle').map((e) => e.attrs.fill)).toContain('#777777');
    expect(elements.filter((e) => e.name === 'line' && e.attrs['stroke-opacity'] === '0.75')).toHaveLength(2);
    expect(svg).not.toContain('\u0001');
    expect(elements.some((e) => e.name === 'marker')).toBe(true);
    expect(
      elements.find((e) => e.name === 'line' && e.attrs['stroke-dasharray'] && e.attrs['stroke-linecap'] === 'round'),
    ).toBeDefined();
  });

  it('fits the nodes inside the drawing area and puts larger y higher', () => {
    const svg = renderSvg({ ...base(), width: 800, height: 600 });
    const circles = wellFormed(svg).elements.filter((e) => e.name === 'circle' && e.attrs.r !== '6');
    for (const c of circles) {
      expect(Number(c.attrs.cx)).toBeGreaterThan(0);
      expect(Number(c.attrs.cx)).toBeLessThan(800);
      expect(Number(c.attrs.cy)).toBeGreaterThan(0);
      expect(Number(c.attrs.cy)).toBeLessThan(600);
    }
    const [a, b] = circles;
    expect(Number(b.attrs.cy)).toBeLessThan(Number(a.attrs.cy));
  });

  it('draws the Jönköping network with a legend of its kinds and evidence, deterministically', () => {
    const snap = fixtureSnapshot();
    const model = mapModel(snap, { date: '2026-11-27' });
    expect(model.nodes).toHaveLength(snap.nodes.length);
    expect(model.legend[0].title).toBe('Färg: Typ av aktör');
    expect(model.legend[0].items.map((i) => i.label)).toContainEqual(
      expect.stringMatching(/^Offentlig aktör \(\d+\)$/),
    );
    const evidence = model.legend.find((s) => s.title === 'Belägg (linjestil)');
    expect(evidence?.items.map((i) => i.label)).toEqual([
      'Bekräftad — heldragen',
      'Trolig — streckad',
      'Osäker — prickad, blek',
    ]);
    const svg = renderSvg(model);
    expect(renderSvg(mapModel(snap, { date: '2026-11-27' }))).toBe(svg);
    const { elements } = wellFormed(svg);
    expect(elements.filter((e) => e.attrs['data-node']).length).toBe(snap.nodes.length);
    // Networks are squares (paths), organisations circles, as on the screen.
    expect(elements.some((e) => e.name === 'path' && e.attrs['data-node']?.startsWith('nw:'))).toBe(true);
  });
});
