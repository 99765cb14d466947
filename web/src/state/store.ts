/** A minimal observable store: the view state lives here; panels subscribe and re-render. */
import { defaultViewState, type Filters, type ViewState } from './types.js';

type Listener = (state: ViewState, prev: ViewState) => void;

export class Store {
  private state: ViewState = defaultViewState();
  private readonly listeners = new Set<Listener>();

  get(): ViewState {
    return this.state;
  }

  set(patch: Partial<ViewState>): void {
    const prev = this.state;
    this.state = { ...prev, ...patch };
    for (const fn of this.listeners) fn(this.state, prev);
  }

  setFilters(patch: Partial<Filters>): void {
    this.set({ filters: { ...this.state.filters, ...patch } });
  }

  /** Replaces the whole state (opening a link or a saved view). */
  replace(state: ViewState): void {
    const prev = this.state;
    this.state = state;
    for (const fn of this.listeners) fn(this.state, prev);
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

export const store = new Store();
