/** Limits of the file formats. The server's upload limit is the first line of defence; these bound the rest. */
export interface ExchangeLimits {
  /** Largest file accepted, in bytes (what arrives). */
  maxBytes: number;
  /** Largest total of the parts of a workbook once unzipped, in bytes (zip bombs). */
  maxUnzippedBytes: number;
  /** Largest single part of a workbook once unzipped, in bytes. */
  maxPartBytes: number;
  /** Most data rows in one table. */
  maxRows: number;
  /** Most columns in one table. */
  maxColumns: number;
  /** Most XML elements in one file, and the deepest nesting. */
  maxXmlElements: number;
  maxXmlDepth: number;
}

export const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: ExchangeLimits = {
  maxBytes: 50 * MiB,
  maxUnzippedBytes: 200 * MiB,
  maxPartBytes: 100 * MiB,
  maxRows: 200_000,
  maxColumns: 200,
  maxXmlElements: 5_000_000,
  maxXmlDepth: 64,
};

export const withLimits = (partial: Partial<ExchangeLimits> = {}): ExchangeLimits => ({
  ...DEFAULT_LIMITS,
  ...partial,
});

/** A lone UTF-16 surrogate: in `u` mode a well-formed pair is one code point, so only lone halves match. */
const LONE_SURROGATE = /\p{Cs}/u;

export const isWellFormedText = (s: string): boolean => !LONE_SURROGATE.test(s);

const pointer = (key: string | number): string => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

/**
 * The JSON pointer of the first string (a value or a key) holding a lone UTF-16 surrogate, or undefined. Such text
 * is not Unicode: it cannot be stored as UTF-8 nor restored exactly, so every body is refused before any other check.
 */
export function illFormedPath(value: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isWellFormedText(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path + pointer(i)]);
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (!isWellFormedText(k)) return path + pointer(k);
        stack.push([child, path + pointer(k)]);
      }
    }
  }
  return undefined;
}
