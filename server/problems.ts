import type { Problem } from '../core/model/problems.js';

/** An API failure that becomes an RFC 9457 problem+json answer with a stable `code`. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiProblem';
  }
}

export const validationFailed = (problems: Problem[], detail = 'The input is not valid') =>
  new ApiProblem(400, 'validation_failed', detail, problems);
