/** The map's graph is built in core (the exports build the same); the web reads it from here. */
export { buildGraph, type AtlasGraph, type LoadReport } from '../../../core/graph/build-graph.js';
