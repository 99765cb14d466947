/**
 * The map model draws a view as the screen does: the view's filters pick the nodes, the focus fades the rest,
 * colour and size follow the view's encodings (core/render/encode, which the web's legend and reducers use too).
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../core/graph/build-graph.js';
import { toSerializedGraph } from '../../../core/graph/serialize.js';
import { buildIndex, computeVisibility, noFilters } from '../../../core/graph/view-filters.js';
import { FADED_NODE } from '../../../core/look/palette.js';
import { NODE_SIZE } from '../../../core/look/size.js';
import { nodeColoring, nodeSizing } from '../../../core/render/encode.js';
import { mapModel } from '../../../core/render/map-model.js';
import { defaultMapView, type MapViewState } from '../../../core/render/view.js';
import { visibleSnapshot } from '../../../core/render/visible.js';
import { fixtureSnapshot } from '../exchange/helpers.js';

describe('map model of a view', () => {
  const snap = fixtureSnapshot();
  const { graph } = buildGraph(toSerializedGraph(snap));
  const index = buildIndex(graph);
  const positions = Object.fromEntries(snap.nodes.map((n, i) => [n.id, { x: i % 20, y: Math.floor(i / 20) }]));

  it('keeps only the filtered nodes, fades all but the focus and its neighbours, colours by municipality', () => {
    const state: MapViewState = {
      ...defaultMapView(),
      colorBy: 'municipality',
      filters: { ...noFilters(), municipalities: ['kommun:0680', 'kommun:0683'] },
      focus: 'org:jonkoping-university',
    };
    const model = mapModel(snap, { view: { state, positions }, date: '2026-12-06' });
    const vis = computeVisibility(graph, index, state.filters);
    const visible = graph.filterNodes((n) => !vis.hiddenNodes.has(n));
    expect(model.nodes.map((n) => n.id).sort()).toEqual(visible.sort());
    expect(visible.length).toBeLessThan(graph.order / 2);
    const coloring = nodeColoring({ graph, index, visibility: vis, analysis: null }, 'municipality');
    const focusNode = model.nodes.find((n) => n.id === state.focus)!;
    expect(focusNode.color).toBe(coloring.colorOf(state.focus!));
    const faded = model.nodes.filter((n) => n.color === FADED_NODE);
    expect(faded.length).toBeGreaterThan(0);
    expect(faded.every((n) => !graph.areNeighbors(n.id, state.focus!))).toBe(true);
    expect(model.legend[0].title).toBe('Färg: Kommun');
    expect(model.legend.at(-1)?.title).toBe('Markering');
    // The records of the view are the same nodes (data exports and the report's tables).
    expect(
      visibleSnapshot(snap, state.filters)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(visible.sort());
  });

  it('sizes by the map degree, so networks are not left at the minimum', () => {
    const vis = computeVisibility(graph, index, noFilters());
    const sizing = nodeSizing({ graph, index, visibility: vis, analysis: null }, 'degree');
    const platform = sizing.sizeOf('nw:kompetensplattform-jonkopings-lan');
    expect(platform).toBeGreaterThan(NODE_SIZE.min + 4);
    const model = mapModel(snap, { view: { positions }, date: '2026-12-06' });
    expect(model.nodes.find((n) => n.id === 'nw:kompetensplattform-jonkopings-lan')?.size).toBeCloseTo(platform);
    expect(model.nodes.find((n) => n.id === 'nw:kompetensplattform-jonkopings-lan')?.shape).toBe('square');
  });
});
