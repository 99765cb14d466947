import { ApiProblem } from '../problems.js';
import { ExchangeError, type ExchangeErrorKind } from '../../core/exchange/errors.js';
import { AnalysisError } from '../../core/analysis/errors.js';
import type { Problem } from '../../core/model/problems.js';
import type { Bilingual } from '../../core/model/labels.js';
import type { TaskTable } from './tasks.js';

/** What crosses the thread boundary: typed errors survive as data (a cloned Error keeps only its message). */
export type TaskName = keyof TaskTable;
export type TaskInput<N extends TaskName> = Parameters<TaskTable[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<TaskTable[N]>>;

export type WireError =
  | { type: 'api'; status: number; code: string; message: string; problems: Problem[]; extra: Record<string, unknown> }
  | { type: 'exchange'; kind: ExchangeErrorKind; code: string; text: Bilingual; details: Record<string, unknown> }
  | { type: 'analysis'; code: string; message: string; details: Record<string, unknown> }
  | { type: 'other'; name: string; message: string; stack?: string };

export type TaskMessage<T> = { ok: true; value: T } | { ok: false; error: WireError };

export function wireError(err: unknown): WireError {
  if (err instanceof ApiProblem)
    return {
      type: 'api',
      status: err.status,
      code: err.code,
      message: err.message,
      problems: err.problems,
      extra: err.extra,
    };
  if (err instanceof ExchangeError)
    return { type: 'exchange', kind: err.kind, code: err.code, text: err.text, details: err.details };
  if (err instanceof AnalysisError)
    return { type: 'analysis', code: err.code, message: err.message, details: err.details ?? {} };
  const e = err instanceof Error ? err : new Error(String(err));
  return { type: 'other', name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

export function reviveError(w: WireError): Error {
  switch (w.type) {
    case 'api':
      return new ApiProblem(w.status, w.code, w.message, w.problems, w.extra);
    case 'exchange':
      return new ExchangeError(w.kind, w.code, w.text, w.details);
    case 'analysis':
      return new AnalysisError(w.code as never, w.message, w.details);
    default: {
      const e = new Error(w.message);
      e.name = w.name;
      if (w.stack) e.stack = w.stack;
      return e;
    }
  }
}
