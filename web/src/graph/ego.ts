/** Ego networks and paths live in core (the exports focus the same way); the web reads them from here. */
export { egoNetwork, shortestPath, type Highlight } from '../../../core/graph/ego.js';
