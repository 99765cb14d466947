/**
 * The shared base layout: node positions stored on the server as the view "Grundlayout", so every user and
 * every reload gets the same map. Computed once (ForceAtlas2 + Noverlap) when missing, then reused; nodes added
 * later are placed next to their neighbours.
 */
import { ApiError, api } from './client.js';
import type { Positions, SavedViewState } from '../state/types.js';

export const LAYOUT_VIEW = 'Grundlayout';

export interface StoredLayout {
  positions: Positions;
  pinned: string[];
  version: number;
}

export async function loadLayout(): Promise<StoredLayout | null> {
  try {
    const v = await api.getView(LAYOUT_VIEW);
    const st = v.state as Partial<SavedViewState> | null;
    return { positions: st?.positions ?? {}, pinned: st?.pinned ?? [], version: v.version };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** Saves the base layout; a concurrent first save by someone else wins (their layout is then reloaded). */
export async function saveLayout(
  positions: Positions,
  pinned: string[],
  version: number | null,
): Promise<number | null> {
  const state = { format: 'aktorsatlas-layout', version: 1, positions, pinned };
  try {
    const v = await api.saveView(LAYOUT_VIEW, state, version ?? undefined);
    return v.version;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 412 || err.status === 409 || err.status === 428)) return null;
    throw err;
  }
}
