import type { MessagePort } from 'node:worker_threads';
import { analysisAnswer } from '../routes/analysis.js';
import { gapsAnswer } from '../routes/gaps.js';
import { prepareImport } from '../../core/exchange/import-flow.js';
import { wireError, type TaskMessage } from './protocol.js';
import { exportAnswer } from './export-task.js';
import { councilAnswer } from '../routes/council.js';
import { platformAnswer } from '../routes/platform.js';
import { scenarioAnswer } from '../routes/scenarios.js';
import { runPathSlices, type PathSliceTask } from '../../core/analysis/kernel/parallel.js';

/** Reports how far a task has come (0–1) and in which stage; the pool forwards it to the job. */
export type Progress = (progress: number, stage: string) => void;

/** The tasks the worker threads run: pure functions of their input (no store, no network). */
export const TASKS = {
  /** Loads a worker's modules ahead of the first real task (the app waits for it when it becomes ready). */
  ping: (_input: null) => 'pong' as const,
  analysis: (input: Parameters<typeof analysisAnswer>[0], progress: Progress) => {
    progress(0.1, 'analysis');
    return analysisAnswer(input);
  },
  gaps: (input: Parameters<typeof gapsAnswer>[0], progress: Progress) => {
    progress(0.1, 'gaps');
    return gapsAnswer(input);
  },
  export: (input: Parameters<typeof exportAnswer>[0], progress: Progress) => {
    progress(0.1, input.format);
    return exportAnswer(input);
  },
  platform: (input: Parameters<typeof platformAnswer>[0]) => platformAnswer(input),
  council: (input: Parameters<typeof councilAnswer>[0]) => councilAnswer(input),
  scenario: (input: Parameters<typeof scenarioAnswer>[0]) => scenarioAnswer(input),
  importCheck: (input: Parameters<typeof prepareImport>[0], progress: Progress) => prepareImport(input, progress),
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
