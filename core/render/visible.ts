/**
 * The records a view shows: the nodes and relations its filters leave visible on the map (the same test as the
 * screen's, core/graph/view-filters), as a snapshot for the data exports and the report's tables.
 */
import { buildGraph } from '../graph/build-graph.js';
import { toSerializedGraph } from '../graph/serialize.js';
import { buildIndex, computeVisibility, type ViewFilters } from '../graph/view-filters.js';
import type { Snapshot } from '../model/records.js';

const unfiltered = (f: ViewFilters) => Object.values(f).every((v) => v === null);

export function visibleSnapshot(snapshot: Snapshot, filters: ViewFilters): Snapshot {
  if (unfiltered(filters)) return snapshot;
  const { graph } = buildGraph(toSerializedGraph(snapshot));
  const vis = computeVisibility(graph, buildIndex(graph), filters);
  return {
    ...snapshot,
    ...(filters.asOf ? { asOf: filters.asOf } : {}),
    nodes: snapshot.nodes.filter((n) => graph.hasNode(n.id) && !vis.hiddenNodes.has(n.id)),
    relations: snapshot.relations.filter((r) => graph.hasEdge(r.id) && !vis.hiddenEdges.has(r.id)),
  };
}
