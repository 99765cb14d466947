/**
 * Typed errors of the analysis engine. `code` is stable (the CLI, the API and the web worker map it to
 * messages and exit codes); `message` is English and names the offending item.
 */
export type AnalysisErrorCode =
  | 'invalid_weight'
  | 'unknown_weight_attribute'
  | 'unknown_partition_attribute'
  | 'graph_too_large'
  | 'invalid_parameter'
  | 'cancelled';

export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AnalysisErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AnalysisError';
    this.code = code;
    this.details = details;
  }
}

/** Progress and cancellation hooks, checked inside the long loops so a Web Worker can stop a run. */
export interface RunControl {
  /** Called with a fraction in [0, 1]. */
  onProgress?: (fraction: number) => void;
  /** Return true to abort; the run then throws `AnalysisError('cancelled')`. */
  shouldCancel?: () => boolean;
}

export function checkCancel(control: RunControl | undefined): void {
  if (control?.shouldCancel?.()) throw new AnalysisError('cancelled', 'The analysis was cancelled.');
}
