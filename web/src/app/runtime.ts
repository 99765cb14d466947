/**
 * What the app shell holds while it runs: the context, the page layout, the map renderer, the analysis runner
 * and the panels once built. The shell's small modules (actions, panels, map, loading, wiring) share it.
 */
import { AnalysisRunner, weakestAllowed } from '../analysis/runner.js';
import type { AppContext } from '../context/context.js';
import type { Tabs } from '../dom/tabs.js';
import type { LayoutRun } from '../map/layout.js';
import type { MapRenderer } from '../map/renderer.js';
import type { EditPanel } from '../panels/edit.js';
import type { GapsPanel } from '../panels/gaps.js';
import type { Panel } from '../panels/panel.js';
import type { StatusPanel } from '../panels/status.js';
import type { Shell } from './shell.js';

export interface Ui {
  status: StatusPanel;
  legend: Panel;
  encodings: Panel;
  table: Panel;
  edit: EditPanel;
  gaps: GapsPanel;
  tabs: Tabs;
  all: Panel[];
}

export interface Runtime {
  ctx: AppContext;
  shell: Shell;
  runner: AnalysisRunner;
  renderer: MapRenderer | null;
  layoutRun: LayoutRun | null;
  /** Counts boots, so an older boot that finishes late does nothing. */
  generation: number;
  /** Resolves the wait for the map's first frame during a boot. */
  firstFrameShown: (() => void) | null;
  ui: Ui | null;
}

export function createRuntime(ctx: AppContext, shell: Shell): Runtime {
  const runner = new AnalysisRunner({
    graph: () => ctx.graph,
    asOf: () => ctx.store.get().filters.asOf,
    minEvidence: () => weakestAllowed(ctx.store.get().filters.evidence),
    report: (state) => {
      if (state.status === 'done' && state.result) ctx.analysis = state.result;
      ctx.bus.emit('analysis', state);
    },
  });
  return { ctx, shell, runner, renderer: null, layoutRun: null, generation: 0, firstFrameShown: null, ui: null };
}

/** The built panels (after buildUi); a clear error if used before. */
export function ui(rt: Runtime): Ui {
  if (!rt.ui) throw new Error('the panels are not built yet');
  return rt.ui;
}
