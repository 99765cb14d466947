/** What a form needs from the edit panel: the context, and callbacks when it is done or cancelled. */
import type { AppContext } from '../context/context.js';

export interface FormHost {
  ctx: AppContext;
  /** The write succeeded: reload the graph, show a message, optionally select a node. */
  done: (message: string, select?: string) => void;
  cancel: () => void;
}

/** Errors of a write in the user's language. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
