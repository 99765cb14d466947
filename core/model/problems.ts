import type { Bilingual } from './labels.js';

/** One thing wrong with an input, located by a JSON-pointer-like path (e.g. `/relations/3/sources`). */
export interface Problem {
  path: string;
  code: string;
  message: Bilingual;
}

export const problem = (path: string, code: string, sv: string, en: string): Problem => ({
  path,
  code,
  message: { sv, en },
});

export const prefixProblems = (prefix: string, problems: Problem[]): Problem[] =>
  problems.map((p) => ({ ...p, path: `${prefix}${p.path}` }));
