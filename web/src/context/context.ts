/**
 * The runtime context shared by the map and the panels: the graph and what is derived from it (indexes,
 * visibility, highlight, encodings, analysis). View state lives in the store; this holds the rest.
 */
import type { PanelResult } from '../../../core/analysis/panel.js';
import type { GapFinding } from '../api/types.js';
import type { Highlight } from '../graph/ego.js';
import type { NodeIndex } from '../graph/derive.js';
import type { Visibility } from '../graph/filters.js';
import type { AtlasGraph } from '../graph/load.js';
import { store, type Store } from '../state/store.js';
import { Bus } from './bus.js';
import type { Schemes } from './schemes.js';

export type { Schemes };

export interface AppContext {
  bus: Bus;
  store: Store;
  graph: AtlasGraph | null;
  index: NodeIndex;
  visibility: Visibility;
  highlight: Highlight | null;
  /** Why the highlight is on: focus, path, finding or community. */
  highlightReason: 'focus' | 'path' | 'finding' | 'community' | null;
  hovered: string | null;
  selected: string | null;
  finding: GapFinding | null;
  community: number | null;
  analysis: PanelResult | null;
  schemes: Schemes | null;
  pinned: Set<string>;
  /** The shared base layout view, if one is stored. */
  layoutVersion: number | null;
  /**
   * Large maps (more visible ties than LARGE_MAP_TIES) draw only the ties of the current focus, path, finding
   * or community unless the user asks for all: drawing tens of thousands of ties is what makes a map slow.
   */
  largeMap: boolean;
  showAllTies: boolean;
}

export const LARGE_MAP_TIES = 4000;

export function createContext(): AppContext {
  return {
    bus: new Bus(),
    store,
    graph: null,
    index: { municipalities: new Map(), sectors: new Map() },
    visibility: { hiddenNodes: new Set(), hiddenEdges: new Set() },
    highlight: null,
    highlightReason: null,
    hovered: null,
    selected: null,
    finding: null,
    community: null,
    analysis: null,
    schemes: null,
    pinned: new Set(),
    layoutVersion: null,
    largeMap: false,
    showAllTies: false,
  };
}
