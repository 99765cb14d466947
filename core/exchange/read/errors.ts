/** Typed errors of the graph-file readers; `code` is stable, `message` names what is wrong. */
export type ReadErrorCode =
  | 'xml_doctype_forbidden'
  | 'xml_too_deep'
  | 'input_too_large'
  | 'unknown_format'
  | 'not_a_graph'
  | 'malformed_xml'
  | 'malformed_csv'
  | 'malformed_json';

export class ReadError extends Error {
  readonly code: ReadErrorCode;

  constructor(code: ReadErrorCode, message: string) {
    super(message);
    this.name = 'ReadError';
    this.code = code;
  }
}

/** Largest accepted input: 50 MB (checked on bytes by the CLI, on UTF-16 code units by the readers). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export function checkSize(text: string, maxChars = MAX_INPUT_BYTES): void {
  if (text.length > maxChars)
    throw new ReadError('input_too_large', `The input is larger than ${Math.round(maxChars / 1024 / 1024)} MB.`);
}
