import type { MessagePort } from 'node:worker_threads';
import { analysisAnswer } from '../routes/analysis.js';
import { gapsAnswer } from '../routes/gaps.js';
import { wireError, type TaskMessage } from './protocol.js';
import { exportAnswer } from './export-task.js';
import { councilAnswer } from '../routes/council.js';
import { platformAnswer } from '../routes/platform.js';
import { scenarioAnswer } from '../routes/scenarios.js';
import { runPathSlices, type PathSliceTask } from '../../core/analysis/kernel/parallel.js';
import { withSnapshot, type WithSource } from './snapshot-source.js';
import { exportSize } from './export-task.js';
import { checkAndWrite } from './import-task.js';
import { analysisPathGraph } from './analysis-paths.js';

/** Reports how far a task has come (0–1) and in which stage; the pool forwards it to the job. */
export type Progress = (progress: number, stage: string) => void;

/** The tasks the worker threads run: pure functions of their input (no store, no network). */
export const TASKS = {
  /** Loads a worker's modules ahead of the first real task (the app waits for it when it becomes ready). */
  ping: (_input: null) => 'pong' as const,
  /** The panel as JSON text: 20k actors' metrics are megabytes, serialised here rather than on the event loop. */
  analysis: async (input: WithSource<Parameters<typeof analysisAnswer>[0]>, progress: Progress) => {
    progress(0.1, 'analysis');
    return JSON.stringify(await withSnapshot(analysisAnswer)(input));
  },
  gaps: (input: WithSource<Parameters<typeof gapsAnswer>[0]>, progress: Progress) => {
    progress(0.1, 'gaps');
    return withSnapshot(gapsAnswer)(input);
  },
  /** What an export would draw (its view's filters applied): the route decides on it before the export. */
  exportSize: (input: WithSource<Parameters<typeof exportSize>[0]>) => withSnapshot(exportSize)(input),
  export: (input: WithSource<Parameters<typeof exportAnswer>[0]>, progress: Progress) => {
    progress(0.1, input.format);
    return withSnapshot(exportAnswer)(input);
  },
  platform: (input: WithSource<Parameters<typeof platformAnswer>[0]>) => withSnapshot(platformAnswer)(input),
  council: (input: WithSource<Parameters<typeof councilAnswer>[0]>) => withSnapshot(councilAnswer)(input),
  scenario: (input: WithSource<Parameters<typeof scenarioAnswer>[0]>) => withSnapshot(scenarioAnswer)(input),
  importCheck: (input: Parameters<typeof checkAndWrite>[0], progress: Progress) => checkAndWrite(input, progress),
  /** The analysis graph packed into shared memory for `pathSlices` (null: the panel runs its own pass). */
  analysisPathGraph: (input: WithSource<Parameters<typeof analysisPathGraph>[0]>) =>
    withSnapshot(analysisPathGraph)(input),
  /** A range of the path pass's source slices on a graph in shared memory (server/jobs/path-task.ts). */
  pathSlices: (input: PathSliceTask) => runPathSlices(input),
};

export type TaskTable = typeof TASKS;

/** The worker's entry (server/jobs/worker.mjs): runs one task and returns its value or its error as data. */
export async function runTask(message: {
  name: keyof TaskTable;
  input: unknown;
  port?: MessagePort;
}): Promise<TaskMessage<unknown>> {
  const progress: Progress = (p, stage) => message.port?.postMessage({ progress: p, stage });
  // Tells the pool the task has a thread now: its time budget starts here.
  progress(0, 'start');
  try {
    const task = TASKS[message.name] as (input: unknown, progress: Progress) => unknown;
    const value = await task(message.input, progress);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: wireError(err) };
  } finally {
    message.port?.close();
  }
}
