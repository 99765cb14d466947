/** A typed event bus between the data layer, the map and the panels. */
import type { AnalysisState } from '../analysis/runner.js';

export interface BusEvents {
  /** The graph was (re)loaded or edited. */
  graph: void;
  /** Visibility, highlight or encodings changed: the map and legend redraw. */
  render: void;
  /** A node was selected (or null). */
  select: string | null;
  /** Analysis state changed. */
  analysis: AnalysisState;
  /** Ask a tab panel to open (details, actors, communities, gaps, edit). */
  openTab: string;
  /** A record was written on the server (reload the graph). */
  changed: void;
}

type Handler<T> = (payload: T) => void;

export class Bus {
  private readonly handlers = new Map<keyof BusEvents, Set<Handler<never>>>();

  on<K extends keyof BusEvents>(event: K, fn: Handler<BusEvents[K]>): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(fn as Handler<never>);
    return () => set.delete(fn as Handler<never>);
  }

  emit<K extends keyof BusEvents>(event: K, payload: BusEvents[K]): void {
    for (const fn of this.handlers.get(event) ?? []) (fn as Handler<BusEvents[K]>)(payload);
  }
}
