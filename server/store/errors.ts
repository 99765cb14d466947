/** Store failures with a stable code; the error plugin maps them to HTTP statuses. */
export type StoreErrorCode =
  'not_found' | 'already_exists' | 'version_mismatch' | 'dangling_endpoint' | 'store_unavailable';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const notFound = (what: string, id: string) => new StoreError('not_found', `${what} "${id}" not found`, { id });
export const alreadyExists = (what: string, id: string) =>
  new StoreError('already_exists', `${what} "${id}" already exists`, { id });
export const versionMismatch = (id: string, expected: number, actual: number) =>
  new StoreError('version_mismatch', `"${id}" is at version ${actual}, not ${expected}`, { id, expected, actual });
