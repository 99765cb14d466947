/** The view state: everything a link or a saved view reproduces (filters, encodings, focus, camera). */

export interface Filters {
  /** null = no restriction; otherwise the values that stay visible ("__none__" = value missing). */
  kinds: string[] | null;
  orgTypes: string[] | null;
  municipalities: string[] | null;
  sectors: string[] | null;
  relationTypes: string[] | null;
  evidence: string[] | null;
  /** Only relations valid on this date, and nodes that existed by then (YYYY-MM-DD). */
  asOf: string | null;
  /** Only nodes whose measure (a metric registry output) is at least `min`. */
  range: { metric: string; min: number } | null;
}

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export type EdgeColorBy = 'role' | 'type' | 'evidence';
export type Mode = 'map' | 'table';

export interface ViewState {
  colorBy: string;
  sizeBy: string;
  edgeColorBy: EdgeColorBy;
  filters: Filters;
  focus: string | null;
  depth: 1 | 2;
  path: [string, string] | null;
  camera: CameraView | null;
  mode: Mode;
  /** The named view this state came from, if any. */
  view: string | null;
}

export const NONE = '__none__';

export const emptyFilters = (): Filters => ({
  kinds: null,
  orgTypes: null,
  municipalities: null,
  sectors: null,
  relationTypes: null,
  evidence: null,
  asOf: null,
  range: null,
});

export const defaultViewState = (): ViewState => ({
  colorBy: 'actorGroup',
  sizeBy: 'degree',
  edgeColorBy: 'role',
  filters: emptyFilters(),
  focus: null,
  depth: 1,
  path: null,
  camera: null,
  mode: 'map',
  view: null,
});

/** Node positions by node id, as saved with a view or the base layout. */
export type Positions = Record<string, [number, number]>;

/** What a saved view stores on the server: the view state plus node positions (a stable map). */
export interface SavedViewState {
  format: 'aktorsatlas-view';
  version: 1;
  view: Omit<ViewState, 'view'>;
  lang?: 'sv' | 'en';
  positions: Positions;
  pinned?: string[];
}
