import type { JsonValue } from '../model/records.js';
import { fold } from '../text/fold.js';
import { enumOptions, propSchema } from './tables.js';

const BOOL_TRUE = new Set(['ja', 'yes', 'true', 'sant', '1', 'x', 'j', 'y']);
const BOOL_FALSE = new Set(['nej', 'no', 'false', 'falskt', '0', 'n']);

/** "1 234,5" -> 1234.5; a text that is no number is returned as is (validation names it). */
export function parseNumber(text: string): number | string {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  const normalised = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  if (normalised === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalised)) return text;
  return Number(normalised);
}

/** ISO dates as they are, and the dates Excel writes in text form ("2021-03-01 00:00:00", "2021/3/1"). */
export function parseDate(text: string): string {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return t;
}

/**
 * Splits a cell holding several values: one per line, or separated by " | ". Positions are kept (an empty line is
 * an empty value), so the URL, title and date cells of a relation's sources stay aligned; trailing empties go.
 */
export function splitMulti(text: string): string[] {
  const parts = (text.includes('\n') ? text.split(/\r?\n/) : text.split(/\s+\|\s+/)).map((s) => s.trim());
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

export interface Converted {
  value: JsonValue;
  warning?: { sv: string; en: string };
  /** The text is none of the allowed values (said here, with the list, rather than left to validation). */
  error?: { sv: string; en: string };
}

/** A string prop with a fixed-width digit pattern gets back the leading zeros Excel dropped, with a warning. */
function convertString(text: string, key: string, pattern: string | undefined): Converted {
  const pad = /^\^\\d\{(\d+)\}\$$/.exec(pattern ?? '');
  if (pad && /^\d+$/.test(text) && text.length < Number(pad[1])) {
    const padded = text.padStart(Number(pad[1]), '0');
    return {
      value: padded,
      warning: {
        sv: `"${text}" tolkades som "${padded}" (Excel tar bort inledande nollor)`,
        en: `"${text}" was read as "${padded}" (Excel drops leading zeros)`,
      },
    };
  }
  if (/date/i.test(key) || key === 'certifiedFrom' || key === 'dueDate') return { value: parseDate(text) };
  return { value: text };
}

/** Converts a cell to the type a prop's schema wants; what does not convert is kept as text for validation. */
export function convert(text: string, kind: string, key: string, relation: boolean): Converted {
  const schema = propSchema(kind, key, relation);
  if (!schema) return { value: text };
  const options = enumOptions(kind, key, relation);
  const unknown: string[] = [];
  const matchOption = (t: string) => {
    const f = fold(t);
    const v = options?.find((o) => fold(o.value) === f || fold(o.label.sv) === f || fold(o.label.en) === f)?.value;
    if (options && v === undefined) unknown.push(t);
    return v ?? t;
  };
  const checked = (value: JsonValue): Converted =>
    unknown.length === 0 || !options
      ? { value }
      : {
          value,
          error: {
            sv: `Okänt värde "${unknown.join('", "')}" (tillåtna: ${options.map((o) => o.label.sv).join(', ')})`,
            en: `Unknown value "${unknown.join('", "')}" (allowed: ${options.map((o) => o.label.en).join(', ')})`,
          },
        };
  switch (schema.type) {
    case 'boolean': {
      const f = fold(text);
      return { value: BOOL_TRUE.has(f) ? true : BOOL_FALSE.has(f) ? false : text };
    }
    case 'integer':
    case 'number':
      return { value: parseNumber(text) };
    case 'array':
      return checked(
        text
          .split(/\s*[;,|\n]\s*/)
          .filter((s) => s !== '')
          .map(matchOption),
      );
    case 'string':
      return convertString(text, key, schema.pattern);
    default:
      return options ? checked(matchOption(text)) : { value: text };
  }
}
